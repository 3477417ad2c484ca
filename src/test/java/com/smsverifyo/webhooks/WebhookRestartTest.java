package com.smsverifyo.webhooks;

import static com.smsverifyo.webhooks.Webhooks.register;
import static com.smsverifyo.webhooks.Webhooks.rentWithCode;
import static com.smsverifyo.webhooks.Webhooks.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.engine.Json;
import com.smsverifyo.engine.WebhookSettings;
import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At-least-once across a restart: what was pending when the server stopped goes out after it starts again. */
class WebhookRestartTest {
    @TempDir
    Path dir;

    @Test
    void aReceiverDownAcrossARestartStillGetsEveryMessage() throws Exception {
        MutableClock clock = new MutableClock(TestServer.START);
        WebhookSettings webhooks = TestServer.loopbackWebhooks(Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(1));
        int port = Receiver.freePort();
        String url = "http://127.0.0.1:" + port + "/hook";
        String key;
        String webhookId;
        String secret;
        Set<String> codes = new HashSet<>();
        Set<String> messageIds;
        try (TestServer server = TestServer.start(dir, clock, webhooks)) {
            key = server.ownerKey();
            JsonNode endpoint = register(server, url, "[\"rental.code_received\"]");
            webhookId = endpoint.path("id").asText();
            secret = endpoint.path("secret").asText();
            for (int i = 0; i < 5; i++) {
                String code = String.format("%06d", 700_000 + i);
                rentWithCode(server, code);
                codes.add(code);
            }
            // Every message was tried once and refused (nothing listens), and waits for its retry.
            Await.until("a failed first attempt of every message", () -> {
                JsonNode deliveries = Webhooks.deliveries(server, webhookId);
                return deliveries.size() == 5 && all(deliveries, d -> d.path("attempts").size() == 1);
            });
            JsonNode deliveries = Webhooks.deliveries(server, webhookId);
            assertThat(all(deliveries, d -> d.path("status").asText().equals("pending"))).isTrue();
            assertThat(deliveries.get(0).path("attempts").get(0).path("status_code").isNull()).isTrue();
            messageIds = Webhooks.texts(deliveries, "id").stream().collect(Collectors.toSet());
        }

        try (Receiver receiver = Receiver.start("127.0.0.1", port);
             TestServer server = TestServer.restart(dir, clock, key, webhooks)) {
            clock.advance(Duration.ofMinutes(2));
            server.engine().webhookDispatcher().wake();
            List<Receiver.Hit> hits = receiver.await("/hook", 5);
            assertThat(hits.stream().map(hit -> hit.header("webhook-id")).collect(Collectors.toSet())).isEqualTo(messageIds);
            assertThat(hits.stream().map(hit -> Json.tree(hit.body()).path("code").asText()).collect(Collectors.toSet()))
                    .isEqualTo(codes);
            for (Receiver.Hit hit : hits) {
                verify(hit, secret);
            }
            Await.until("every message delivered", () ->
                    all(Webhooks.deliveries(server, webhookId), d -> d.path("status").asText().equals("delivered")));
        }
    }

    private static boolean all(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode node : array) {
            if (!test.test(node)) {
                return false;
            }
        }
        return true;
    }
}
