package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Support: find a rental by what the customer quotes, read its whole story, correct and refund. */
class SupportTest {
    @TempDir
    Path dir;
    TestServer server;
    Receiver receiver;
    String owner;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, new MutableClock(TestServer.START), TestServer.loopbackWebhooks());
        receiver = Receiver.start();
        owner = server.ownerKey();
    }

    @AfterEach
    void stop() {
        receiver.close();
        server.close();
    }

    private static List<String> types(JsonNode timeline) {
        return StreamSupport.stream(timeline.spliterator(), false).map(e -> e.path("type").asText()).toList();
    }

    @Test
    void theTimelineTellsTheWholeStoryIncludingWebhookAttempts() {
        Customers.Customer customer = Customers.open(server, "Acme", "retail", "20", 60);
        TestResponse hook = server.http().post("/v1/webhooks", customer.adminKey(),
                "{\"url\":\"" + receiver.url("/hook") + "\",\"events\":[\"rental.code_received\"]}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        JsonNode rental = server.http().post("/v1/rentals", customer.rentalsKey(),
                "{\"service\":\"whatsapp\",\"country\":\"US\"}").json();
        server.sms(rental.path("phone_number").asText(), "WhatsApp", "Your WhatsApp code: 482-913");
        receiver.await("/hook", 1);
        String id = rental.path("id").asText();
        com.smsverifyo.testing.Await.until("the attempt is recorded", () -> server.http().get("/v1/rentals/" + id
                + "/timeline", owner).json().path("deliveries").path(0).path("attempts").size() == 1);

        JsonNode story = server.http().get("/v1/rentals/" + id + "/timeline", owner).json();

        assertThat(types(story.path("timeline"))).containsSubsequence("created", "number_assigned", "ledger", "message",
                "webhook_attempt");
        JsonNode attempt = StreamSupport.stream(story.path("timeline").spliterator(), false)
                .filter(e -> e.path("type").asText().equals("webhook_attempt")).findFirst().orElseThrow();
        assertThat(attempt.path("status_code").asInt()).isEqualTo(200);
        assertThat(attempt.path("summary").asText()).contains("rental.code_received", "HTTP 200");
        assertThat(story.path("key").path("name").asText()).isEqualTo("Acme bot");
        assertThat(story.path("ledger").path(0).path("kind").asText()).isEqualTo("charge");
        assertThat(story.path("timeline").path(0).path("summary").asText()).contains("whatsapp", "0.45", "Acme bot");

        // The customer's own admin key reads its story too, but a rentals key may not.
        assertThat(server.http().get("/v1/rentals/" + id + "/timeline", customer.adminKey()).status()).isEqualTo(200);
        assertThat(server.http().get("/v1/rentals/" + id + "/timeline", customer.rentalsKey()).code()).isEqualTo("forbidden");
        Customers.Customer other = Customers.open(server, "Other", "retail", "5", 60);
        assertThat(server.http().get("/v1/rentals/" + id + "/timeline", other.adminKey()).code()).isEqualTo("not_found");
    }

    @Test
    void findsRentalsByCodeKeyAndPhoneAcrossCustomers() {
        Customers.Customer customer = Customers.open(server, "Acme", "retail", "20", 60);
        JsonNode rental = server.http().post("/v1/rentals", customer.rentalsKey(),
                "{\"service\":\"google\",\"country\":\"GB\"}").json();
        server.sms(rental.path("phone_number").asText(), "Google", "G-412157 is your Google verification code.");
        server.http().post("/v1/rentals", owner, "{\"service\":\"google\",\"country\":\"GB\"}");

        JsonNode byCode = server.http().get("/v1/rentals?account=all&code=412157", owner).json().path("data");
        assertThat(byCode).hasSize(1);
        assertThat(byCode.get(0).path("id").asText()).isEqualTo(rental.path("id").asText());
        String keyId = server.http().get("/v1/keys?account=" + customer.accountId(), owner).json().path("data")
                .findValuesAsText("id").get(0);
        assertThat(server.http().get("/v1/rentals?account=all&key=" + keyId, owner).json().path("data").size())
                .isLessThanOrEqualTo(1);
        assertThat(server.http().get("/v1/rentals?account=all", owner).json().path("data")).hasSize(2);
        assertThat(server.http().get("/v1/rentals?code=412157", owner).json().path("data")).isEmpty();
        assertThat(server.http().get("/v1/rentals?account=all", customer.rentalsKey()).code()).isEqualTo("forbidden");
    }

    @Test
    void correctingACodeAndRefundingWithAReason() {
        Customers.Customer customer = Customers.open(server, "Acme", "retail", "20", 60);
        JsonNode rental = server.http().post("/v1/rentals", customer.rentalsKey(),
                "{\"service\":\"uber\",\"country\":\"US\"}").json();
        String id = rental.path("id").asText();
        String messageId = server.sms(rental.path("phone_number").asText(), "Uber", "Your Uber code: 1234. Ref 99887766")
                .json().path("message").path("id").asText();

        TestResponse refused = server.http().post("/v1/rentals/" + id + "/messages/" + messageId + "/correct-code",
                customer.adminKey(), "{\"code\":\"4321\"}");
        assertThat(refused.code()).isEqualTo("forbidden");
        TestResponse corrected = server.http().post("/v1/rentals/" + id + "/messages/" + messageId + "/correct-code",
                owner, "{\"code\":\"4321\"}");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().path("code").asText()).isEqualTo("4321");
        assertThat(corrected.json().path("messages").get(0).path("code").asText()).isEqualTo("4321");

        TestResponse noReason = server.http().post("/v1/rentals/" + id + "/refund", owner, "{}");
        assertThat(noReason.code()).isEqualTo("invalid_request");
        TestResponse part = server.http().post("/v1/rentals/" + id + "/refund", owner,
                "{\"amount_usd\": 0.05, \"reason\": \"code arrived late\"}");
        assertThat(part.status()).as(part.toString()).isEqualTo(201);
        assertThat(part.json().path("kind").asText()).isEqualTo("adjustment");
        assertThat(part.json().path("note").asText()).isEqualTo("refund: code arrived late");
        TestResponse tooMuch = server.http().post("/v1/rentals/" + id + "/refund", owner,
                "{\"amount_usd\": 0.20, \"reason\": \"again\"}");
        assertThat(tooMuch.code()).isEqualTo("conflict");
        assertThat(tooMuch.json().path("refundable_usd").decimalValue()).isEqualByComparingTo("0.15");
        TestResponse rest = server.http().post("/v1/rentals/" + id + "/refund", owner, "{\"reason\": \"goodwill\"}");
        assertThat(rental.path("price_usd").decimalValue()).isEqualByComparingTo("0.20");
        assertThat(rest.json().path("amount_usd").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(server.http().post("/v1/rentals/" + id + "/refund", owner, "{\"reason\": \"more\"}").code())
                .isEqualTo("conflict");
        assertThat(server.http().get("/v1/account", customer.adminKey()).json().path("balance_usd").decimalValue())
                .isEqualByComparingTo("20");
    }

    @Test
    void aRefundBeforeTheRentalEndsIsNotPaidAgainWhenItIsCancelled() {
        Customers.Customer customer = Customers.open(server, "Acme", "retail", "20", 60);
        JsonNode rental = server.http().post("/v1/rentals", customer.rentalsKey(),
                "{\"service\":\"uber\",\"country\":\"US\"}").json();
        String id = rental.path("id").asText();
        assertThat(rental.path("price_usd").decimalValue()).isEqualByComparingTo("0.20");

        TestResponse part = server.http().post("/v1/rentals/" + id + "/refund", owner,
                "{\"amount_usd\": 0.05, \"reason\": \"slow number\"}");
        assertThat(part.status()).as(part.toString()).isEqualTo(201);
        TestResponse cancelled = server.http().post("/v1/rentals/" + id + "/cancel", customer.rentalsKey(), null);

        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().path("refunded_usd").decimalValue()).as("only what was left").isEqualByComparingTo("0.15");
        assertThat(server.http().get("/v1/account", customer.adminKey()).json().path("balance_usd").decimalValue())
                .as("the price came back once: 0.05 by support, 0.15 by the cancel").isEqualByComparingTo("20");
    }

    @Test
    void aCodeGivenToAMessageWithoutOneIsACodeArriving() {
        Customers.Customer customer = Customers.open(server, "Acme", "retail", "20", 60);
        TestResponse hook = server.http().post("/v1/webhooks", customer.adminKey(),
                "{\"url\":\"" + receiver.url("/hook") + "\",\"events\":[\"rental.code_received\"]}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        JsonNode rental = server.http().post("/v1/rentals", customer.rentalsKey(),
                "{\"service\":\"uber\",\"country\":\"US\"}").json();
        String id = rental.path("id").asText();
        JsonNode message = server.sms(rental.path("phone_number").asText(), "Uber", "Welcome to Uber, see you soon")
                .json().path("message");
        assertThat(message.path("code").isNull()).as("the extractor found no code").isTrue();

        TestResponse corrected = server.http().post("/v1/rentals/" + id + "/messages/" + message.path("id").asText()
                + "/correct-code", owner, "{\"code\":\"5521\"}");

        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().path("status").asText()).isEqualTo("received");
        assertThat(corrected.json().path("code").asText()).isEqualTo("5521");
        assertThat(corrected.json().path("received_at").isNull()).isFalse();
        receiver.await("/hook", 1);
        assertThat(server.http().post("/v1/rentals/" + id + "/cancel", customer.rentalsKey(), null).code())
                .as("a rental holding a code is not cancelled for a refund").isEqualTo("rental_not_cancellable");
    }
}
