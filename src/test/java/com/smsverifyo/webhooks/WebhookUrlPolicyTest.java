package com.smsverifyo.webhooks;

import static com.smsverifyo.webhooks.Webhooks.register;
import static com.smsverifyo.webhooks.Webhooks.rentWithCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.engine.WebhookSettings;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API.md "URL policy": refused at registration, and again at connect time, unless allowed. */
class WebhookUrlPolicyTest {
    private static final List<String> PRIVATE_URLS = List.of(
            "http://127.0.0.1:8080/hook",                 // loopback
            "http://10.0.0.5/hook",                       // RFC 1918
            "http://172.16.0.1/hook",
            "http://192.168.1.20:3000/hook",
            "http://169.254.169.254/latest/meta-data/",   // cloud metadata
            "http://[::1]:8080/hook",                     // IPv6 loopback
            "http://[::ffff:127.0.0.1]/hook",             // IPv4-mapped loopback
            "http://localhost:8080/hook",                 // a name that resolves to loopback
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://100.64.1.1/hook",                     // CGNAT
            "http://[fd00::1]/hook");                     // IPv6 unique local

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestServer.START);

    @Test
    void privateAndMetadataAddressesAreRefusedAtRegistration() {
        try (TestServer server = TestServer.start(dir, clock, WebhookSettings.defaults())) {
            for (String url : PRIVATE_URLS) {
                TestResponse refused = server.http().post("/v1/webhooks", server.ownerKey(), "{\"url\":\"" + url + "\"}");
                assertThat(refused.status()).as(url + " → " + refused).isEqualTo(400);
                assertThat(refused.code()).isEqualTo("invalid_request");
                assertThat(refused.json().path("detail").asText()).as(url).startsWith("'url' is refused: ");
                assertThat(refused.json().path("errors").get(0).path("pointer").asText()).isEqualTo("#/url");
            }
            assertThat(server.http().get("/v1/webhooks", server.ownerKey()).json().path("data")).isEmpty();
            // A public address is fine.
            assertThat(server.http().post("/v1/webhooks", server.ownerKey(), "{\"url\":\"https://93.184.216.34/hook\"}")
                    .status()).isEqualTo(201);
        }
    }

    @Test
    void allowedRangesOpenOnlyThemAndNeverTheMetadataService() {
        WebhookSettings loopback = WebhookSettings.defaults().withAllowedCidrs(WebhookSettings.loopback());
        try (TestServer server = TestServer.start(dir, clock, loopback)) {
            for (String url : List.of("http://127.0.0.1:8080/hook", "http://[::1]:8080/hook", "http://localhost:8080/hook",
                    "http://[::ffff:127.0.0.1]/hook")) {
                assertThat(server.http().post("/v1/webhooks", server.ownerKey(), "{\"url\":\"" + url + "\"}").status())
                        .as(url).isEqualTo(201);
            }
            for (String url : List.of("http://10.0.0.5/hook", "http://169.254.169.254/latest/meta-data/",
                    "http://metadata.google.internal/")) {
                assertThat(server.http().post("/v1/webhooks", server.ownerKey(), "{\"url\":\"" + url + "\"}").status())
                        .as(url).isEqualTo(400);
            }
        }
    }

    @Test
    void anAddressNoLongerAllowedIsRefusedWhenADeliveryConnects() {
        try (Receiver receiver = Receiver.start()) {
            String literalHook;
            String namedHook;
            String key;
            try (TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks())) {
                key = server.ownerKey();
                literalHook = register(server, receiver.url("/literal"), null).path("id").asText();
                namedHook = register(server, "http://localhost:" + receiver.port() + "/named", null).path("id").asText();
            }
            // The operator takes loopback off the allowed list; the endpoints are still registered.
            try (TestServer server = TestServer.restart(dir, clock, key, WebhookSettings.defaults()
                    .withRetrySchedule(List.of(Duration.ZERO, Duration.ofHours(1))).withPollInterval(Duration.ofMillis(100)))) {
                rentWithCode(server, "654321");
                JsonNode literal = firstAttempt(server, literalHook);
                assertThat(literal.path("status_code").isNull()).isTrue();
                assertThat(literal.path("error").asText()).contains("refused by the URL policy")
                        .contains("127.0.0.1 is a loopback address");
                JsonNode named = firstAttempt(server, namedHook);
                assertThat(named.path("error").asText()).contains("refused by the URL policy")
                        .contains("localhost resolves to");
                assertThat(receiver.hits()).isEmpty();
            }
        }
    }

    private static JsonNode firstAttempt(TestServer server, String webhookId) {
        return com.smsverifyo.testing.Await.value("an attempt on " + webhookId, () -> {
            JsonNode deliveries = Webhooks.deliveries(server, webhookId);
            return deliveries.size() == 1 && deliveries.get(0).path("attempts").size() == 1
                    ? deliveries.get(0).path("attempts").get(0) : null;
        });
    }
}
