package com.smsverifyo.engine;

import java.util.Optional;

/**
 * A running SMS source, the engine's plug-in: it feeds every SMS it gets into
 * {@link InboundMessageService}, so matching, code extraction, webhooks and money behave the same
 * whatever the source. The numbers it serves are the pool numbers registered to it, unless it hands
 * out numbers itself ({@link #numberProvider()}, an upstream relay).
 *
 * <p>{@link SourceRegistry} starts a source when it is created or enabled and closes it when it is
 * disabled, changed or deleted; both may be called on any thread and must return quickly (long work
 * belongs on the source's own threads).
 */
public interface SmsSource extends AutoCloseable {

    /** Starts the source's work: its threads, ports or connections. */
    void start();

    /** Stops the source's work; nothing arrives from it afterwards. */
    @Override
    void close();

    /** How the source is doing now. */
    SourceHealth health();

    /** Hands out numbers itself instead of serving the pool numbers registered to it. */
    default Optional<NumberProvider> numberProvider() {
        return Optional.empty();
    }

    /** Receives deliveries over HTTP, at {@code /v1/inbound/{type}/{id}}. */
    default Optional<InboundEndpoint> inboundEndpoint() {
        return Optional.empty();
    }
}
