package com.smsverifyo.ui;

import java.util.Optional;

/**
 * The engine running inside this app, as the UI may see it: where it listens and the owner's key.
 * The launcher implements it; the UI reaches the engine only over HTTP with the Java client, like
 * any remote server.
 */
public interface EmbeddedEngine {

    /** The base URL while running, e.g. {@code http://127.0.0.1:43117}. */
    Optional<String> baseUrl();

    /** The owner's admin key, kept owner-only in the data directory. */
    String ownerKey();

    boolean running();

    /** Starts the engine if stopped; blocking, call off the FX thread. */
    void start();

    /** Stops the engine (requests in flight finish); blocking, call off the FX thread. */
    void stop();
}
