package com.smsverifyo.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's background chores: expiring rentals on time (with refunds), writing keys' last-use
 * times, forgetting idempotent replies after 24 hours, trimming the event log, the webhook
 * history and old delivery receipts. Every chore is stateless against the database, so a restart
 * simply catches up.
 */
final class Housekeeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Housekeeper.class);
    private static final int EXPIRY_BATCH = 500;
    /** The event log serves Last-Event-ID resumes; API.md promises at least 24 h. */
    static final Duration EVENT_RETENTION = Duration.ofDays(7);
    /** Finished webhook messages stay visible in the delivery history this long. */
    static final Duration WEBHOOK_HISTORY = Duration.ofDays(30);
    /** Sources' delivery receipts outlive their retries (the Android app retries for about two days). */
    static final Duration RECEIPT_RETENTION = Duration.ofDays(7);

    private final Engine engine;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "engine-housekeeper");
        thread.setDaemon(true);
        return thread;
    });

    Housekeeper(Engine engine) {
        this.engine = engine;
    }

    void start(long sweepMillis) {
        scheduler.scheduleWithFixedDelay(this::expireDue, 0, sweepMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> quietly("last-used", engine.keys()::flushLastUsed), 5, 5, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> quietly("idempotency purge", () -> {
            engine.idempotency().purgeExpired();
            engine.rateLimiter().purge();
        }), 1, 60, TimeUnit.MINUTES);
        scheduler.scheduleWithFixedDelay(() -> quietly("log trim", this::trimLogs), 2, 60, TimeUnit.MINUTES);
    }

    /** Drops events older than {@link #EVENT_RETENTION}, finished webhook messages older than {@link #WEBHOOK_HISTORY}. */
    int trimLogs() {
        Instant now = engine.clock().instant();
        return engine.events().purgeOlderThan(now.minus(EVENT_RETENTION))
                + engine.webhooks().purgeFinished(now.minus(WEBHOOK_HISTORY))
                + engine.inbound().purgeReceipts(now.minus(RECEIPT_RETENTION));
    }

    /** Ends every rental whose time is up; returns how many. */
    int expireDue() {
        int total = 0;
        try {
            int ended;
            do {
                ended = engine.rentals().expireDue(EXPIRY_BATCH);
                total += ended;
            } while (ended == EXPIRY_BATCH);
        } catch (RuntimeException e) {
            log.error("expiry sweep failed; it will run again", e);
        }
        return total;
    }

    private static void quietly(String chore, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; it will run again", chore, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
