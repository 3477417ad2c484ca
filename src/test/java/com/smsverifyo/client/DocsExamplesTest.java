package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of docs/client.md run as written. */
class DocsExamplesTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    Path dir;

    @Test
    void theTenLineExampleRentsAndGetsTheCode() throws Exception {
        try (EngineFixture engine = new EngineFixture(dir)) {
            String baseUrl = engine.server.baseUrl();
            String apiKey = engine.server.ownerKey();
            List<String> printed = new CopyOnWriteArrayList<>();
            // The SMS arrives while the example waits, as it would from the service.
            CompletableFuture<Void> sms = CompletableFuture.runAsync(() -> {
                Rental rental = awaitFirstRental(engine.owner);
                engine.server.sms(rental.phoneNumber(), "WhatsApp", "Your WhatsApp code: 482-913");
            });

            // ---- docs/client.md, "Ten lines" (System.out.println → printed::add) ----
            try (SmsVerifyoClient client = SmsVerifyoClient.builder().baseUrl(baseUrl).apiKey(apiKey).build()) {
                Rental rental = client.rentals().create(NewRental.of("whatsapp", "US").maxPrice(new BigDecimal("0.80")));
                printed.add("Send the code to " + rental.phoneNumber());
                CodeResult result = client.awaitCode(rental.id(), Duration.ofMinutes(5));
                switch (result.outcome()) {
                    case CODE_RECEIVED -> printed.add("Code: " + result.code().orElseThrow());
                    case TIMED_OUT -> client.rentals().cancel(rental.id());          // full refund
                    default -> printed.add("No code: " + result.outcome());          // cancelled or expired: refunded
                }
            }
            // ---- end of the example ----

            sms.get(30, TimeUnit.SECONDS);
            assertThat(printed).hasSize(2).last().isEqualTo("Code: 482913");
        }
    }

    @Test
    void theWebhookReceiverAcceptsSignedDeliveriesOnceAndRefusesForgedOnes() throws Exception {
        List<CodeReceived> codes = new CopyOnWriteArrayList<>();
        HttpServer receiver = WebhookReceiverExample.start(0, SECRET, codes::add);
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/smsverifyo";
            String body = "{\"type\":\"rental.code_received\",\"rental_id\":\"rnt_1\",\"code\":\"482913\","
                    + "\"received_at\":\"2026-11-29T10:01:00.000Z\",\"phone_number\":\"+14155550123\","
                    + "\"service\":\"whatsapp\",\"country\":\"US\",\"text\":\"Your WhatsApp code: 482-913\"}";
            long now = System.currentTimeMillis() / 1000;
            String signature = new Webhook(SECRET).sign("msg_1", now, body);

            assertThat(post(url, body, "msg_1", now, signature)).isEqualTo(204);
            assertThat(post(url, body, "msg_1", now, signature)).as("a retry of the same message").isEqualTo(204);
            assertThat(post(url, body.replace("482913", "000000"), "msg_2", now, signature)).isEqualTo(400);
            assertThat(post(url, body, "msg_1", now - 3600, new Webhook(SECRET).sign("msg_1", now - 3600, body)))
                    .as("an old delivery replayed").isEqualTo(400);

            assertThat(codes).singleElement().satisfies(code -> assertThat(code.code()).isEqualTo("482913"));
        } finally {
            receiver.stop(0);
        }
    }

    private static int post(String url, String body, String id, long timestamp, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signature)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Rental awaitFirstRental(SmsVerifyoClient owner) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Page<Rental> page = owner.rentals().list(RentalQuery.all().pageSize(1)).firstPage();
            if (!page.data().isEmpty()) {
                return page.data().get(0);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the example rented nothing");
    }
}
