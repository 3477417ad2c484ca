package com.smsverifyo.store;

import java.time.Instant;

/** One entry of the event log; {@code seq} orders the log and resumes the live stream. */
public record StoredEvent(long seq, String id, String accountId, String type, String rentalId, String payload,
                          Instant createdAt) {
}
