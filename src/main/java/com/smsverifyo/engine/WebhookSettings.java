package com.smsverifyo.engine;

import java.time.Duration;
import java.util.List;

/**
 * How webhooks are delivered: the retry schedule (its first entry is the wait before the first
 * attempt), the address ranges the operator allows besides the public internet, and the bounds that
 * keep one slow receiver from holding up the others.
 *
 * @param retrySchedule  waits before attempt 1, 2, …; ±20 % jitter is added to each
 * @param allowedCidrs   ranges that the URL policy would refuse but the operator allows
 * @param maxConcurrent  deliveries in flight at once, over all endpoints
 * @param maxPerEndpoint deliveries in flight at once to one endpoint
 * @param timeout        a delivery that has no 2xx within this time has failed
 * @param pollInterval   how often the dispatcher looks for retries that came due
 * @param disableAfter   an endpoint failing without a success for this long is disabled
 */
public record WebhookSettings(List<Duration> retrySchedule, List<Cidr> allowedCidrs, int maxConcurrent,
                              int maxPerEndpoint, Duration timeout, Duration pollInterval, Duration disableAfter) {

    /** API.md's schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
    public static final List<Duration> DEFAULT_SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));

    public WebhookSettings {
        retrySchedule = List.copyOf(retrySchedule);
        allowedCidrs = List.copyOf(allowedCidrs);
        if (retrySchedule.isEmpty() || retrySchedule.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("the retry schedule needs at least one wait, none negative");
        }
        if (maxConcurrent < 1 || maxPerEndpoint < 1) {
            throw new IllegalArgumentException("delivery concurrency must be at least 1");
        }
    }

    /** The defaults: API.md's schedule, nothing private allowed, 32 in flight, 8 per endpoint, 15 s, 5 days. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(DEFAULT_SCHEDULE, List.of(), 32, 8, Duration.ofSeconds(15), Duration.ofSeconds(1),
                Duration.ofDays(5));
    }

    public WebhookSettings withRetrySchedule(List<Duration> schedule) {
        return new WebhookSettings(schedule, allowedCidrs, maxConcurrent, maxPerEndpoint, timeout, pollInterval,
                disableAfter);
    }

    public WebhookSettings withAllowedCidrs(List<Cidr> cidrs) {
        return new WebhookSettings(retrySchedule, cidrs, maxConcurrent, maxPerEndpoint, timeout, pollInterval,
                disableAfter);
    }

    public WebhookSettings withPollInterval(Duration interval) {
        return new WebhookSettings(retrySchedule, allowedCidrs, maxConcurrent, maxPerEndpoint, timeout, interval,
                disableAfter);
    }

    public WebhookSettings withConcurrency(int overall, int perEndpoint) {
        return new WebhookSettings(retrySchedule, allowedCidrs, overall, perEndpoint, timeout, pollInterval, disableAfter);
    }

    public WebhookSettings withTimeout(Duration newTimeout) {
        return new WebhookSettings(retrySchedule, allowedCidrs, maxConcurrent, maxPerEndpoint, newTimeout, pollInterval,
                disableAfter);
    }

    /** Loopback only (IPv4 and IPv6): what the desktop app's embedded engine and tests allow. */
    public static List<Cidr> loopback() {
        return List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128"));
    }
}
