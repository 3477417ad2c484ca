package com.smsverifyo.store;

import java.time.Instant;

/** An inbound SMS. {@code rentalId} is null for a message that matched no rental (kept, shown). */
public record Message(long seq, String id, String rentalId, String phoneNumber, String sender, String text,
                      String code, boolean late, String source, Instant receivedAt) {
}
