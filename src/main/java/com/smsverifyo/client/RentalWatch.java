package com.smsverifyo.client;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one rental until it is final or closed. Every state it reports comes from a fresh
 * {@code GET /v1/rentals/{id}}: an event of the shared stream about this rental triggers a read at
 * once; without a working stream a tick reads every poll interval; with one it still reads now and
 * then (and when the rental should have expired), in case an event was lost. Reads of one watch
 * never overlap, so the states it reports never go back in time.
 */
final class RentalWatch implements Subscription {
    private static final Logger log = LoggerFactory.getLogger(RentalWatch.class);

    private final String rentalId;
    private final RentalsResource rentals;
    private final LiveRentals live;
    private final RentalWatcher watcher;
    private final ScheduledExecutorService scheduler;
    private final Duration pollInterval;
    private final Duration safetyInterval;
    private final java.time.Clock clock;
    private final Object lock = new Object();

    private boolean closed;
    private boolean reading;
    private WatchSource pending;
    private Rental last;
    private long lastReadNanos;
    private ScheduledFuture<?> ticker;

    RentalWatch(String rentalId, RentalsResource rentals, LiveRentals live, RentalWatcher watcher,
                ScheduledExecutorService scheduler, Duration pollInterval, Duration safetyInterval, java.time.Clock clock) {
        this.rentalId = rentalId;
        this.rentals = rentals;
        this.live = live;
        this.watcher = watcher;
        this.scheduler = scheduler;
        this.pollInterval = pollInterval;
        this.safetyInterval = safetyInterval;
        this.clock = clock;
    }

    RentalWatch start() {
        live.register(this);
        synchronized (lock) {
            if (closed) {
                return this;
            }
            ticker = scheduler.scheduleWithFixedDelay(this::tick, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return !closed;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (ticker != null) {
                ticker.cancel(false);
            }
        }
        live.unregister(this);
    }

    /** The shared stream saw an event about some rental. */
    void onEvent(String eventRentalId) {
        if (rentalId.equals(eventRentalId)) {
            refreshFromStream();
        }
    }

    /** Reads the rental soon because the stream said something (or just opened). */
    void refreshFromStream() {
        try {
            scheduler.execute(() -> read(WatchSource.STREAM));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            close(); // the client is closing
        }
    }

    private void tick() {
        boolean due;
        synchronized (lock) {
            long sinceRead = System.nanoTime() - lastReadNanos;
            boolean overdue = last != null && clock.instant().isAfter(last.expiresAt());
            due = last == null || !live.streaming() || sinceRead >= safetyInterval.toNanos() || overdue;
        }
        if (due) {
            read(WatchSource.POLLING);
        }
    }

    /** One read at a time per watch; a read asked for meanwhile runs right after. */
    private void read(WatchSource source) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (reading) {
                pending = pending == WatchSource.STREAM ? pending : source;
                return;
            }
            reading = true;
        }
        WatchSource next = source;
        while (next != null) {
            readOnce(next);
            synchronized (lock) {
                next = closed ? null : pending;
                pending = null;
                if (next == null) {
                    reading = false;
                }
            }
        }
    }

    private void readOnce(WatchSource source) {
        Rental rental;
        try {
            rental = rentals.get(rentalId);
        } catch (NotFoundException | AuthenticationException | PermissionException e) {
            report(e, true);
            close();
            return;
        } catch (SmsVerifyoException e) {
            report(e, false);
            return;
        } catch (RuntimeException e) {
            log.warn("watching {} failed unexpectedly", rentalId, e);
            return;
        }
        boolean changed;
        synchronized (lock) {
            lastReadNanos = System.nanoTime();
            changed = !closed && !rental.equals(last);
            if (changed) {
                last = rental;
            }
        }
        if (changed) {
            try {
                watcher.onUpdate(rental, source);
            } catch (RuntimeException e) {
                log.warn("a rental watcher failed", e);
            }
            if (rental.isFinal()) {
                close();
            }
        }
    }

    private void report(SmsVerifyoException error, boolean ended) {
        try {
            watcher.onError(error, ended);
        } catch (RuntimeException e) {
            log.warn("a rental watcher failed", e);
        }
    }
}
