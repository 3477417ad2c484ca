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
 * The webhook, catalog and export resources against the contract's shapes (API.md): requests
 * (method, path, body, Idempotency-Key) and responses. Real-engine tests follow once the server
 * side of these endpoints lands.
 */
class WebhooksAndCatalogTest {
    private static final String WEBHOOK = "{\"id\":\"whk_1\",\"url\":\"https://example.com/hooks\",\"events\":[\"rental.code_received\"],"
            + "\"enabled\":true,\"created_at\":\"2026-11-29T10:00:00.000Z\"}";

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

        CreatedWebhook created = client.webhooks().create(NewWebhook.of("https://example.com/hooks", "rental.code_received"));

        assertThat(created.secret()).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(created.toString()).doesNotContain("MfKQ9r8");
        assertThat(created.webhook().events()).containsExactly("rental.code_received");
        assertThat(created.webhook().enabled()).isTrue();
        RecordedRequest request = take();
        isWrite(request, "POST", "/v1/webhooks");
        assertThat(request.getBody().utf8()).isEqualTo("{\"url\":\"https://example.com/hooks\",\"events\":[\"rental.code_received\"]}");
    }

    @Test
    void everyWebhookEndpointIsCalledAsTheContractSays() throws Exception {
        server.enqueue(Fixtures.json(200, "{\"data\":[" + WEBHOOK + "],\"has_more\":false,\"next_cursor\":null}"));
        server.enqueue(Fixtures.json(200, WEBHOOK));
        server.enqueue(Fixtures.json(200, WEBHOOK.replace("\"enabled\":true", "\"enabled\":false")));
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(Fixtures.json(200, "{\"secret\":\"whsec_AAAA\"}"));
        server.enqueue(Fixtures.json(200, "{\"secret\":\"whsec_BBBB\",\"previous_secret_expires_at\":\"2026-11-30T10:00:00.000Z\"}"));
        server.enqueue(Fixtures.json(202, "{\"message_id\":\"msg_test\",\"type\":\"webhook.test\"}"));
        server.enqueue(Fixtures.json(200, "{\"data\":[{\"id\":\"att_1\",\"message_id\":\"msg_1\",\"event_type\":\"rental.code_received\","
                + "\"status\":\"failed\",\"attempt\":2,\"attempted_at\":\"2026-11-29T10:00:05.000Z\",\"status_code\":500,"
                + "\"latency_ms\":120,\"error\":\"HTTP 500\",\"next_retry_at\":\"2026-11-29T10:05:05.000Z\"}],"
                + "\"has_more\":false,\"next_cursor\":null}"));
        server.enqueue(new MockResponse.Builder().code(202).build());

        assertThat(client.webhooks().list()).extracting(Webhook::id).containsExactly("whk_1");
        assertThat(client.webhooks().get("whk_1").url()).isEqualTo("https://example.com/hooks");
        assertThat(client.webhooks().update("whk_1", WebhookUpdate.disable()).enabled()).isFalse();
        client.webhooks().delete("whk_1");
        assertThat(client.webhooks().secret("whk_1").secret()).isEqualTo("whsec_AAAA");
        WebhookSecret rotated = client.webhooks().rotateSecret("whk_1");
        assertThat(rotated.previousExpires()).contains(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(rotated.toString()).doesNotContain("BBBB");
        assertThat(client.webhooks().test("whk_1")).hasValueSatisfying(m -> assertThat(m.messageId()).isEqualTo("msg_test"));
        List<WebhookDelivery> deliveries = client.webhooks().deliveries("whk_1").stream().toList();
        assertThat(deliveries).singleElement().satisfies(d -> {
            assertThat(d.messageId()).isEqualTo("msg_1");
            assertThat(d.statusCode()).contains(500);
            assertThat(d.succeeded()).isFalse();
            assertThat(d.latencyMs()).contains(120L);
            assertThat(d.nextRetryAt()).contains(Instant.parse("2026-11-29T10:05:05Z"));
        });
        assertThat(client.webhooks().redeliver("whk_1", "msg_1")).isEmpty();

        assertThat(take().getTarget()).isEqualTo("/v1/webhooks");
        assertThat(take().getTarget()).isEqualTo("/v1/webhooks/whk_1");
        RecordedRequest patch = take();
        isWrite(patch, "PATCH", "/v1/webhooks/whk_1");
        assertThat(patch.getBody().utf8()).isEqualTo("{\"enabled\":false}");
        RecordedRequest delete = take();
        isWrite(delete, "DELETE", "/v1/webhooks/whk_1");
        assertThat(delete.getBodySize()).isZero();
        assertThat(take().getTarget()).isEqualTo("/v1/webhooks/whk_1/secret");
        isWrite(take(), "POST", "/v1/webhooks/whk_1/rotate-secret");
        isWrite(take(), "POST", "/v1/webhooks/whk_1/test");
        assertThat(take().getTarget()).isEqualTo("/v1/webhooks/whk_1/deliveries");
        isWrite(take(), "POST", "/v1/webhooks/whk_1/deliveries/msg_1/redeliver");
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
