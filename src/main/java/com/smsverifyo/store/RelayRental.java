package com.smsverifyo.store;

import java.time.Instant;

/**
 * One number rented from an upstream server for a local rental: the relay's journal entry (see
 * V9__sources.sql for its states). {@code id} is also the Idempotency-Key of the upstream rental.
 */
public record RelayRental(String id, String sourceId, State state, String service, String country, String carrier,
                          Long maxPriceMicros, String upstreamRentalId, String phoneNumber, Instant upstreamExpiresAt,
                          String rentalId, CloseAction closeAction, int attempts, String lastError, Instant createdAt,
                          Instant updatedAt) {

    /** Where the entry stands. */
    public enum State {
        RESERVING, RESERVED, ACTIVE, CLOSING, CLOSED, FAILED;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State parse(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** What the upstream is told when the local rental ends. */
    public enum CloseAction {
        CANCEL, REPORT, FINISH;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static CloseAction parse(String value) {
            return value == null ? null : valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
