package com.smsverifyo.webhooks;

import static com.smsverifyo.webhooks.Webhooks.awaitAttempts;
import static com.smsverifyo.webhooks.Webhooks.awaitStatus;
import static com.smsverifyo.webhooks.Webhooks.register;
import static com.smsverifyo.webhooks.Webhooks.rentWithCode;
import static com.smsverifyo.webhooks.Webhooks.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.engine.Json;
import com.smsverifyo.testing.EventStreamClient;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.Receiver.Reply;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookDeliveryTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestServer.START);

    @Test
    void deliversEveryCodeSignedSoThatTheReferenceVerifierAcceptsIt() throws Exception {
        try (Receiver receiver = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks())) {
            JsonNode endpoint = register(server, receiver.url("/hooks"), "[\"rental.code_received\"]");
            String secret = endpoint.path("secret").asText();
            assertThat(secret).startsWith("whsec_");
            assertThat(endpoint.path("id").asText()).startsWith("whk_");
            assertThat(endpoint.path("enabled").asBoolean()).isTrue();

            String rentalId = rentWithCode(server, "482913");
            Receiver.Hit hit = receiver.await("/hooks", 1).get(0);
            verify(hit, secret);
            assertThat(hit.header("webhook-id")).startsWith("msg_");
            assertThat(Long.parseLong(hit.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(60L));
            assertThat(hit.header("Content-Type")).startsWith("application/json");
            JsonNode body = Json.tree(hit.body());
            assertThat(iterable(body.fieldNames())).containsExactly("type", "rental_id", "code",
                    "received_at", "phone_number", "service", "country", "text");
            assertThat(body.path("type").asText()).isEqualTo("rental.code_received");
            assertThat(body.path("rental_id").asText()).isEqualTo(rentalId);
            assertThat(body.path("code").asText()).isEqualTo("482913");
            assertThat(body.path("service").asText()).isEqualTo("whatsapp");
            assertThat(body.path("country").asText()).isEqualTo("US");
            assertThat(body.path("text").asText()).isEqualTo("Your WhatsApp code: 482-913");

            JsonNode message = awaitStatus(server, endpoint.path("id").asText(), hit.header("webhook-id"), "delivered");
            assertThat(message.path("event_type").asText()).isEqualTo("rental.code_received");
            assertThat(message.path("rental_id").asText()).isEqualTo(rentalId);
            assertThat(message.path("body").asText()).isEqualTo(hit.body());
            JsonNode attempt = message.path("attempts").get(0);
            assertThat(attempt.path("status_code").asInt()).isEqualTo(200);
            assertThat(attempt.path("latency_ms").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(attempt.path("error").isNull()).isTrue();
            assertThat(attempt.path("next_attempt_at").isNull()).isTrue();

            // Only what the endpoint subscribed to: no rental.updated or rental.created.
            assertThat(receiver.hits()).hasSize(1);
        }
    }

    @Test
    void retriesWithTheSameWebhookIdUntilTheReceiverSucceeds() throws Exception {
        try (Receiver receiver = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks(Duration.ZERO,
                     Duration.ofSeconds(10), Duration.ofMinutes(5)))) {
            receiver.script("/flaky", Reply.status(500), Reply.status(500), Reply.status(200));
            JsonNode endpoint = register(server, receiver.url("/flaky"), "[\"rental.code_received\"]");
            String id = endpoint.path("id").asText();
            rentWithCode(server, "111222");

            String messageId = receiver.await("/flaky", 1).get(0).header("webhook-id");
            JsonNode first = awaitAttempts(server, id, messageId, 1).path("attempts").get(0);
            assertThat(first.path("status_code").asInt()).isEqualTo(500);
            assertThat(first.path("error").asText()).isEqualTo("HTTP 500 Internal Server Error");
            Duration firstWait = Duration.between(Instant.parse(first.path("attempted_at").asText()),
                    Instant.parse(first.path("next_attempt_at").asText()));
            assertThat(firstWait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
            // Not before its time: the clock has not moved.
            assertThat(receiver.hits("/flaky")).hasSize(1);

            clock.advance(Duration.ofSeconds(13));
            server.engine().webhookDispatcher().wake();
            receiver.await("/flaky", 2);
            JsonNode second = awaitAttempts(server, id, messageId, 2).path("attempts").get(1);
            Duration secondWait = Duration.between(Instant.parse(second.path("attempted_at").asText()),
                    Instant.parse(second.path("next_attempt_at").asText()));
            assertThat(secondWait).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));

            clock.advance(Duration.ofMinutes(7));
            JsonNode delivered = awaitStatus(server, id, messageId, "delivered");
            assertThat(Webhooks.texts(delivered.path("attempts"), "status_code")).containsExactly("500", "500", "200");
            assertThat(delivered.path("attempt_count").asInt()).isEqualTo(3);

            List<Receiver.Hit> hits = receiver.hits("/flaky");
            assertThat(hits).hasSize(3);
            for (Receiver.Hit hit : hits) {
                assertThat(hit.header("webhook-id")).isEqualTo(messageId);
                assertThat(hit.body()).isEqualTo(hits.get(0).body());
                verify(hit, endpoint.path("secret").asText());
            }
        }
    }

    @Test
    void honoursRetryAfterWithinScheduledAndTwiceScheduled() {
        try (Receiver receiver = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks(Duration.ZERO,
                     Duration.ofSeconds(10), Duration.ofSeconds(10)))) {
            receiver.script("/busy", Reply.status(429).header("Retry-After", "15"),
                    Reply.status(503).header("Retry-After", "3600"));
            String id = register(server, receiver.url("/busy"), null).path("id").asText();
            rentWithCode(server, "333444");
            String messageId = receiver.await("/busy", 1).get(0).header("webhook-id");
            JsonNode first = awaitAttempts(server, id, messageId, 1).path("attempts").get(0);
            // The clock stands still, so the wait is exactly what the receiver asked for.
            assertThat(waitOf(first)).isEqualTo(Duration.ofSeconds(15));
            assertThat(first.path("status_code").asInt()).isEqualTo(429);

            clock.advance(Duration.ofSeconds(15));
            JsonNode second = awaitAttempts(server, id, messageId, 2).path("attempts").get(1);
            assertThat(second.path("status_code").asInt()).isEqualTo(503);
            // An hour is more than twice the scheduled 10 s (±20 %): capped there.
            assertThat(waitOf(second)).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));
        }
    }

    @Test
    void aMessageWhoseRetriesRunOutFailsIsAnnouncedAndCanBeRedelivered() throws Exception {
        try (Receiver receiver = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks(Duration.ZERO, Duration.ZERO))) {
            receiver.fallback(Reply.status(500));
            JsonNode endpoint = register(server, receiver.url("/down"), null);
            String id = endpoint.path("id").asText();
            String rentalId = rentWithCode(server, "555666");
            String messageId = receiver.await("/down", 1).get(0).header("webhook-id");
            JsonNode failed = awaitStatus(server, id, messageId, "failed");
            assertThat(failed.path("attempts")).hasSize(2);
            assertThat(failed.path("next_attempt_at").isNull()).isTrue();

            JsonNode announcement = Json.tree(com.smsverifyo.testing.Await.value("webhook.delivery_failed", () ->
                    server.engine().events().since(0, null, 1000).stream()
                            .filter(event -> event.type().equals("webhook.delivery_failed"))
                            .findFirst().map(event -> event.payload()).orElse(null)));
            assertThat(announcement.path("message_id").asText()).isEqualTo(messageId);
            assertThat(announcement.path("webhook_id").asText()).isEqualTo(id);
            assertThat(announcement.path("rental_id").asText()).isEqualTo(rentalId);
            assertThat(announcement.path("attempts").asInt()).isEqualTo(2);
            assertThat(announcement.path("last_status_code").asInt()).isEqualTo(500);

            receiver.fallback(Reply.status(204));
            TestResponse redeliver = server.http().post("/v1/webhooks/" + id + "/deliveries/" + messageId + "/redeliver",
                    server.ownerKey(), null);
            assertThat(redeliver.status()).as(redeliver.toString()).isEqualTo(202);
            assertThat(redeliver.json().path("status").asText()).isEqualTo("pending");
            JsonNode delivered = awaitStatus(server, id, messageId, "delivered");
            JsonNode last = delivered.path("attempts").get(2);
            assertThat(last.path("manual").asBoolean()).isTrue();
            assertThat(last.path("status_code").asInt()).isEqualTo(204);
            List<Receiver.Hit> hits = receiver.hits("/down");
            assertThat(hits).hasSize(3).allSatisfy(hit -> assertThat(hit.header("webhook-id")).isEqualTo(messageId));
            verify(hits.get(2), endpoint.path("secret").asText());

            // Redelivering a delivered message sends it once more, same id.
            server.http().post("/v1/webhooks/" + id + "/deliveries/" + messageId + "/redeliver", server.ownerKey(), null);
            receiver.await("/down", 4);
            assertThat(receiver.hits("/down").get(3).header("webhook-id")).isEqualTo(messageId);

            assertThat(server.http().post("/v1/webhooks/" + id + "/deliveries/msg_nope/redeliver", server.ownerKey(),
                    null).status()).isEqualTo(404);
        }
    }

    @Test
    void goneDisablesTheEndpointAndTellsTheDashboard() {
        try (Receiver receiver = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks());
             EventStreamClient stream = EventStreamClient.connect(server.baseUrl(), server.ownerKey())) {
            receiver.fallback(Reply.status(410));
            String id = register(server, receiver.url("/gone"), null).path("id").asText();
            rentWithCode(server, "777888");
            receiver.await("/gone", 1);
            JsonNode disabled = Json.tree(stream.await("webhook.disabled").data());
            assertThat(disabled.path("webhook_id").asText()).isEqualTo(id);
            assertThat(disabled.path("reason").asText()).isEqualTo("gone");
            JsonNode endpoint = server.http().get("/v1/webhooks/" + id, server.ownerKey()).json();
            assertThat(endpoint.path("enabled").asBoolean()).isFalse();
            assertThat(endpoint.path("disabled_reason").asText()).isEqualTo("gone");

            // A disabled endpoint gets nothing new, and cannot be tested until enabled again.
            rentWithCode(server, "123123");
            assertThat(server.http().post("/v1/webhooks/" + id + "/test", server.ownerKey(), null).code())
                    .isEqualTo("conflict");
            receiver.fallback(Reply.status(200));
            TestResponse enabled = server.http().patch("/v1/webhooks/" + id, server.ownerKey(), "{\"enabled\":true}");
            assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
            assertThat(enabled.json().path("disabled_reason").isNull()).isTrue();
            assertThat(server.http().post("/v1/webhooks/" + id + "/test", server.ownerKey(), null).status()).isEqualTo(202);
            List<Receiver.Hit> hits = receiver.await("/gone", 3);
            // The held first message and the test, never the code that came while disabled.
            assertThat(hits.stream().map(hit -> Json.tree(hit.body()).path("type").asText()).toList())
                    .containsExactlyInAnyOrder("rental.code_received", "rental.code_received", "webhook.test")
                    .hasSize(3);
            assertThat(hits.stream().map(hit -> Json.tree(hit.body()).path("code").asText()).toList())
                    .doesNotContain("123123");
        }
    }

    @Test
    void anEndpointFailingForFiveDaysIsDisabled() {
        try (Receiver receiver = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks(Duration.ZERO,
                     Duration.ofDays(3), Duration.ofDays(3)))) {
            receiver.fallback(Reply.status(502));
            String id = register(server, receiver.url("/broken"), null).path("id").asText();
            rentWithCode(server, "101010");
            String messageId = receiver.await("/broken", 1).get(0).header("webhook-id");
            awaitAttempts(server, id, messageId, 1);
            JsonNode failing = server.http().get("/v1/webhooks/" + id, server.ownerKey()).json();
            assertThat(failing.path("failing_since").asText()).isEqualTo("2026-11-29T10:00:00.000Z");
            assertThat(failing.path("enabled").asBoolean()).isTrue();

            clock.advance(Duration.ofDays(4));
            awaitAttempts(server, id, messageId, 2);
            assertThat(server.http().get("/v1/webhooks/" + id, server.ownerKey()).json().path("enabled").asBoolean()).isTrue();

            clock.advance(Duration.ofDays(4));
            awaitAttempts(server, id, messageId, 3);
            JsonNode disabled = com.smsverifyo.testing.Await.value("endpoint disabled", () -> {
                JsonNode now = server.http().get("/v1/webhooks/" + id, server.ownerKey()).json();
                return now.path("enabled").asBoolean() ? null : now;
            });
            assertThat(disabled.path("disabled_reason").asText()).isEqualTo("failing");
        }
    }

    @Test
    void aSuccessEndsTheFailingStreak() {
        try (Receiver receiver = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks(Duration.ZERO,
                     Duration.ofDays(1)))) {
            receiver.script("/mended", Reply.status(500));
            String id = register(server, receiver.url("/mended"), null).path("id").asText();
            rentWithCode(server, "202020");
            String messageId = receiver.await("/mended", 1).get(0).header("webhook-id");
            awaitAttempts(server, id, messageId, 1);
            clock.advance(Duration.ofDays(2));
            awaitStatus(server, id, messageId, "delivered");
            assertThat(server.http().get("/v1/webhooks/" + id, server.ownerKey()).json().path("failing_since").isNull())
                    .isTrue();
        }
    }

    @Test
    void redirectsAreFailuresAndAreNeverFollowed() {
        try (Receiver target = Receiver.start();
             Receiver redirector = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks(Duration.ZERO, Duration.ofHours(1)))) {
            redirector.fallback(Reply.status(302).header("Location", target.url("/internal")));
            String id = register(server, redirector.url("/moved"), null).path("id").asText();
            rentWithCode(server, "303030");
            String messageId = redirector.await("/moved", 1).get(0).header("webhook-id");
            JsonNode attempt = awaitAttempts(server, id, messageId, 1).path("attempts").get(0);
            assertThat(attempt.path("status_code").asInt()).isEqualTo(302);
            assertThat(attempt.path("error").asText()).contains("redirects are not followed");
            assertThat(target.hits()).isEmpty();
        }
    }

    @Test
    void aSlowReceiverDoesNotHoldUpTheOthers() {
        try (Receiver slow = Receiver.start();
             Receiver healthy = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks().withConcurrency(4, 2))) {
            slow.fallback(new Reply(200, java.util.Map.of(), Duration.ofSeconds(30)));
            register(server, slow.url("/slow"), null);
            register(server, healthy.url("/fast"), null);
            for (int i = 0; i < 10; i++) {
                rentWithCode(server, String.format("%06d", 400_000 + i));
            }
            healthy.await("/fast", 10);
            // The slow one holds at most its own share of the senders.
            assertThat(slow.hits("/slow")).hasSizeLessThanOrEqualTo(2);
        }
    }

    @Test
    void aTestEventGoesToTheEndpointWhateverItsFilter() throws Exception {
        try (Receiver receiver = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks())) {
            JsonNode endpoint = register(server, receiver.url("/t"), "[\"rental.cancelled\"]");
            String id = endpoint.path("id").asText();
            rentWithCode(server, "909090");
            TestResponse test = server.http().post("/v1/webhooks/" + id + "/test", server.ownerKey(), null);
            assertThat(test.status()).as(test.toString()).isEqualTo(202);
            assertThat(test.json().path("event_type").asText()).isEqualTo("webhook.test");
            assertThat(test.header("Location").orElseThrow()).contains("/v1/webhooks/" + id + "/deliveries/msg_");
            Receiver.Hit hit = receiver.await("/t", 1).get(0);
            verify(hit, endpoint.path("secret").asText());
            JsonNode body = Json.tree(hit.body());
            assertThat(body.path("type").asText()).isEqualTo("webhook.test");
            assertThat(body.path("webhook_id").asText()).isEqualTo(id);
            assertThat(hit.header("webhook-id")).isEqualTo(test.json().path("id").asText());
            awaitStatus(server, id, hit.header("webhook-id"), "delivered");
            // The code was not subscribed to.
            assertThat(receiver.hits()).hasSize(1);
        }
    }

    private static Duration waitOf(JsonNode attempt) {
        return Duration.between(Instant.parse(attempt.path("attempted_at").asText()),
                Instant.parse(attempt.path("next_attempt_at").asText()));
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
