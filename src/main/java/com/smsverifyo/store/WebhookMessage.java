package com.smsverifyo.store;

import java.time.Instant;

/**
 * One event for one endpoint: the unit of at-least-once delivery. Its {@code id} is the
 * {@code webhook-id} of every attempt; {@code step} is its position in the retry schedule;
 * {@code manual} marks that the next attempt was asked for by hand (a redelivery).
 */
public record WebhookMessage(long seq, String id, String endpointId, String accountId, String eventId, String eventType,
                             String rentalId, String body, WebhookMessageStatus status, int step, int attempts,
                             Instant nextAttemptAt, boolean manual, Instant createdAt, Instant finishedAt) {
}
