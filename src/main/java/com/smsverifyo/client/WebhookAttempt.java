package com.smsverifyo.client;

import java.time.Instant;
import java.util.Optional;

/**
 * One attempt to deliver a webhook message.
 *
 * @param attemptedAt   when it was made
 * @param statusCode    the receiver's HTTP status; empty when no answer came (refused, timed out)
 * @param latencyMs     how long the receiver took, milliseconds
 * @param error         why it failed, if it did (such as {@code HTTP 500 Internal Server Error})
 * @param nextAttemptAt the retry this failure scheduled, if any
 * @param manual        whether it was a redelivery asked for by hand
 */
public record WebhookAttempt(Instant attemptedAt, Optional<Integer> statusCode, Optional<Long> latencyMs,
                             Optional<String> error, Optional<Instant> nextAttemptAt, boolean manual) {
    /** @return whether the receiver answered 2xx */
    public boolean succeeded() {
        return statusCode.map(code -> code >= 200 && code < 300).orElse(false);
    }
}
