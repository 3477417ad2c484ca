package com.smsverifyo.client;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A webhook message to one endpoint, with every attempt made to deliver it.
 *
 * @param messageId     {@code msg_…}: the {@code webhook-id} header, the same on every retry and redelivery
 * @param webhookId     the endpoint ({@code whk_…})
 * @param accountId     the account it belongs to, if the server says
 * @param eventType     the event, such as {@code rental.code_received} or {@code webhook.test}
 * @param eventId       the event log entry it came from (none for a test)
 * @param rentalId      the rental it is about, if any
 * @param status        where the message stands
 * @param attemptCount  how many attempts were made
 * @param nextAttemptAt when the next attempt is due, while it is pending
 * @param createdAt     when the message was queued
 * @param finishedAt    when it was delivered or gave up
 * @param attempts      every attempt, oldest first
 * @param body          the exact signed body: only {@link WebhooksResource#delivery(String, String)} shows it
 */
public record WebhookDelivery(String messageId, String webhookId, Optional<String> accountId, String eventType,
                              Optional<String> eventId, Optional<String> rentalId, Status status, int attemptCount,
                              Optional<Instant> nextAttemptAt, Instant createdAt, Optional<Instant> finishedAt,
                              List<WebhookAttempt> attempts, Optional<String> body) {
    /**
     * Copies the list so the record stays immutable.
     *
     * @param messageId {@code msg_…}
     * @param webhookId the endpoint
     * @param accountId the account it belongs to, if the server says
     * @param eventType the event
     * @param eventId the event log entry it came from
     * @param rentalId the rental it is about
     * @param status where the message stands
     * @param attemptCount how many attempts were made
     * @param nextAttemptAt when the next attempt is due
     * @param createdAt when the message was queued
     * @param finishedAt when it was delivered or gave up
     * @param attempts every attempt, oldest first
     * @param body the exact signed body, when shown
     */
    public WebhookDelivery {
        attempts = List.copyOf(attempts);
    }

    /** @return the newest attempt, if one was made */
    public Optional<WebhookAttempt> latestAttempt() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }

    /** @return whether the message reached the receiver */
    public boolean delivered() {
        return status == Status.DELIVERED;
    }

    /** Where a message stands. */
    public enum Status {
        /** Waiting for its next attempt (or the first). */
        PENDING,
        /** A receiver answered 2xx. */
        DELIVERED,
        /** Every scheduled attempt failed; it can still be redelivered by hand. */
        FAILED,
        /** A state this client does not know (a newer server). */
        UNKNOWN;

        /**
         * @param wire the contract's name, such as {@code pending}
         * @return the state, or {@link #UNKNOWN}
         */
        public static Status fromWire(String wire) {
            try {
                return valueOf(wire.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }

        /** @return the contract's name, such as {@code pending} */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
