package com.smsverifyo.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Receives the live event stream. Callbacks run on one of the client's threads, one at a time and
 * in order; return quickly (hand long work, or UI updates, to your own executor).
 */
public interface EventListener {
    /**
     * An event arrived. Events are delivered at least once across reconnects; duplicates by id are
     * dropped.
     *
     * @param event the event
     */
    void onEvent(Event event);

    /** The stream is connected (again). Events missed while disconnected follow. */
    default void onOpen() {
    }

    /**
     * The stream failed.
     *
     * @param error       what happened
     * @param reconnectIn when the client will reconnect by itself; empty when it will not (a key
     *                    that was refused, a server without the stream, or the subscription closed)
     */
    default void onFailure(SmsVerifyoException error, Optional<Duration> reconnectIn) {
    }
}
