package com.smsverifyo.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reconnecting subscription to {@code GET /v1/events}. After a network error, a stream the server
 * ended, a 5xx or a 429 it reconnects after a backoff with full jitter (never sooner than a
 * {@code Retry-After}), sending the last event id it saw as {@code Last-Event-ID}, and drops events
 * it already delivered. A refusal that retrying cannot fix (401, 403, 404…) ends it.
 */
final class EventStream implements Subscription {
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final Duration FLOOR = Duration.ofMillis(100);

    /** How the stream reconnects. */
    record Settings(Duration baseDelay, Duration maxDelay) {
    }

    private final Transport transport;
    private final EventSource.Factory factory;
    private final ScheduledExecutorService scheduler;
    private final EventListener listener;
    private final Settings settings;
    private final Object lock = new Object();

    private boolean closed;
    private String lastEventId;
    private long lastSequence = -1;
    private int failures;
    private EventSource source;
    private ScheduledFuture<?> reconnect;

    EventStream(Transport transport, okhttp3.OkHttpClient streamHttp, ScheduledExecutorService scheduler,
                EventListener listener, Settings settings, String lastEventId) {
        this.transport = transport;
        this.factory = EventSources.createFactory(streamHttp);
        this.scheduler = scheduler;
        this.listener = listener;
        this.settings = settings;
        this.lastEventId = lastEventId;
        OptionalLong sequence = Event.sequenceOf(lastEventId);
        this.lastSequence = sequence.isPresent() ? sequence.getAsLong() : -1;
    }

    EventStream start() {
        connect();
        return this;
    }

    /** @return the id of the last event delivered, to resume a later subscription from */
    Optional<String> lastEventId() {
        synchronized (lock) {
            return Optional.ofNullable(lastEventId);
        }
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return !closed;
        }
    }

    @Override
    public void close() {
        EventSource current;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            current = source;
            source = null;
            if (reconnect != null) {
                reconnect.cancel(false);
            }
        }
        if (current != null) {
            current.cancel();
        }
    }

    private void connect() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            HttpUrl url = transport.settings().baseUrl().newBuilder().addPathSegments("v1/events").build();
            Request.Builder request = transport.authorized(url).header("Accept", "text/event-stream")
                    .header("Cache-Control", "no-cache");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            source = factory.newEventSource(request.build(), new Handler());
        }
    }

    /** Callbacks of one connection; those of a connection already replaced or closed are ignored. */
    private final class Handler extends EventSourceListener {
        private boolean current(EventSource eventSource) {
            return !closed && source == eventSource;
        }

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            synchronized (lock) {
                if (!current(eventSource)) {
                    return;
                }
                failures = 0;
                safely(listener::onOpen);
            }
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            synchronized (lock) {
                if (!current(eventSource)) {
                    return;
                }
                OptionalLong sequence = Event.sequenceOf(id);
                if (sequence.isPresent()) {
                    if (sequence.getAsLong() <= lastSequence) {
                        return; // already delivered before a reconnect
                    }
                    lastSequence = sequence.getAsLong();
                }
                if (id != null && !id.isEmpty()) {
                    lastEventId = id;
                }
                Event event = new Event(id, type, data, null);
                safely(() -> listener.onEvent(event));
            }
        }

        @Override
        public void onClosed(EventSource eventSource) {
            synchronized (lock) {
                if (!current(eventSource)) {
                    return;
                }
                retryLater(new SmsVerifyoException("The server ended the event stream"), Optional.empty());
            }
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            synchronized (lock) {
                if (!current(eventSource)) {
                    return;
                }
                if (response != null && !response.isSuccessful()) {
                    refused(response);
                } else if (response != null) {
                    // 2xx, but not an event stream: a proxy, or an old server. Retrying will not change it.
                    end(new MalformedResponseException(response.code(), "GET", "/v1/events",
                            "Expected text/event-stream but the server sent "
                                    + Optional.ofNullable(response.header("Content-Type")).orElse("no content type"), null));
                } else {
                    String what = t == null ? "the connection failed" : t.getClass().getSimpleName()
                            + (t.getMessage() == null ? "" : " (" + Problems.redact(t.getMessage()) + ")");
                    retryLater(new SmsVerifyoException("The event stream failed: " + what, t), Optional.empty());
                }
            }
        }

        private void refused(Response response) {
            byte[] body;
            try {
                body = response.body().bytes();
            } catch (IOException e) {
                body = new byte[0];
            }
            Optional<Duration> retryAfter = Problems.retryAfter(response.header("Retry-After"), transport.settings().clock());
            ApiException error = Problems.from(ApiCall.get("v1", "events"), response.code(),
                    response.header("Content-Type"), body, retryAfter, Optional.empty());
            if (response.code() == 429 || response.code() >= 500) {
                retryLater(error, retryAfter);
            } else {
                end(error);
            }
        }
    }

    /** Must hold the lock. */
    private void retryLater(SmsVerifyoException error, Optional<Duration> retryAfter) {
        failures++;
        source = null;
        Duration backoff = RetryPolicy.fullJitter(failures, settings.baseDelay(), settings.maxDelay(),
                transport.settings().random().getAsDouble()).plus(FLOOR);
        Duration delay = retryAfter.filter(ra -> ra.compareTo(backoff) > 0).orElse(backoff);
        safely(() -> listener.onFailure(error, Optional.of(delay)));
        if (!closed) {
            try {
                reconnect = scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                closed = true; // the client was closed
            }
        }
    }

    /** Must hold the lock. */
    private void end(SmsVerifyoException error) {
        closed = true;
        source = null;
        safely(() -> listener.onFailure(error, Optional.empty()));
    }

    private static void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            // A listener's bug must not kill the stream for everyone else.
            log.warn("an event listener failed", e);
        }
    }
}
