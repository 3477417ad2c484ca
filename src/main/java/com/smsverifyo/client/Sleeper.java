package com.smsverifyo.client;

import java.time.Duration;

/**
 * How the client waits between attempts. The default sleeps the calling thread; tests pass one that
 * records the waits, or moves a test clock, so they run fast and deterministically.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps the calling thread. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    /**
     * Waits for {@code duration}.
     *
     * @param duration how long
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
