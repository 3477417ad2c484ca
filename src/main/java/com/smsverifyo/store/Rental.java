package com.smsverifyo.store;

import java.time.Instant;
import java.util.List;

/** A rental with its messages (oldest first); {@code code} is the newest code. */
public record Rental(long seq, String id, String accountId, String keyId, String service, String country,
                     Carrier carrier, long numberId, String phoneNumber, long priceMicros, RentalStatus status,
                     String code, Instant createdAt, Instant expiresAt, Instant receivedAt, Instant endedAt,
                     long refundedMicros, List<Message> messages) {

    public Rental withMessages(List<Message> list) {
        return new Rental(seq, id, accountId, keyId, service, country, carrier, numberId, phoneNumber, priceMicros,
                status, code, createdAt, expiresAt, receivedAt, endedAt, refundedMicros, List.copyOf(list));
    }

    /** True once any code arrived: such a rental is never refunded. */
    public boolean everReceived() {
        return receivedAt != null;
    }
}
