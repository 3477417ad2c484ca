package com.smsverifyo.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The ready-to-use webhook receiver of docs/client.md, verbatim (the docs test runs it): the JDK's
 * own HTTP server, no framework.
 */
public final class WebhookReceiverExample {
    private WebhookReceiverExample() {
    }

    /** Starts a receiver at {@code POST /webhooks/smsverifyo} that hands each new code to {@code onCode}. */
    public static HttpServer start(int port, String secret, Consumer<CodeReceived> onCode) throws IOException {
        WebhookVerifier verifier = WebhookVerifier.of(secret);    // during a rotation: of(newSecret, oldSecret)
        Set<String> handled = ConcurrentHashMap.newKeySet();      // webhook-ids seen (use your database in production)
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/webhooks/smsverifyo", exchange -> {
            try {
                if (!exchange.getRequestMethod().equals("POST")) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body = exchange.getRequestBody().readNBytes(64 * 1024);   // the raw bytes, as signed
                Event event;
                try {
                    event = verifier.verify(body, exchange.getRequestHeaders());
                } catch (WebhookVerificationException e) {
                    exchange.sendResponseHeaders(400, -1);                       // forged, altered or replayed
                    return;
                }
                if (handled.add(event.id().orElseThrow())) {                     // at-least-once: drop repeats
                    event.codeReceived().ifPresent(onCode);
                }
                exchange.sendResponseHeaders(204, -1);                           // 2xx fast; slow work elsewhere
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }
}
