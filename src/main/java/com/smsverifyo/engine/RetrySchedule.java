package com.smsverifyo.engine;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When the next attempt of a message is due: the schedule's wait for that step with ±20 % jitter
 * (so retries of many messages do not arrive in lockstep), stretched to a receiver's
 * {@code Retry-After} but never beyond twice the scheduled wait.
 */
final class RetrySchedule {
    private static final double JITTER = 0.2;

    private final List<Duration> waits;
    private final RandomGenerator random;

    RetrySchedule(List<Duration> waits, RandomGenerator random) {
        this.waits = List.copyOf(waits);
        this.random = random;
    }

    /** How many attempts a message gets before it is {@code failed}. */
    int attempts() {
        return waits.size();
    }

    /** The wait before attempt {@code step} (0-based), jittered; {@code retryAfter} may be null. */
    Duration wait(int step, Duration retryAfter) {
        Duration scheduled = jittered(waits.get(step));
        if (retryAfter == null || retryAfter.isNegative()) {
            return scheduled;
        }
        Duration ceiling = scheduled.multipliedBy(2);
        if (retryAfter.compareTo(scheduled) < 0) {
            return scheduled;
        }
        return retryAfter.compareTo(ceiling) > 0 ? ceiling : retryAfter;
    }

    private Duration jittered(Duration wait) {
        if (wait.isZero()) {
            return wait;
        }
        double factor = 1 - JITTER + random.nextDouble() * 2 * JITTER;
        return Duration.ofMillis(Math.round(wait.toMillis() * factor));
    }
}
