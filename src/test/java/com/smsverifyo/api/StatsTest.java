package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v1/stats} over real HTTP: the figures of known rentals placed on either side of hour
 * and day boundaries, refunds netted by charge time, and accounts that never see each other's figures.
 */
class StatsTest {
    @TempDir
    Path dir;

    private TestServer server;
    private String owner;

    @BeforeEach
    void start() {
        // Rentals live 2 hours here, so codes at the hour boundaries arrive while they are open.
        server = TestServer.start(dir, new MutableClock(TestServer.START), Duration.ofHours(2), 40);
        owner = server.ownerKey();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void figuresOfKnownRentalsAcrossHourAndDayBoundaries() {
        // The owner's demo credit of $100 is posted at 10:00 (TestServer.START).
        at("2026-11-29T10:00:00Z");
        JsonNode r1 = rent(owner, "whatsapp", "US");
        at("2026-11-29T10:30:00Z");
        JsonNode r2 = rent(owner, "telegram", "US");
        at("2026-11-29T10:59:59.999Z");
        code(r1, "WhatsApp", "Your WhatsApp code: 111-111");
        at("2026-11-29T11:00:00Z");
        JsonNode r3 = rent(owner, "whatsapp", "US");
        at("2026-11-29T11:05:00Z");
        assertThat(server.http().post("/v1/rentals/" + r2.path("id").asText() + "/cancel", owner, "").status()).isEqualTo(200);
        at("2026-11-29T11:15:00Z");
        JsonNode r4 = rent(owner, "google", "US");
        at("2026-11-29T11:20:00Z");
        code(r3, "WhatsApp", "Your WhatsApp code: 333-333");
        at("2026-11-29T11:30:00Z");
        BigDecimal p1 = price(r1);
        BigDecimal p2 = price(r2);
        BigDecimal p3 = price(r3);
        BigDecimal p4 = price(r4);

        JsonNode day = stats(owner, "24h");
        assertThat(day.path("window").asText()).isEqualTo("24h");
        assertThat(day.path("from").asText()).isEqualTo("2026-11-28T12:00:00.000Z");
        assertThat(day.path("to").asText()).isEqualTo("2026-11-29T12:00:00.000Z");
        assertThat(day.path("generated_at").asText()).isEqualTo("2026-11-29T11:30:00.000Z");
        BigDecimal balance = new BigDecimal("100").subtract(p1).subtract(p3).subtract(p4);
        assertThat(usd(day, "balance_usd")).isEqualByComparingTo(balance);
        assertThat(day.path("alert_threshold_usd").isNull()).isTrue();
        assertThat(usd(day, "spent_today_usd")).isEqualByComparingTo(p1.add(p3).add(p4));
        assertThat(day.path("active_rentals").asLong()).as("r1 and r3 received, r4 waiting").isEqualTo(3);
        assertThat(day.path("codes_last_hour").asLong()).as("10:59:59.999 and 11:20").isEqualTo(2);

        JsonNode series = day.path("series");
        assertThat(series).hasSize(24);
        assertThat(series.get(0).path("start").asText()).isEqualTo("2026-11-28T12:00:00.000Z");
        assertThat(series.get(22).path("start").asText()).isEqualTo("2026-11-29T10:00:00.000Z");
        assertThat(series.get(23).path("start").asText()).isEqualTo("2026-11-29T11:00:00.000Z");
        assertThat(usd(series.get(22), "spend_usd")).as("r2 was refunded: net of refunds, in its charge hour").isEqualByComparingTo(p1);
        assertThat(usd(series.get(23), "spend_usd")).isEqualByComparingTo(p3.add(p4));
        assertThat(series.get(22).path("codes").asLong()).isEqualTo(1);
        assertThat(series.get(23).path("codes").asLong()).isEqualTo(1);
        assertThat(usd(series.get(21), "balance_usd")).as("nothing was posted before 10:00").isZero();
        assertThat(usd(series.get(22), "balance_usd")).as("after the credit, r1 and r2; r2's refund came at 11:05")
                .isEqualByComparingTo(new BigDecimal("100").subtract(p1).subtract(p2));
        assertThat(usd(series.get(23), "balance_usd")).isEqualByComparingTo(balance);
        for (int i = 0; i < 22; i++) {
            assertThat(usd(series.get(i), "spend_usd")).isZero();
            assertThat(series.get(i).path("codes").asLong()).isZero();
        }

        assertThat(success(day)).containsExactly("whatsapp WhatsApp 2/2 1", "telegram Telegram 0/1 0");

        at("2026-11-29T11:59:59.999Z");
        assertThat(stats(owner, "24h").path("codes_last_hour").asLong()).as("the hour up to and including now").isEqualTo(2);
        at("2026-11-29T12:00:00Z");
        assertThat(stats(owner, "24h").path("codes_last_hour").asLong()).as("10:59:59.999 is over an hour ago").isEqualTo(1);

        JsonNode week = stats(owner, "7d");
        assertThat(week.path("from").asText()).isEqualTo("2026-11-23T00:00:00.000Z");
        assertThat(week.path("series")).hasSize(7);
        assertThat(week.path("series").get(6).path("start").asText()).isEqualTo("2026-11-29T00:00:00.000Z");
        assertThat(usd(week.path("series").get(6), "spend_usd")).as("today's bucket is today's spend")
                .isEqualByComparingTo(usd(week, "spent_today_usd"));
        assertThat(week.path("series").get(6).path("codes").asLong()).isEqualTo(2);
        assertThat(usd(week.path("series").get(5), "balance_usd")).isZero();

        // Past midnight: r4 expires unanswered (refunded into its charge day), r1 and r3 complete.
        at("2026-11-30T00:30:00Z");
        server.engine().expireDue();
        JsonNode next = stats(owner, "7d");
        assertThat(next.path("from").asText()).isEqualTo("2026-11-24T00:00:00.000Z");
        assertThat(usd(next, "spent_today_usd")).isZero();
        assertThat(next.path("active_rentals").asLong()).isZero();
        assertThat(next.path("codes_last_hour").asLong()).isZero();
        JsonNode yesterday = next.path("series").get(5);
        assertThat(yesterday.path("start").asText()).isEqualTo("2026-11-29T00:00:00.000Z");
        assertThat(usd(yesterday, "spend_usd")).isEqualByComparingTo(p1.add(p3));
        assertThat(usd(next.path("series").get(6), "spend_usd")).isZero();
        assertThat(success(next)).containsExactly("whatsapp WhatsApp 2/2 1", "telegram Telegram 0/1 0", "google Google 0/1 0");

        JsonNode lastDay = stats(owner, "24h");
        assertThat(lastDay.path("from").asText()).isEqualTo("2026-11-29T01:00:00.000Z");
        assertThat(usd(lastDay.path("series").get(9), "spend_usd")).as("10:00 is now the tenth hour").isEqualByComparingTo(p1);
        assertThat(usd(lastDay.path("series").get(23), "balance_usd")).isEqualByComparingTo(new BigDecimal("100").subtract(p1).subtract(p3));
    }

    @Test
    void successRatesCountPartialSuccessToFourDecimals() {
        at("2026-11-29T10:00:00Z");
        List<JsonNode> rentals = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rentals.add(rent(owner, "whatsapp", "GB"));
        }
        for (int i = 0; i < 6; i++) {
            code(rentals.get(i), "WhatsApp", "Your WhatsApp code: 12345" + i);
        }
        server.http().post("/v1/rentals/" + rentals.get(6).path("id").asText() + "/cancel", owner, "");

        JsonNode rate = stats(owner, "24h").path("success_by_service").get(0);
        assertThat(rate.path("received").asLong()).isEqualTo(6);
        assertThat(rate.path("ended").asLong()).isEqualTo(7);
        assertThat(rate.path("rate").decimalValue()).isEqualByComparingTo("0.8571");
    }

    @Test
    void anAccountNeverSeesAnotherAccountsFigures() {
        at("2026-11-29T10:00:00Z");
        TestResponse created = server.http().post("/v1/accounts", owner, "{\"name\":\"Customer\"}");
        String customer = created.json().path("id").asText();
        server.http().post("/v1/accounts/" + customer + "/credits", owner, "{\"amount_usd\":20,\"note\":\"top-up\"}");
        String customerKey = key(owner, customer, "admin");
        String ownerRentalsKey = key(owner, null, "rentals");

        JsonNode fresh = stats(customerKey, "24h");
        assertThat(fresh.path("account_id").asText()).isEqualTo(customer);
        assertThat(usd(fresh, "balance_usd")).isEqualByComparingTo("20");
        assertThat(fresh.path("active_rentals").asLong()).isZero();
        assertThat(fresh.path("success_by_service")).isEmpty();
        assertThat(fresh.path("series")).hasSize(24).allMatch(b -> b.path("spend_usd").decimalValue().signum() == 0);

        JsonNode ownersOwn = rent(owner, "whatsapp", "US");
        code(ownersOwn, "WhatsApp", "Your WhatsApp code: 555-555");
        JsonNode customers = rent(customerKey, "telegram", "GB");
        at("2026-11-29T10:10:00Z");

        JsonNode forCustomer = stats(customerKey, "24h");
        assertThat(forCustomer.path("active_rentals").asLong()).isEqualTo(1);
        assertThat(forCustomer.path("codes_last_hour").asLong()).isZero();
        assertThat(usd(forCustomer, "spent_today_usd")).isEqualByComparingTo(price(customers));
        assertThat(usd(forCustomer.path("series").get(23), "spend_usd")).isEqualByComparingTo(price(customers));
        assertThat(success(forCustomer)).isEmpty();

        JsonNode forOwner = stats(owner, "24h");
        assertThat(forOwner.path("active_rentals").asLong()).isEqualTo(1);
        assertThat(forOwner.path("codes_last_hour").asLong()).isEqualTo(1);
        assertThat(usd(forOwner, "spent_today_usd")).isEqualByComparingTo(price(ownersOwn));
        assertThat(success(forOwner)).containsExactly("whatsapp WhatsApp 1/1 1");

        // An admin key reads its customers' figures; nobody reads upwards or sideways.
        JsonNode ownerOnCustomer = server.http().get("/v1/stats?account=" + customer, owner).json();
        assertThat(ownerOnCustomer.path("account_id").asText()).isEqualTo(customer);
        assertThat(ownerOnCustomer.path("active_rentals").asLong()).isEqualTo(1);
        String ownerId = forOwner.path("account_id").asText();
        assertNotFound(server.http().get("/v1/stats?account=" + ownerId, customerKey));
        assertNotFound(server.http().get("/v1/stats?account=" + customer, ownerRentalsKey));
        assertNotFound(server.http().get("/v1/stats?account=acc_doesnotexist", owner));
        assertThat(stats(ownerRentalsKey, "24h").path("account_id").asText()).as("any scope reads its own").isEqualTo(ownerId);
    }

    @Test
    void refusesAnUnknownWindowAndAMissingKey() {
        TestResponse bad = server.http().get("/v1/stats?window=30d", owner);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("invalid_request");
        assertThat(bad.json().path("detail").asText()).contains("'window'").contains("24h").contains("7d");
        assertThat(bad.header("Content-Type").orElse("")).startsWith("application/problem+json");

        assertThat(server.http().get("/v1/stats", null).status()).isEqualTo(401);
        assertThat(server.http().get("/v1/stats", owner).json().path("window").asText()).as("the default").isEqualTo("24h");
    }

    // ---------------------------------------------------------------------------------------------

    private void at(String instant) {
        server.clock().set(Instant.parse(instant));
    }

    private JsonNode rent(String key, String service, String country) {
        TestResponse response = server.http().post("/v1/rentals", key,
                "{\"service\":\"" + service + "\",\"country\":\"" + country + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private void code(JsonNode rental, String from, String text) {
        TestResponse response = server.sms(rental.path("phone_number").asText(), from, text);
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
    }

    private String key(String adminKey, String accountId, String scope) {
        String account = accountId == null ? "" : ",\"account_id\":\"" + accountId + "\"";
        TestResponse response = server.http().post("/v1/keys", adminKey,
                "{\"name\":\"k\",\"scopes\":[\"" + scope + "\"]" + account + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("key").asText();
    }

    private JsonNode stats(String key, String window) {
        TestResponse response = server.http().get("/v1/stats?window=" + window, key);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static void assertNotFound(TestResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
    }

    private static BigDecimal price(JsonNode rental) {
        return rental.path("price_usd").decimalValue();
    }

    private static BigDecimal usd(JsonNode node, String field) {
        assertThat(node.path(field).isNumber()).as(field + " of " + node).isTrue();
        return node.path(field).decimalValue();
    }

    /** {@code service name received/ended rate}, in the server's order. */
    private static List<String> success(JsonNode stats) {
        List<String> rows = new ArrayList<>();
        stats.path("success_by_service").forEach(row -> rows.add(row.path("service").asText() + " "
                + row.path("name").asText() + " " + row.path("received").asLong() + "/" + row.path("ended").asLong()
                + " " + row.path("rate").decimalValue().toPlainString()));
        return rows;
    }
}
