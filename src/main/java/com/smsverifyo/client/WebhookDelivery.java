package com.smsverifyo.client;

import java.time.Instant;
import java.util.Optional;

/**
 * One delivery attempt of a webhook message.
 *
 * @param id          the attempt's id, if the server gives attempts their own
 * @param messageId   the message ({@code msg_…}: the {@code webhook-id} header, the same on every retry)
 * @param eventType   the event type, such as {@code rental.code_received}
 * @param status      the message's state ({@code pending}, {@code delivered}, {@code failed}…)
 * @param attempt     which attempt this was (1 for the first)
 * @param attemptedAt when it was made
 * @param statusCode  the receiver's HTTP status, if it answered
 * @param latencyMs   how long the receiver took, milliseconds
 * @param error       why it failed, if it did
 * @param nextRetryAt when the next attempt is due, if one is
 */
public record WebhookDelivery(Optional<String> id, String messageId, Optional<String> eventType, Optional<String> status,
                              Optional<Integer> attempt, Optional<Instant> attemptedAt, Optional<Integer> statusCode,
                              Optional<Long> latencyMs, Optional<String> error, Optional<Instant> nextRetryAt) {
    /** @return whether the receiver answered 2xx */
    public boolean succeeded() {
        return statusCode.map(code -> code >= 200 && code < 300).orElse(false);
    }
}
