package com.smsverifyo.client;

import java.time.Duration;
import java.util.Objects;

/**
 * What the client retries, and how long it waits. Only failures that did nothing, or that the
 * Idempotency-Key makes safe to repeat, are retried:
 * <ul>
 * <li>network errors (including a connection dropped after the request was sent) and {@code 5xx}:
 *     up to {@code maxRetries} times, after an exponential backoff with full jitter: a random wait
 *     between zero and {@code min(maxDelay, baseDelay × 2^n)} before retry {@code n + 1}, and never
 *     less than a {@code Retry-After} the server sent;</li>
 * <li>{@code 429 rate_limited}: up to {@code maxRateLimitRetries} times, each after exactly the
 *     server's {@code Retry-After} (never less; a little more to spread callers out), unless that is
 *     longer than {@code maxRateLimitWait}, when the {@link RateLimitedException} surfaces at once;</li>
 * <li>{@code 409 idempotency_request_in_progress}: up to {@code maxInProgressRetries} times, each
 *     after {@code inProgressDelay}.</li>
 * </ul>
 * Every other response is final: a 4xx is never retried.
 *
 * @param maxRetries           retries after network errors and 5xx (0 turns them off)
 * @param baseDelay            the backoff's first cap
 * @param maxDelay             the backoff's largest cap
 * @param maxRateLimitRetries  how many 429s to wait out per call (0: surface the first one)
 * @param maxRateLimitWait     the longest {@code Retry-After} to wait out
 * @param maxInProgressRetries how many in-progress conflicts to wait out per call
 * @param inProgressDelay      the wait before each of those retries
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, int maxRateLimitRetries,
                          Duration maxRateLimitWait, int maxInProgressRetries, Duration inProgressDelay) {

    /**
     * Validates the figures.
     *
     * @param maxRetries retries after network errors and 5xx (0 turns them off)
     * @param baseDelay the backoff's first cap
     * @param maxDelay the backoff's largest cap
     * @param maxRateLimitRetries how many 429s to wait out per call (0: surface the first one)
     * @param maxRateLimitWait the longest {@code Retry-After} to wait out
     * @param maxInProgressRetries how many in-progress conflicts to wait out per call
     * @param inProgressDelay the wait before each of those retries
     */
    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
        Objects.requireNonNull(inProgressDelay, "inProgressDelay");
        if (maxRetries < 0 || maxRateLimitRetries < 0 || maxInProgressRetries < 0) {
            throw new IllegalArgumentException("retry counts must not be negative");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || maxRateLimitWait.isNegative()
                || inProgressDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative, and maxDelay must be at least baseDelay");
        }
    }

    /**
     * The default: 4 retries with backoff from 0.5 s up to 30 s; up to 5 rate-limit waits of at
     * most 2 minutes each; up to 20 in-progress waits of 0.5 s.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), 5, Duration.ofMinutes(2),
                20, Duration.ofMillis(500));
    }

    /**
     * No retries at all: every failure surfaces at once.
     *
     * @return a policy that never retries
     */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, 0, Duration.ZERO);
    }

    /**
     * @param retries retries after network errors and 5xx
     * @return this policy with that count
     */
    public RetryPolicy withMaxRetries(int retries) {
        return new RetryPolicy(retries, baseDelay, maxDelay, maxRateLimitRetries, maxRateLimitWait,
                maxInProgressRetries, inProgressDelay);
    }

    /**
     * @param base the backoff's first cap
     * @param max  the backoff's largest cap
     * @return this policy with that backoff
     */
    public RetryPolicy withBackoff(Duration base, Duration max) {
        return new RetryPolicy(maxRetries, base, max, maxRateLimitRetries, maxRateLimitWait,
                maxInProgressRetries, inProgressDelay);
    }

    /**
     * @param retries how many 429s to wait out per call (0: surface the first one at once)
     * @param maxWait the longest {@code Retry-After} to wait out
     * @return this policy with those rate-limit rules
     */
    public RetryPolicy withRateLimitRetries(int retries, Duration maxWait) {
        return new RetryPolicy(maxRetries, baseDelay, maxDelay, retries, maxWait, maxInProgressRetries, inProgressDelay);
    }

    /**
     * @param retries how many in-progress conflicts to wait out
     * @param delay   the wait before each
     * @return this policy with those in-progress rules
     */
    public RetryPolicy withInProgressRetries(int retries, Duration delay) {
        return new RetryPolicy(maxRetries, baseDelay, maxDelay, maxRateLimitRetries, maxRateLimitWait, retries, delay);
    }

    /**
     * The backoff before retry {@code failures} (1 for the first retry), full jitter.
     *
     * @param failures how many attempts failed so far (at least 1)
     * @param random   a number in [0, 1)
     * @return the wait
     */
    Duration backoff(int failures, double random) {
        return fullJitter(failures, baseDelay, maxDelay, random);
    }

    /**
     * A random wait in [0, min(max, base × 2^(failures − 1))]: full jitter, so clients that failed
     * together do not come back together.
     */
    static Duration fullJitter(int failures, Duration base, Duration max, double random) {
        long baseMillis = Math.max(0, base.toMillis());
        int exponent = Math.min(30, Math.max(0, failures - 1));
        long grown = baseMillis << exponent;
        long cap = Math.min(max.toMillis(), grown < 0 ? Long.MAX_VALUE : grown);
        return Duration.ofMillis((long) (cap * Math.max(0, Math.min(1, random))));
    }
}
