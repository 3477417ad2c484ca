package com.smsverifyo.client;

/** A live subscription (an event stream, or a watch of one rental). Closing it stops it for good. */
public interface Subscription extends AutoCloseable {
    /** Stops the subscription; no callback starts after this returns. Idempotent. */
    @Override
    void close();

    /** @return whether it is still running (not closed by the caller, the server or its end) */
    boolean isOpen();
}
