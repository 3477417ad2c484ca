package com.smsverifyo.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for an asynchronous effect by polling with a generous deadline; never a fixed sleep. */
public final class Await {
    public static final Duration DEFAULT = Duration.ofSeconds(20);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            pause();
        }
    }

    /** Polls {@code value} until it is non-null. */
    public static <T> T value(String what, Supplier<T> value) {
        long deadline = System.nanoTime() + DEFAULT.toNanos();
        T result;
        while ((result = value.get()) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DEFAULT.toSeconds() + " s waiting for: " + what);
            }
            pause();
        }
        return result;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
