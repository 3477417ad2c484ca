package com.smsverifyo.engine;

import java.time.Duration;

/** A wake-up call that is never lost: a signal given while nobody waits is kept for the next wait. */
final class Signal {
    private boolean pending;

    synchronized void raise() {
        pending = true;
        notifyAll();
    }

    /** Waits until raised or {@code timeout} passes; clears the signal. */
    synchronized void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        pending = false;
    }
}
