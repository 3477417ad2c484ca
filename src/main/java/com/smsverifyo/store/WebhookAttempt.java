package com.smsverifyo.store;

import java.time.Instant;

/**
 * One try to deliver a message: when, the HTTP status (null when no response came), how long it
 * took, what went wrong, and the retry it scheduled.
 */
public record WebhookAttempt(long seq, String messageId, Instant attemptedAt, Integer statusCode, long latencyMs,
                             String error, Instant nextAttemptAt, boolean manual) {
}
