package com.smsverifyo.client;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * An event-stream body the test writes to while it is open: each {@link #send} reaches the client
 * at once; {@link #end()} finishes the response (the server "ends the stream").
 */
final class SseBody implements MockResponseBody {
    private static final String END = "\u0000end";
    private final BlockingQueue<String> chunks = new LinkedBlockingQueue<>();

    private static final java.util.List<SseBody> OPEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A streaming response; its body has no length, so the connection closes when the body ends. */
    static MockResponse response(SseBody body) {
        OPEN.add(body);
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body)
                .onResponseEnd(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    /** Ends every body still open, so the server can shut down at the end of a test. */
    static void endAll() {
        OPEN.forEach(SseBody::end);
        OPEN.clear();
    }

    SseBody send(String id, String type, String data) {
        chunks.add((id == null ? "" : "id: " + id + "\n") + "event: " + type + "\ndata: " + data + "\n\n");
        return this;
    }

    SseBody comment(String text) {
        chunks.add(": " + text + "\n\n");
        return this;
    }

    SseBody end() {
        chunks.add(END);
        return this;
    }

    @Override
    public long getContentLength() {
        return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        try {
            while (true) {
                String chunk = chunks.poll(30, TimeUnit.SECONDS);
                if (chunk == null || chunk.equals(END)) {
                    return;
                }
                sink.writeUtf8(chunk);
                sink.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
