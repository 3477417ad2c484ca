package com.smsverifyo.engine;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rental creation per key: {@code limit} requests per fixed 60-second window that starts with the
 * key's first request. The figures are those of the IETF RateLimit fields (draft 10): remaining
 * quota {@code r} and seconds {@code t} until the window resets; a refusal's Retry-After is {@code t}.
 */
public final class RateLimiter {
    public static final int WINDOW_SECONDS = 60;
    private static final long WINDOW_MILLIS = WINDOW_SECONDS * 1000L;

    /** The verdict on one request, and the figures to show in the response fields. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
        public int windowSeconds() {
            return WINDOW_SECONDS;
        }
    }

    private static final class Window {
        long start;
        int used;
    }

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Counts one request if the key has quota left. */
    public Decision acquire(String keyId, int limit) {
        return decide(keyId, limit, true);
    }

    /** The key's figures without counting anything (for replays). */
    public Decision peek(String keyId, int limit) {
        return decide(keyId, limit, false);
    }

    private Decision decide(String keyId, int limit, boolean consume) {
        long now = clock.millis();
        Decision[] decision = new Decision[1];
        // compute() holds the key's bin lock: counting, resetting and purging never interleave.
        windows.compute(keyId, (key, window) -> {
            Window current = window == null ? new Window() : window;
            if (current.used == 0 || now >= current.start + WINDOW_MILLIS) {
                current.start = now;
                current.used = 0;
            }
            boolean allowed = current.used < limit;
            if (allowed && consume) {
                current.used++;
            }
            long reset = Math.max(1, ceilSeconds(current.start + WINDOW_MILLIS - now));
            decision[0] = new Decision(allowed, limit, Math.max(0, limit - current.used), reset);
            return current;
        });
        return decision[0];
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }

    /** Drops windows that ended (housekeeping). */
    public void purge() {
        long now = clock.millis();
        for (String key : windows.keySet()) {
            windows.computeIfPresent(key, (k, window) -> now >= window.start + WINDOW_MILLIS ? null : window);
        }
    }
}
