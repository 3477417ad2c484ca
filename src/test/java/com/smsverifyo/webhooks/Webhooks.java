package com.smsverifyo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import com.standardwebhooks.Webhook;
import java.util.ArrayList;
import java.util.List;

/** What the webhook tests do over and over: register, rent, hand in a code, verify, read deliveries. */
final class Webhooks {
    private Webhooks() {
    }

    /** Registers an endpoint; {@code events} is a JSON array or null for every event. */
    static JsonNode register(TestServer server, String url, String events) {
        TestResponse created = server.http().post("/v1/webhooks", server.ownerKey(),
                "{\"url\":\"" + url + "\"" + (events == null ? "" : ",\"events\":" + events) + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** Rents a WhatsApp number in the US; returns the rental. */
    static JsonNode rent(TestServer server) {
        return rent(server, server.ownerKey());
    }

    static JsonNode rent(TestServer server, String key) {
        TestResponse created = server.http().post("/v1/rentals", key,
                "{\"service\":\"whatsapp\",\"country\":\"US\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** Rents and hands in a code; returns the rental id. */
    static String rentWithCode(TestServer server, String code) {
        JsonNode rental = rent(server);
        TestResponse sms = server.sms(rental.path("phone_number").asText(), "WhatsApp",
                "Your WhatsApp code: " + code.substring(0, 3) + "-" + code.substring(3));
        assertThat(sms.status()).as(sms.toString()).isEqualTo(202);
        return rental.path("id").asText();
    }

    /** Verifies a delivery with the reference Standard Webhooks library. */
    static void verify(Receiver.Hit hit, String secret) throws Exception {
        new Webhook(secret).verify(hit.body(), hit.headers());
    }

    static JsonNode deliveries(TestServer server, String webhookId) {
        TestResponse list = server.http().get("/v1/webhooks/" + webhookId + "/deliveries", server.ownerKey());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().path("data");
    }

    /** Waits until the message has this status, and returns its view. */
    static JsonNode awaitStatus(TestServer server, String webhookId, String messageId, String status) {
        return Await.value("message " + messageId + " " + status, () -> {
            server.engine().webhookDispatcher().wake();
            JsonNode message = server.http().get("/v1/webhooks/" + webhookId + "/deliveries/" + messageId,
                    server.ownerKey()).json();
            return message.path("status").asText().equals(status) ? message : null;
        });
    }

    /** Waits until the message has made {@code count} attempts, and returns its view. */
    static JsonNode awaitAttempts(TestServer server, String webhookId, String messageId, int count) {
        return Await.value("message " + messageId + " with " + count + " attempts", () -> {
            JsonNode message = server.http().get("/v1/webhooks/" + webhookId + "/deliveries/" + messageId,
                    server.ownerKey()).json();
            return message.path("attempts").size() >= count ? message : null;
        });
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }
}
