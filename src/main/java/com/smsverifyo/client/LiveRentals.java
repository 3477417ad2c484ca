package com.smsverifyo.client;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One event stream shared by every watch of a client (each rental does not open its own
 * connection). It runs while at least one watch does. When the server has no stream (404) or it
 * keeps failing, watches poll instead, and the stream is tried again only after a pause.
 */
final class LiveRentals {
    /** Consecutive failures before watches stop counting on the stream. */
    static final int FAILURES_BEFORE_POLLING = 3;

    private final Function<EventListener, EventStream> streams;
    private final boolean enabled;
    private final Duration pause;
    private final Set<RentalWatch> watches = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();

    private EventStream stream;
    private volatile boolean streaming;
    private int failures;
    private boolean paused;
    private long pausedUntil;

    /**
     * @param streams opens a stream for a listener (not yet started)
     * @param enabled whether to use the stream at all
     * @param pause   how long to poll before trying a failed stream again
     */
    LiveRentals(Function<EventListener, EventStream> streams, boolean enabled, Duration pause) {
        this.streams = streams;
        this.enabled = enabled;
        this.pause = pause;
    }

    /** @return whether events are flowing now, so watches may poll rarely */
    boolean streaming() {
        return streaming;
    }

    void register(RentalWatch watch) {
        watches.add(watch);
        EventStream opened = null;
        synchronized (lock) {
            if (enabled && stream == null && (!paused || System.nanoTime() - pausedUntil >= 0)) {
                paused = false;
                Listener listener = new Listener();
                opened = streams.apply(listener);
                listener.own = opened;
                stream = opened;
                failures = 0;
            }
        }
        if (opened != null) {
            opened.start(); // outside the lock: the stream calls back into this class under its own lock
        }
    }

    void unregister(RentalWatch watch) {
        watches.remove(watch);
        EventStream closing = null;
        synchronized (lock) {
            if (watches.isEmpty() && stream != null) {
                closing = stream;
                stream = null;
                streaming = false;
            }
        }
        if (closing != null) {
            closing.close();
        }
    }

    void close() {
        EventStream closing;
        synchronized (lock) {
            closing = stream;
            stream = null;
            streaming = false;
        }
        if (closing != null) {
            closing.close();
        }
    }

    /** Hears the shared stream and tells each watch. */
    private final class Listener implements EventListener {
        private volatile EventStream own;

        @Override
        public void onOpen() {
            synchronized (lock) {
                if (stream != own) {
                    return; // a stream this hub already gave up on
                }
                failures = 0;
                streaming = true;
            }
            // Changes made before the stream was up (or while it was down) come with no event: read once.
            watches.forEach(RentalWatch::refreshFromStream);
        }

        @Override
        public void onEvent(Event event) {
            event.rentalId().ifPresent(id -> watches.forEach(watch -> watch.onEvent(id)));
        }

        @Override
        public void onFailure(SmsVerifyoException error, Optional<Duration> reconnectIn) {
            EventStream giveUp = null;
            synchronized (lock) {
                if (stream != own) {
                    return;
                }
                streaming = false;
                failures++;
                if (reconnectIn.isEmpty() || failures >= FAILURES_BEFORE_POLLING) {
                    giveUp = stream;
                    stream = null;
                    paused = true;
                    pausedUntil = System.nanoTime() + pause.toNanos();
                }
            }
            if (giveUp != null) {
                giveUp.close();
            }
        }
    }
}
