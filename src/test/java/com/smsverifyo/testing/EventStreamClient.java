package com.smsverifyo.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/** A Server-Sent Events client (OkHttp's) that records what a stream sends. */
public final class EventStreamClient implements AutoCloseable {
    private static final OkHttpClient CLIENT = client();

    private static OkHttpClient client() {
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        // Streams are long calls: OkHttp's default of 5 per host would queue the sixth.
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(64);
        return new OkHttpClient.Builder().readTimeout(Duration.ZERO).dispatcher(dispatcher).build();
    }

    /** One event as received. */
    public record Received(String id, String type, String data) {
    }

    private final List<Received> events = new ArrayList<>();
    private final CountDownLatch opened = new CountDownLatch(1);
    private final EventSource source;
    private volatile Throwable failure;
    private volatile Integer failureStatus;
    private volatile boolean closed;

    private EventStreamClient(String url, String key, Map<String, String> headers) {
        Request.Builder request = new Request.Builder().url(url).header("Authorization", "Bearer " + key);
        headers.forEach(request::header);
        this.source = EventSources.createFactory(CLIENT).newEventSource(request.build(), new EventSourceListener() {
            @Override
            public void onOpen(EventSource eventSource, Response response) {
                opened.countDown();
            }

            @Override
            public void onEvent(EventSource eventSource, String id, String type, String data) {
                synchronized (events) {
                    events.add(new Received(id, type, data));
                }
            }

            @Override
            public void onClosed(EventSource eventSource) {
                closed = true;
            }

            @Override
            public void onFailure(EventSource eventSource, Throwable t, Response response) {
                failure = t;
                failureStatus = response == null ? null : response.code();
                closed = true;
                opened.countDown();
            }
        });
    }

    /** Connects and waits until the stream is open. */
    public static EventStreamClient connect(String baseUrl, String key, Map<String, String> headers) {
        EventStreamClient client = new EventStreamClient(baseUrl + "/v1/events", key, headers);
        client.awaitOpen();
        return client;
    }

    /** Connects to a full URL (for query parameters). */
    public static EventStreamClient connectTo(String url, String key, Map<String, String> headers) {
        EventStreamClient client = new EventStreamClient(url, key, headers);
        client.awaitOpen();
        return client;
    }

    public static EventStreamClient connect(String baseUrl, String key) {
        return connect(baseUrl, key, Map.of());
    }

    private void awaitOpen() {
        try {
            if (!opened.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("the event stream did not open");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (failure != null || failureStatus != null) {
            throw new AssertionError("the event stream failed: " + failureStatus + " " + failure);
        }
    }

    public List<Received> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public List<Received> events(String type) {
        return events().stream().filter(event -> event.type().equals(type)).toList();
    }

    /** Waits until an event of {@code type} has arrived, and returns the first such. */
    public Received await(String type) {
        Await.until("a " + type + " event on the stream (got " + events().stream().map(Received::type).toList() + ")",
                () -> !events(type).isEmpty());
        return events(type).get(0);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        source.cancel();
    }
}
