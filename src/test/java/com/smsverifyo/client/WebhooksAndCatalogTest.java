package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook, catalog and export resources against the server's shapes (the OpenAPI document):
 * requests (method, path, body, Idempotency-Key) and responses. {@code WebhooksEndToEndTest} and
 * {@code CatalogAndExportEngineTest} run the same calls against the real engine.
 */
class WebhooksAndCatalogTest {
    /** The shapes of the server's {@code engine.WebhookWire}, as the OpenAPI document describes them. */
    private static final String WEBHOOK = "{\"id\":\"whk_1\",\"account_id\":\"acc_1\",\"url\":\"https://example.com/hooks\","
            + "\"description\":null,\"events\":[\"rental.code_received\"],\"enabled\":true,\"disabled_reason\":null,"
            + "\"disabled_at\":null,\"failing_since\":null,\"previous_secret_expires_at\":null,"
            + "\"created_at\":\"2026-11-29T10:00:00.000Z\",\"updated_at\":\"2026-11-29T10:00:00.000Z\"}";
    private static final String ROTATED = WEBHOOK.replace("\"previous_secret_expires_at\":null",
            "\"previous_secret_expires_at\":\"2026-11-30T10:00:00.000Z\"").replace("}", ",\"secret\":\"whsec_BBBB\"}");
    private static final String QUEUED_TEST = "{\"id\":\"msg_test\",\"webhook_id\":\"whk_1\",\"account_id\":\"acc_1\","
            + "\"event_type\":\"webhook.test\",\"event_id\":null,\"rental_id\":null,\"status\":\"pending\",\"attempt_count\":0,"
            + "\"next_attempt_at\":\"2026-11-29T10:00:00.000Z\",\"created_at\":\"2026-11-29T10:00:00.000Z\",\"finished_at\":null,"
            + "\"attempts\":[]}";
    private static final String FAILED_ONCE = "{\"id\":\"msg_1\",\"webhook_id\":\"whk_1\",\"account_id\":\"acc_1\","
            + "\"event_type\":\"rental.code_received\",\"event_id\":\"evt_1\",\"rental_id\":\"rnt_1\",\"status\":\"pending\","
            + "\"attempt_count\":1,\"next_attempt_at\":\"2026-11-29T10:00:05.000Z\",\"created_at\":\"2026-11-29T10:00:00.000Z\","
            + "\"finished_at\":null,\"attempts\":[{\"attempted_at\":\"2026-11-29T10:00:00.100Z\",\"status_code\":500,"
            + "\"latency_ms\":120,\"error\":\"HTTP 500 Internal Server Error\",\"next_attempt_at\":\"2026-11-29T10:00:05.000Z\","
            + "\"manual\":false}]}";

    private final MockWebServer server = new MockWebServer();
    private SmsVerifyoClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = SmsVerifyoClient.builder().baseUrl(server.url("/").toString()).apiKey(Fixtures.KEY)
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        return request;
    }

    private static void isWrite(RecordedRequest request, String method, String target) {
        assertThat(request.getMethod()).isEqualTo(method);
        assertThat(request.getTarget()).isEqualTo(target);
        assertThat(request.getHeaders().get("Idempotency-Key")).isNotBlank();
    }

    @Test
    void registeringAWebhookReturnsItsSecretOnceAndMasksIt() throws Exception {
        server.enqueue(Fixtures.json(201, WEBHOOK.replace("}", ",\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}")));

        CreatedWebhook created = client.webhooks().create(NewWebhook.of("https://example.com/hooks", "rental.code_received")
                .description("orders").forAccount("acc_2"));

        assertThat(created.secret()).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(created.toString()).doesNotContain("MfKQ9r8");
        assertThat(created.webhook().events()).containsExactly("rental.code_received");
        assertThat(created.webhook().enabled()).isTrue();
        assertThat(created.webhook().accountId()).contains("acc_1");
        assertThat(created.webhook().createdAt()).contains(Instant.parse("2026-11-29T10:00:00Z"));
        RecordedRequest request = take();
        isWrite(request, "POST", "/v1/webhooks");
        assertThat(request.getBody().utf8()).isEqualTo("{\"url\":\"https://example.com/hooks\",\"events\":[\"rental.code_received\"],"
                + "\"description\":\"orders\",\"account_id\":\"acc_2\"}");
    }

    @Test
    void anEndpointForEveryEventLeavesTheFilterOut() throws Exception {
        server.enqueue(Fixtures.json(201, WEBHOOK.replace("}", ",\"secret\":\"whsec_AAAA\"}")));

        client.webhooks().create(NewWebhook.of("https://example.com/hooks"));

        assertThat(take().getBody().utf8()).isEqualTo("{\"url\":\"https://example.com/hooks\"}");
    }

    @Test
    void everyWebhookEndpointIsCalledAsTheContractSays() throws Exception {
        server.enqueue(Fixtures.json(200, "{\"data\":[" + WEBHOOK + "],\"has_more\":false,\"next_cursor\":null}"));
        server.enqueue(Fixtures.json(200, WEBHOOK));
        server.enqueue(Fixtures.json(200, WEBHOOK.replace("\"enabled\":true,\"disabled_reason\":null,\"disabled_at\":null",
                "\"enabled\":false,\"disabled_reason\":\"manual\",\"disabled_at\":\"2026-11-29T11:00:00.000Z\"")));
        server.enqueue(Fixtures.json(200, WEBHOOK));
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(Fixtures.json(200, "{\"webhook_id\":\"whk_1\",\"secret\":\"whsec_AAAA\",\"previous_secret_expires_at\":null}"));
        server.enqueue(Fixtures.json(200, ROTATED));
        server.enqueue(Fixtures.json(202, QUEUED_TEST));
        server.enqueue(Fixtures.json(200, "{\"data\":[" + FAILED_ONCE + "],\"has_more\":false,\"next_cursor\":null}"));
        server.enqueue(Fixtures.json(200, FAILED_ONCE.replace("\"attempts\"", "\"body\":\"{\\\"type\\\":\\\"rental.code_received\\\"}\",\"attempts\"")));
        server.enqueue(Fixtures.json(202, FAILED_ONCE));

        assertThat(client.webhooks().list("acc_2")).extracting(Webhook::id).containsExactly("whk_1");
        assertThat(client.webhooks().get("whk_1").url()).isEqualTo("https://example.com/hooks");
        Webhook disabled = client.webhooks().update("whk_1", WebhookUpdate.disable());
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledReason()).contains("manual");
        client.webhooks().update("whk_1", WebhookUpdate.events("rental.code_received", "rental.expired")
                .url("https://example.com/v2").withoutDescription());
        client.webhooks().delete("whk_1");
        WebhookSecret secret = client.webhooks().secret("whk_1");
        assertThat(secret.webhookId()).isEqualTo("whk_1");
        assertThat(secret.secret()).isEqualTo("whsec_AAAA");
        assertThat(secret.previousSecretExpiresAt()).isEmpty();
        assertThat(secret.toString()).doesNotContain("AAAA");
        CreatedWebhook rotated = client.webhooks().rotateSecret("whk_1");
        assertThat(rotated.secret()).isEqualTo("whsec_BBBB");
        assertThat(rotated.webhook().previousSecretExpiresAt()).contains(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(rotated.toString()).doesNotContain("BBBB");
        WebhookDelivery test = client.webhooks().test("whk_1");
        assertThat(test.messageId()).isEqualTo("msg_test");
        assertThat(test.eventType()).isEqualTo("webhook.test");
        assertThat(test.status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(test.attempts()).isEmpty();
        List<WebhookDelivery> deliveries = client.webhooks().deliveries("whk_1", WebhookDelivery.Status.PENDING).stream().toList();
        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.messageId()).isEqualTo("msg_1");
            assertThat(d.webhookId()).isEqualTo("whk_1");
            assertThat(d.rentalId()).contains("rnt_1");
            assertThat(d.attemptCount()).isEqualTo(1);
            assertThat(d.nextAttemptAt()).contains(Instant.parse("2026-11-29T10:00:05Z"));
            assertThat(d.body()).isEmpty();
            assertThat(d.attempts()).singleElement().satisfies(a -> {
                assertThat(a.statusCode()).contains(500);
                assertThat(a.succeeded()).isFalse();
                assertThat(a.latencyMs()).contains(120L);
                assertThat(a.error()).contains("HTTP 500 Internal Server Error");
                assertThat(a.nextAttemptAt()).contains(Instant.parse("2026-11-29T10:00:05Z"));
                assertThat(a.manual()).isFalse();
            });
        });
        assertThat(client.webhooks().delivery("whk_1", "msg_1").body()).contains("{\"type\":\"rental.code_received\"}");
        assertThat(client.webhooks().redeliver("whk_1", "msg_1").messageId()).isEqualTo("msg_1");

        assertThat(take().getTarget()).isEqualTo("/v1/webhooks?account=acc_2");
        assertThat(take().getTarget()).isEqualTo("/v1/webhooks/whk_1");
        RecordedRequest patch = take();
        isWrite(patch, "PATCH", "/v1/webhooks/whk_1");
        assertThat(patch.getBody().utf8()).isEqualTo("{\"enabled\":false}");
        assertThat(take().getBody().utf8()).isEqualTo("{\"url\":\"https://example.com/v2\","
                + "\"events\":[\"rental.code_received\",\"rental.expired\"],\"description\":null}");
        RecordedRequest delete = take();
        isWrite(delete, "DELETE", "/v1/webhooks/whk_1");
        assertThat(delete.getBodySize()).isZero();
        assertThat(take().getTarget()).isEqualTo("/v1/webhooks/whk_1/secret");
        isWrite(take(), "POST", "/v1/webhooks/whk_1/rotate-secret");
        isWrite(take(), "POST", "/v1/webhooks/whk_1/test");
        assertThat(take().getTarget()).isEqualTo("/v1/webhooks/whk_1/deliveries?status=pending");
        assertThat(take().getTarget()).isEqualTo("/v1/webhooks/whk_1/deliveries/msg_1");
        isWrite(take(), "POST", "/v1/webhooks/whk_1/deliveries/msg_1/redeliver");
    }

    @Test
    void aDeliveryWithoutItsMessageIdIsAClearError() {
        server.enqueue(Fixtures.json(202, QUEUED_TEST.replace("\"id\":\"msg_test\",", "")));

        assertThatThrownBy(() -> client.webhooks().test("whk_1"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("response.id is missing");
    }

    @Test
    void theCatalogIsReadAndWrittenWholeWithDecimalPrices() throws Exception {
        String catalog = "{\"services\":[{\"code\":\"whatsapp\",\"name\":\"WhatsApp\"}],"
                + "\"countries\":[{\"code\":\"US\",\"name\":\"United States\"}],"
                + "\"prices\":[{\"service\":\"whatsapp\",\"country\":\"US\",\"price_usd\":0.45,\"mobile_price_usd\":0.70}],"
                + "\"tiers\":[{\"name\":\"retail\",\"discount_percent\":0},{\"name\":\"reseller\",\"discount_percent\":20}]}";
        server.enqueue(Fixtures.json(200, catalog));
        server.enqueue(Fixtures.json(200, catalog));

        Catalog read = client.catalog().get();
        assertThat(read.prices()).singleElement().satisfies(p -> {
            assertThat(p.price()).isEqualTo(new BigDecimal("0.45"));
            assertThat(p.mobilePrice()).isEqualTo(new BigDecimal("0.70"));
        });
        assertThat(read.tiers()).extracting(Catalog.Tier::discountPercent).containsExactly(BigDecimal.ZERO, new BigDecimal("20"));
        client.catalog().put(read);

        take();
        RecordedRequest put = take();
        isWrite(put, "PUT", "/v1/catalog");
        assertThat(put.getBody().utf8()).isEqualTo(catalog);
    }

    @Test
    void exportsStreamCsvIntoTheCallersStream() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv; charset=utf-8")
                .body("id,kind,amount_usd\nled_1,credit,10.00\n").build());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long bytes = client.ledger().exportCsv(LedgerQuery.all().account("acc_2")
                .between(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("id,kind,amount_usd\nled_1,credit,10.00\n");
        assertThat(bytes).isEqualTo(out.size());
        RecordedRequest request = take();
        assertThat(request.getHeaders().get("Accept")).isEqualTo("text/csv");
        assertThat(request.getUrl().queryParameter("account")).isEqualTo("acc_2");
        assertThat(request.getUrl().queryParameter("from")).isEqualTo("2026-11-01T00:00:00Z");
    }

    @Test
    void anExportFromAServerWithoutCsvSaysSo() {
        server.enqueue(Fixtures.json(200, "{\"data\":[],\"has_more\":false,\"next_cursor\":null}"));

        assertThatThrownBy(() -> client.rentals().exportCsv(RentalQuery.all(), new ByteArrayOutputStream()))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("Expected text/csv");
    }
}
