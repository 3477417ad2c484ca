package com.smsverifyo.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code 429 rate_limited}: the key's rental-creation quota is used up. Nothing was charged and the
 * Idempotency-Key was not consumed. The client waits this out by itself (see {@link RetryPolicy});
 * it surfaces only when the policy allows no more waiting, or the server asks for a longer wait
 * than {@link RetryPolicy#maxRateLimitWait()}.
 */
public final class RateLimitedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** The server's Retry-After. */
    private final Duration retryAfter;
    /** The key's quota figures, or null. */
    private final transient RateLimit rateLimit;

    /**
     * @param problem    the problem detail
     * @param method     the request's HTTP method
     * @param path       the request's path
     * @param retryAfter how long the server asked to wait ({@code Retry-After})
     * @param rateLimit  the key's quota figures from the response, or {@code null}
     */
    public RateLimitedException(Problem problem, String method, String path, Duration retryAfter, RateLimit rateLimit) {
        super(problem, method, path);
        this.retryAfter = retryAfter;
        this.rateLimit = rateLimit;
    }

    /** @return how long to wait before the next attempt: the server's {@code Retry-After} */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return the key's quota figures ({@code RateLimit}/{@code RateLimit-Policy}), if sent */
    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    /** @return the names of the policies the request violated ({@code violated-policies}) */
    public List<String> violatedPolicies() {
        return problem().strings("violated-policies");
    }
}
