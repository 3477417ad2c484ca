package com.smsverifyo.webhooks;

import static com.smsverifyo.webhooks.Webhooks.register;
import static com.smsverifyo.webhooks.Webhooks.rentWithCode;
import static com.smsverifyo.webhooks.Webhooks.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookEndpointsTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestServer.START);

    @Test
    void createListGetPatchDelete() throws Exception {
        try (TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks())) {
            String key = server.ownerKey();
            TestResponse created = server.http().post("/v1/webhooks", key,
                    "{\"url\":\"http://127.0.0.1:9/hook\",\"description\":\"orders\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("Cache-Control").orElse("")).contains("no-store");
            JsonNode endpoint = created.json();
            String id = endpoint.path("id").asText();
            assertThat(created.header("Location").orElse("")).contains("/v1/webhooks/" + id);
            assertThat(Webhooks.texts(endpoint.path("events"), "")).hasSize(6);
            assertThat(endpoint.path("description").asText()).isEqualTo("orders");

            // The secret is shown on creation and by its own endpoint, never in the endpoint views.
            JsonNode shown = server.http().get("/v1/webhooks/" + id, key).json();
            assertThat(shown.has("secret")).isFalse();
            assertThat(server.http().get("/v1/webhooks", key).json().path("data").get(0).has("secret")).isFalse();
            TestResponse secret = server.http().get("/v1/webhooks/" + id + "/secret", key);
            assertThat(secret.json().path("secret").asText()).isEqualTo(endpoint.path("secret").asText());
            assertThat(secret.header("Cache-Control").orElse("")).contains("no-store");

            TestResponse patched = server.http().patch("/v1/webhooks/" + id, key,
                    "{\"events\":[\"rental.code_received\",\"balance.low\"],\"description\":null,\"enabled\":false}");
            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
            assertThat(patched.json().path("events").toString()).isEqualTo("[\"rental.code_received\",\"balance.low\"]");
            assertThat(patched.json().path("description").isNull()).isTrue();
            assertThat(patched.json().path("enabled").asBoolean()).isFalse();
            assertThat(patched.json().path("disabled_reason").asText()).isEqualTo("manual");

            TestResponse moved = server.http().patch("/v1/webhooks/" + id, key, "{\"url\":\"http://10.0.0.1/x\"}");
            assertThat(moved.status()).isEqualTo(400);
            assertThat(moved.json().path("errors").get(0).path("pointer").asText()).isEqualTo("#/url");

            assertThat(server.http().delete("/v1/webhooks/" + id, key).status()).isEqualTo(204);
            assertThat(server.http().get("/v1/webhooks/" + id, key).status()).isEqualTo(404);
            assertThat(server.http().get("/v1/webhooks", key).json().path("data")).isEmpty();
        }
    }

    @Test
    void badInputIsAClearProblem() {
        try (TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks())) {
            String key = server.ownerKey();
            Map<String, String> cases = Map.of(
                    "{}", "#/url",
                    "{\"url\":42}", "#/url",
                    "{\"url\":\"ftp://example.com/x\"}", "#/url",
                    "{\"url\":\"http://127.0.0.1:9/\",\"events\":[\"rental.created\"]}", "#/events/0",
                    "{\"url\":\"http://127.0.0.1:9/\",\"events\":\"rental.code_received\"}", "#/events",
                    "{\"url\":\"http://127.0.0.1:9/\",\"events\":[]}", "#/events",
                    "{\"url\":\"http://127.0.0.1:9/\",\"description\":\"" + "x".repeat(201) + "\"}", "#/description");
            cases.forEach((body, pointer) -> {
                TestResponse refused = server.http().post("/v1/webhooks", key, body);
                assertThat(refused.status()).as(body + " → " + refused).isEqualTo(400);
                assertThat(refused.header("Content-Type").orElse("")).contains("application/problem+json");
                assertThat(refused.code()).isEqualTo("invalid_request");
                assertThat(refused.json().path("errors").get(0).path("pointer").asText()).as(body).isEqualTo(pointer);
            });
            assertThat(server.http().post("/v1/webhooks", key, "{not json").status()).isEqualTo(400);
            assertThat(server.http().get("/v1/webhooks/whk_nope", key).status()).isEqualTo(404);
            assertThat(server.http().get("/v1/webhooks/whk_nope/deliveries", key).status()).isEqualTo(404);
            String id = register(server, "http://127.0.0.1:9/", null).path("id").asText();
            TestResponse badStatus = server.http().get("/v1/webhooks/" + id + "/deliveries?status=lost", key);
            assertThat(badStatus.status()).isEqualTo(400);
            assertThat(server.http().patch("/v1/webhooks/" + id, key, "{\"enabled\":\"yes\"}").status()).isEqualTo(400);
        }
    }

    @Test
    void webhooksNeedAnAdminKeyAndAnotherAccountsEndpointIsNotFound() {
        try (TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks())) {
            String owner = server.ownerKey();
            String rentalsKey = server.http().post("/v1/keys", owner, "{\"name\":\"bot\",\"scopes\":[\"rentals\"]}")
                    .json().path("key").asText();
            assertThat(server.http().get("/v1/webhooks", rentalsKey).code()).isEqualTo("forbidden");
            assertThat(server.http().post("/v1/webhooks", rentalsKey, "{\"url\":\"http://127.0.0.1:9/\"}").code())
                    .isEqualTo("forbidden");

            String customer = server.http().post("/v1/accounts", owner, "{\"name\":\"Shop\",\"tier\":\"reseller\"}")
                    .json().path("id").asText();
            String customerKey = server.http().post("/v1/keys", owner, "{\"name\":\"shop admin\",\"scopes\":[\"admin\"],"
                    + "\"account_id\":\"" + customer + "\"}").json().path("key").asText();
            String ownersHook = register(server, "http://127.0.0.1:9/owner", null).path("id").asText();
            TestResponse customersHook = server.http().post("/v1/webhooks", owner,
                    "{\"url\":\"http://127.0.0.1:9/shop\",\"account_id\":\"" + customer + "\"}");
            assertThat(customersHook.json().path("account_id").asText()).isEqualTo(customer);

            // The reseller sees its customer's endpoint; the customer never sees the reseller's.
            assertThat(server.http().get("/v1/webhooks?account=" + customer, owner).json().path("data")).hasSize(1);
            assertThat(server.http().get("/v1/webhooks", customerKey).json().path("data")).hasSize(1);
            for (String path : List.of("", "/secret", "/deliveries")) {
                assertThat(server.http().get("/v1/webhooks/" + ownersHook + path, customerKey).status()).isEqualTo(404);
            }
            assertThat(server.http().post("/v1/webhooks/" + ownersHook + "/rotate-secret", customerKey, null).status())
                    .isEqualTo(404);
            assertThat(server.http().delete("/v1/webhooks/" + ownersHook, customerKey).status()).isEqualTo(404);
            assertThat(server.http().get("/v1/webhooks?account=" + server.engine().db().read(tx ->
                    server.engine().accounts().owner(tx).orElseThrow().id()), customerKey).status()).isEqualTo(404);
        }
    }

    @Test
    void creationIsIdempotentAndTheReplayedSecretIsNotReadableFromTheDatabase() throws Exception {
        try (TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks())) {
            Map<String, String> idempotent = Map.of("Idempotency-Key", "hook-create-1");
            String body = "{\"url\":\"http://127.0.0.1:9/hook\"}";
            TestResponse first = server.http().post("/v1/webhooks", server.ownerKey(), body, idempotent);
            TestResponse again = server.http().post("/v1/webhooks", server.ownerKey(), body, idempotent);
            assertThat(first.status()).isEqualTo(201);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed").orElse("")).contains("true");
            assertThat(again.text()).isEqualTo(first.text());
            assertThat(server.http().get("/v1/webhooks", server.ownerKey()).json().path("data")).hasSize(1);
            // The secret lives in the endpoint row of an owner-only file; the kept reply is sealed.
            String secret = first.json().path("secret").asText();
            assertThat(Files.getPosixFilePermissions(server.engine().db().file()))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + server.engine().db().file());
                 ResultSet rows = sqlite.createStatement().executeQuery("SELECT body FROM idempotency")) {
                int stored = 0;
                while (rows.next()) {
                    stored++;
                    assertThat(new String(rows.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain(secret)
                            .doesNotContain(secret.substring(6));
                }
                assertThat(stored).isEqualTo(1);
            }
        }
    }

    @Test
    void aRotatedSecretKeepsSigningFor24Hours() throws Exception {
        try (Receiver receiver = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks())) {
            JsonNode endpoint = register(server, receiver.url("/r"), "[\"rental.code_received\"]");
            String id = endpoint.path("id").asText();
            String oldSecret = endpoint.path("secret").asText();
            TestResponse rotated = server.http().post("/v1/webhooks/" + id + "/rotate-secret", server.ownerKey(), null);
            assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
            String newSecret = rotated.json().path("secret").asText();
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
            assertThat(rotated.json().path("previous_secret_expires_at").asText()).isEqualTo("2026-11-30T10:00:00.000Z");
            assertThat(server.http().get("/v1/webhooks/" + id + "/secret", server.ownerKey()).json()
                    .path("secret").asText()).isEqualTo(newSecret);

            rentWithCode(server, "121212");
            Receiver.Hit during = receiver.await("/r", 1).get(0);
            assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
            verify(during, oldSecret);
            verify(during, newSecret);

            clock.advance(Duration.ofHours(24));
            rentWithCode(server, "343434");
            Receiver.Hit after = receiver.await("/r", 2).get(1);
            assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
            verify(after, newSecret);
            assertThatThrownBy(() -> verify(after, oldSecret)).isInstanceOf(WebhookVerificationException.class);
            assertThat(server.http().get("/v1/webhooks/" + id + "/secret", server.ownerKey()).json()
                    .path("previous_secret_expires_at").isNull()).isTrue();
        }
    }

    @Test
    void anEventGoesOnlyToTheEndpointsOfItsAccountThatSubscribeToIt() {
        try (Receiver receiver = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks())) {
            register(server, receiver.url("/codes"), "[\"rental.code_received\"]");
            register(server, receiver.url("/cancels"), "[\"rental.cancelled\"]");
            String customer = server.http().post("/v1/accounts", server.ownerKey(), "{\"name\":\"Shop\",\"tier\":\"retail\"}")
                    .json().path("id").asText();
            server.http().post("/v1/webhooks", server.ownerKey(), "{\"url\":\"" + receiver.url("/shop")
                    + "\",\"account_id\":\"" + customer + "\"}");
            rentWithCode(server, "565656");
            String rental = Webhooks.rent(server).path("id").asText();
            server.http().post("/v1/rentals/" + rental + "/cancel", server.ownerKey(), null);
            receiver.await("/codes", 1);
            receiver.await("/cancels", 1);
            assertThat(receiver.hits("/codes")).hasSize(1);
            assertThat(receiver.hits("/cancels")).hasSize(1);
            assertThat(receiver.hits("/shop")).isEmpty();
        }
    }
}
