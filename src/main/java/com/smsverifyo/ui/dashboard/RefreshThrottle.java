package com.smsverifyo.ui.dashboard;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a refresh at most once per gap however often it is asked for: the first request runs at
 * once, requests during the gap merge into one that runs when the gap is over. A burst of a
 * thousand live events costs two refreshes, and the last change is never missed.
 */
final class RefreshThrottle {
    private final ScheduledExecutorService timer;
    private final long gapNanos;
    private final Runnable refresh;
    private long lastStart;
    private boolean started;
    private boolean scheduled;

    RefreshThrottle(ScheduledExecutorService timer, Duration gap, Runnable refresh) {
        this.timer = timer;
        this.gapNanos = gap.toNanos();
        this.refresh = refresh;
    }

    /** Asks for a refresh: now if the last one started a gap ago or more, else when the gap is over. */
    void request() {
        long delay;
        synchronized (this) {
            if (scheduled) {
                return;
            }
            scheduled = true;
            delay = started ? Math.max(0, lastStart + gapNanos - System.nanoTime()) : 0;
        }
        try {
            timer.schedule(this::fire, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            // The page is gone; nothing to refresh.
        }
    }

    private void fire() {
        synchronized (this) {
            scheduled = false;
            started = true;
            lastStart = System.nanoTime();
        }
        refresh.run();
    }
}
