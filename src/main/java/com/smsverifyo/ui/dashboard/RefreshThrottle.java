package com.smsverifyo.ui.dashboard;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs a refresh at most once per gap however often it is asked for: the first request runs at
 * once, requests during the gap merge into one that runs when the gap is over. A burst of a
 * thousand live events costs two refreshes, and the last change is never missed.
 */
final class RefreshThrottle {

    /** Runs work after a delay (a timer thread in the app; a recording one in tests). */
    @FunctionalInterface
    interface Scheduler {
        void schedule(Runnable work, long delayNanos);
    }

    private final Scheduler scheduler;
    private final LongSupplier nanoTime;
    private final long gapNanos;
    private final Runnable refresh;
    private long lastStart;
    private boolean started;
    private boolean scheduled;

    RefreshThrottle(ScheduledExecutorService timer, Duration gap, Runnable refresh) {
        this((work, delay) -> {
            try {
                timer.schedule(work, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                // The page is gone; nothing to refresh.
            }
        }, System::nanoTime, gap, refresh);
    }

    RefreshThrottle(Scheduler scheduler, LongSupplier nanoTime, Duration gap, Runnable refresh) {
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
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
            delay = started ? Math.max(0, lastStart + gapNanos - nanoTime.getAsLong()) : 0;
        }
        scheduler.schedule(this::fire, delay);
    }

    private void fire() {
        synchronized (this) {
            scheduled = false;
            started = true;
            lastStart = nanoTime.getAsLong();
        }
        refresh.run();
    }
}
