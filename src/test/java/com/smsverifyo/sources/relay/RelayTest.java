package com.smsverifyo.sources.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.client.RequestOptions;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.store.RelayRental;
import com.smsverifyo.store.RelayRepository;
import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.SourcesApi;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import com.standardwebhooks.Webhook;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines on loopback: A is the upstream, B a reseller that relays A's numbers to its own
 * customer C. Every test checks both ledgers: C pays B only for numbers A really rented, and every
 * refund on one side has its refund on the other.
 */
class RelayTest {
    private static final BigDecimal PRICE = new BigDecimal("0.45"); // WhatsApp in the US, B's retail price
    private static final BigDecimal UPSTREAM_PRICE = new BigDecimal("0.36"); // A's price for B (reseller tier)

    @TempDir
    Path dir;

    private TestServer upstream;
    private TestServer reseller;
    private Receiver hooks;
    private String resellerAccountAtUpstream;
    private String resellerKeyAtUpstream;
    private String relayId;
    private Customers.Customer customer;
    private String customerWebhookSecret;

    @BeforeEach
    void twoEngines() throws Exception {
        upstream = TestServer.start(Files.createDirectories(dir.resolve("a")), new MutableClock(TestServer.START),
                TestServer.loopbackWebhooks());
        reseller = TestServer.start(Files.createDirectories(dir.resolve("b")), new MutableClock(TestServer.START),
                TestServer.loopbackWebhooks());
        TestResponse account = upstream.http().post("/v1/accounts", upstream.ownerKey(),
                "{\"name\":\"Reseller B\",\"tier\":\"reseller\"}");
        resellerAccountAtUpstream = account.json().path("id").asText();
        upstream.http().post("/v1/accounts/" + resellerAccountAtUpstream + "/credits", upstream.ownerKey(),
                "{\"amount_usd\":10}");
        resellerKeyAtUpstream = Customers.key(upstream, resellerAccountAtUpstream, "relay", "[\"admin\",\"rentals\"]", 60);

        SourcesApi.simulatorOff(reseller); // B has no SIMs of its own: every number comes from A
        relayId = SourcesApi.create(reseller, "upstream", "Upstream A", "{\"base_url\":\"" + upstream.baseUrl()
                + "\",\"api_key\":\"" + resellerKeyAtUpstream + "\",\"poll_interval_seconds\":3600}").path("id").asText();
        SourcesApi.awaitHealth(reseller, relayId, "ok");

        customer = Customers.open(reseller, "Customer C", "retail", "5", 60);
        hooks = Receiver.start();
        TestResponse webhook = reseller.http().post("/v1/webhooks", customer.adminKey(), "{\"url\":\""
                + hooks.url("/c") + "\",\"events\":[\"rental.code_received\"]}");
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
        customerWebhookSecret = webhook.json().path("secret").asText();
    }

    @AfterEach
    void stop() {
        hooks.close();
        reseller.close();
        upstream.close();
    }

    @Test
    void aCustomerOfBRentsBRentsFromAAndTheCodeArrivesByWebhookFromB() throws Exception {
        JsonNode rental = rent();
        String phone = rental.path("phone_number").asText();
        JsonNode upstreamRental = upstreamRentals().get(0);
        assertThat(upstreamRental.path("phone_number").asText()).isEqualTo(phone);
        assertThat(upstreamRental.path("status").asText()).isEqualTo("waiting");

        TestResponse sms = upstream.sms(phone, "WhatsApp", "Your WhatsApp code: 482-913");
        assertThat(sms.json().path("rental_id").asText()).isEqualTo(upstreamRental.path("id").asText());

        // Polling is set to an hour: only A's webhook can bring the code to B this quickly.
        Receiver.Hit hit = hooks.await("/c", 1).get(0);
        new Webhook(customerWebhookSecret).verify(hit.body(), hit.headers());
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(hit.body());
        assertThat(body.path("type").asText()).isEqualTo("rental.code_received");
        assertThat(body.path("rental_id").asText()).isEqualTo(rental.path("id").asText());
        assertThat(body.path("code").asText()).isEqualTo("482913");
        assertThat(body.path("phone_number").asText()).isEqualTo(phone);

        assertThat(ledger(reseller, customer.adminKey(), null)).containsExactly("credit 5", "charge -" + PRICE);
        assertThat(ledger(upstream, resellerKeyAtUpstream, null)).containsExactly("credit 10", "charge -" + UPSTREAM_PRICE);
        JsonNode relay = SourcesApi.get(reseller, relayId);
        assertThat(relay.path("settings").path("api_key").asText()).isEqualTo("***");
        assertThat(relay.toString()).doesNotContain(resellerKeyAtUpstream);
        assertThat(relay.path("inbound_url").asText()).isEqualTo(reseller.baseUrl() + "/v1/inbound/upstream/" + relayId);
    }

    @Test
    void aCancelledRentalIsRefundedOnBAtOnceAndCancelledOnA() {
        JsonNode rental = rent();
        TestResponse cancelled = reseller.http().post("/v1/rentals/" + rental.path("id").asText() + "/cancel",
                customer.rentalsKey(), null);
        assertThat(cancelled.json().path("status").asText()).as(cancelled.toString()).isEqualTo("cancelled");

        awaitUpstreamStatus("cancelled");
        assertThat(ledger(reseller, customer.adminKey(), null)).containsExactly("credit 5", "charge -" + PRICE,
                "refund " + PRICE);
        assertThat(ledger(upstream, resellerKeyAtUpstream, null)).containsExactly("credit 10",
                "charge -" + UPSTREAM_PRICE, "refund " + UPSTREAM_PRICE);
        awaitJournal(RelayRental.State.CLOSED);
    }

    @Test
    void anExpiredRentalIsRefundedOnBAndCancelledOnA() {
        rent();
        reseller.clock().advance(Duration.ofMinutes(21));
        assertThat(reseller.engine().expireDue()).isEqualTo(1);

        awaitUpstreamStatus("cancelled");
        assertThat(ledger(reseller, customer.adminKey(), null)).containsExactly("credit 5", "charge -" + PRICE,
                "refund " + PRICE);
        assertThat(ledger(upstream, resellerKeyAtUpstream, null)).containsExactly("credit 10",
                "charge -" + UPSTREAM_PRICE, "refund " + UPSTREAM_PRICE);
    }

    @Test
    void aRentalThatEndsUpstreamFirstIsRefundedOnBAtOnce() {
        JsonNode rental = rent();
        upstream.clock().advance(Duration.ofMinutes(21));
        assertThat(upstream.engine().expireDue()).isEqualTo(1);

        // A's rental.expired webhook makes B read the rental and end its own with a refund.
        Await.until("B's rental to end", () -> SourcesApi.rental(reseller, rental.path("id").asText())
                .path("status").asText().equals("cancelled"));
        assertThat(ledger(reseller, customer.adminKey(), null)).containsExactly("credit 5", "charge -" + PRICE,
                "refund " + PRICE);
        assertThat(ledger(upstream, resellerKeyAtUpstream, null)).containsExactly("credit 10",
                "charge -" + UPSTREAM_PRICE, "refund " + UPSTREAM_PRICE);
    }

    @Test
    void whenAHasNoNumbersCIsRefusedAndChargedNothing() {
        SourcesApi.simulatorOff(upstream);
        TestResponse refused = reseller.http().post("/v1/rentals", customer.rentalsKey(),
                "{\"service\":\"whatsapp\",\"country\":\"US\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("no_numbers_available");
        assertThat(ledger(reseller, customer.adminKey(), null)).containsExactly("credit 5");
        assertThat(ledger(upstream, resellerKeyAtUpstream, null)).containsExactly("credit 10");
        awaitJournal(RelayRental.State.FAILED);
    }

    @Test
    void whenBsBalanceAtAIsTooLowCIsRefusedAndChargedNothing() {
        JsonNode drained = upstream.http().post("/v1/accounts/" + resellerAccountAtUpstream + "/credits",
                upstream.ownerKey(), "{\"amount_usd\":-9.99}").json();
        assertThat(drained.path("balance_after_usd").decimalValue()).isEqualByComparingTo("0.01");

        TestResponse refused = reseller.http().post("/v1/rentals", customer.rentalsKey(),
                "{\"service\":\"whatsapp\",\"country\":\"US\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("no_numbers_available");
        assertThat(ledger(reseller, customer.adminKey(), null)).containsExactly("credit 5");
        JsonNode health = SourcesApi.get(reseller, relayId).path("health");
        assertThat(health.path("status").asText()).isEqualTo("degraded");
        assertThat(health.path("detail").asText()).contains("insufficient_balance");
    }

    @Test
    void whenAGoesAwayMidRentalCIsRefundedAtExpiryAndAIsCancelledWhenItIsBack() {
        rent();
        int port = upstream.runtime().port();
        upstream.close();

        reseller.clock().advance(Duration.ofMinutes(21));
        assertThat(reseller.engine().expireDue()).isEqualTo(1);
        assertThat(ledger(reseller, customer.adminKey(), null)).containsExactly("credit 5", "charge -" + PRICE,
                "refund " + PRICE);
        SourcesApi.awaitHealth(reseller, relayId, "down");
        assertThat(journal(RelayRental.State.CLOSING)).hasSize(1);

        upstream = TestServer.restartOnPort(dir.resolve("a"), upstream.clock(), upstream.ownerKey(),
                TestServer.loopbackWebhooks(), port);
        awaitUpstreamStatus("cancelled");
        assertThat(ledger(upstream, resellerKeyAtUpstream, null)).containsExactly("credit 10",
                "charge -" + UPSTREAM_PRICE, "refund " + UPSTREAM_PRICE);
        awaitJournal(RelayRental.State.CLOSED);
    }

    @Test
    void whenAIsUnreachableAtRentingTimeCIsRefusedAndChargedNothingAndMayRetryWithTheSameKey() {
        int port = upstream.runtime().port();
        upstream.close();
        String body = "{\"service\":\"whatsapp\",\"country\":\"US\"}";
        TestResponse refused = reseller.http().post("/v1/rentals", customer.rentalsKey(), body,
                Map.of("Idempotency-Key", "rent-1"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("service_unavailable");
        assertThat(ledger(reseller, customer.adminKey(), null)).containsExactly("credit 5");

        // A 503 is not kept: once A is back, the same key rents, and charges, once.
        upstream = TestServer.restartOnPort(dir.resolve("a"), upstream.clock(), upstream.ownerKey(),
                TestServer.loopbackWebhooks(), port);
        TestResponse retried = reseller.http().post("/v1/rentals", customer.rentalsKey(), body,
                Map.of("Idempotency-Key", "rent-1"));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        TestResponse replayed = reseller.http().post("/v1/rentals", customer.rentalsKey(), body,
                Map.of("Idempotency-Key", "rent-1"));
        assertThat(replayed.json().path("id").asText()).isEqualTo(retried.json().path("id").asText());
        assertThat(ledger(reseller, customer.adminKey(), null)).containsExactly("credit 5", "charge -" + PRICE);
        // The first attempt's journal entry (its outcome unknown to B) is settled too: B owes A one rental.
        Await.until("the first attempt settled (journal: " + journal(null) + ")",
                () -> journal(RelayRental.State.RESERVING).isEmpty() && journal(RelayRental.State.RESERVED).isEmpty()
                        && journal(RelayRental.State.CLOSING).isEmpty());
        JsonNode balance = upstream.http().get("/v1/account", resellerKeyAtUpstream).json().path("balance_usd");
        assertThat(balance.decimalValue()).isEqualByComparingTo(new BigDecimal("10").subtract(UPSTREAM_PRICE));
    }

    @Test
    void aReservationLeftByACrashIsAskedAgainWithItsKeyAndGivenBack() {
        // What a crash between renting upstream and recording it leaves behind: an upstream rental made
        // with the entry's id as Idempotency-Key, and the entry still 'reserving'.
        String entry = "rly_CRASHED0000000000000000001";
        try (SmsVerifyoClient asReseller = SmsVerifyoClient.builder().baseUrl(upstream.baseUrl())
                .apiKey(resellerKeyAtUpstream).build()) {
            asReseller.rentals().create(UpstreamSource.newRental("whatsapp", "US", "any", 450_000L),
                    RequestOptions.idempotencyKey(entry));
        }
        reseller.engine().db().write(tx -> {
            new RelayRepository().insert(tx, entry, relayId, "whatsapp", "US", "any", 450_000L,
                    reseller.clock().instant());
            return null;
        });

        awaitUpstreamStatus("cancelled");
        assertThat(upstreamRentals()).hasSize(1); // asked again, not rented again
        assertThat(ledger(upstream, resellerKeyAtUpstream, null)).containsExactly("credit 10",
                "charge -" + UPSTREAM_PRICE, "refund " + UPSTREAM_PRICE);
        assertThat(ledger(reseller, customer.adminKey(), null)).containsExactly("credit 5");
        awaitJournal(RelayRental.State.CLOSED);
    }

    @Test
    void aDeliveryThatDoesNotVerifyIsRefused() {
        TestResponse forged = reseller.http().post("/v1/inbound/upstream/" + relayId, null,
                "{\"type\":\"rental.code_received\",\"rental_id\":\"rnt_X\"}",
                Map.of("webhook-id", "msg_1", "webhook-timestamp", Long.toString(System.currentTimeMillis() / 1000),
                        "webhook-signature", "v1,AAAA"));

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("unauthenticated");
    }

    @Test
    void relayNumbersAreNeverTakenFromThePoolNorRegisteredByHand() {
        rent();
        reseller.http().post("/v1/rentals/" + reseller.http().get("/v1/rentals", customer.rentalsKey()).json()
                .path("data").get(0).path("id").asText() + "/cancel", customer.rentalsKey(), null);
        awaitUpstreamStatus("cancelled");
        // The number A gave is in B's table, yet B's pool never hands it out again by itself.
        SourcesApi.disable(reseller, relayId);
        TestResponse refused = reseller.http().post("/v1/rentals", customer.rentalsKey(),
                "{\"service\":\"whatsapp\",\"country\":\"US\"}");
        assertThat(refused.code()).as(refused.toString()).isEqualTo("no_numbers_available");

        TestResponse byHand = reseller.http().post("/v1/numbers", reseller.ownerKey(), "{\"phone_number\":\"+14155550160\","
                + "\"country\":\"US\",\"source_id\":\"" + relayId + "\"}");
        assertThat(byHand.status()).isEqualTo(400);
        assertThat(byHand.json().path("errors").get(0).path("pointer").asText()).isEqualTo("#/source_id");
    }

    // ---------------------------------------------------------------------------------------------

    private JsonNode rent() {
        TestResponse rental = reseller.http().post("/v1/rentals", customer.rentalsKey(),
                "{\"service\":\"whatsapp\",\"country\":\"US\"}");
        assertThat(rental.status()).as(rental.toString()).isEqualTo(201);
        assertThat(rental.json().path("price_usd").decimalValue()).isEqualByComparingTo(PRICE);
        return rental.json();
    }

    private JsonNode upstreamRentals() {
        TestResponse list = upstream.http().get("/v1/rentals", resellerKeyAtUpstream);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().path("data");
    }

    private void awaitUpstreamStatus(String status) {
        Await.until("A's rental to be " + status + " (journal: " + journal(null) + ")",
                () -> upstreamRentals().size() == 1 && upstreamRentals().get(0).path("status").asText().equals(status));
    }

    /** {@code kind amount}, oldest first. */
    private static List<String> ledger(TestServer server, String key, String account) {
        TestResponse page = server.http().get("/v1/ledger" + (account == null ? "" : "?account=" + account), key);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : page.json().path("data")) {
            entries.add(0, entry.path("kind").asText() + " " + entry.path("amount_usd").decimalValue().toPlainString());
        }
        return entries;
    }

    private List<RelayRental> journal(RelayRental.State state) {
        return reseller.engine().db().read(tx -> {
            List<RelayRental> all = new ArrayList<>();
            for (RelayRental.State each : RelayRental.State.values()) {
                if (state == null || state == each) {
                    all.addAll(new RelayRepository().inState(tx, relayId, each, 100));
                }
            }
            return all;
        });
    }

    private void awaitJournal(RelayRental.State state) {
        Await.until("a journal entry " + state + " (journal: " + journal(null) + ")",
                () -> journal(null).stream().allMatch(e -> e.state() == state) && !journal(state).isEmpty());
    }
}
