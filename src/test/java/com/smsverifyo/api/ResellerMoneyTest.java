package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.testing.Csv;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.testing.Customers.Customer;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tier prices, price changes, credits and spend caps, with many clients at once. */
class ResellerMoneyTest {
    @TempDir
    Path dir;
    TestServer server;
    String owner;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
        owner = server.ownerKey();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode offer(String key, String service, String country) {
        JsonNode services = server.http().get("/v1/services?service=" + service + "&country=" + country, key).json();
        return services.path("data").get(0).path("countries").get(0);
    }

    private BigDecimal balance(String key) {
        return server.http().get("/v1/account", key).json().path("balance_usd").decimalValue();
    }

    private JsonNode rental(String key, String id) {
        return server.http().get("/v1/rentals/" + id, key).json();
    }

    @Test
    void aResellerCustomerSeesAndPaysEightyPercent() {
        Customer reseller = Customers.open(server, "Rita", "reseller", "10", 60);
        Customer retail = Customers.open(server, "Rolf", "retail", "10", 60);
        assertThat(offer(owner, "whatsapp", "US").path("price_usd").decimalValue()).isEqualByComparingTo("0.45");
        assertThat(offer(retail.rentalsKey(), "whatsapp", "US").path("price_usd").decimalValue()).isEqualByComparingTo("0.45");
        JsonNode discounted = offer(reseller.rentalsKey(), "whatsapp", "US");
        assertThat(discounted.path("price_usd").decimalValue()).isEqualByComparingTo("0.36");
        assertThat(discounted.path("mobile_price_usd").decimalValue()).isEqualByComparingTo("0.56");

        TestResponse mobile = server.http().post("/v1/rentals", reseller.rentalsKey(),
                "{\"service\":\"whatsapp\",\"country\":\"US\",\"carrier\":\"mobile\",\"max_price_usd\":0.56}");
        assertThat(mobile.status()).as(mobile.toString()).isEqualTo(201);
        assertThat(mobile.json().path("price_usd").decimalValue()).isEqualByComparingTo("0.56");
        String any = Customers.rent(server, reseller.rentalsKey(), "whatsapp", "US");
        assertThat(rental(reseller.rentalsKey(), any).path("price_usd").decimalValue()).isEqualByComparingTo("0.36");
        JsonNode ledger = server.http().get("/v1/ledger?kind=charge", reseller.adminKey()).json().path("data");
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(0).path("amount_usd").decimalValue()).isEqualByComparingTo("-0.36");
        assertThat(ledger.get(1).path("amount_usd").decimalValue()).isEqualByComparingTo("-0.56");
        assertThat(balance(reseller.adminKey())).isEqualByComparingTo("9.08");
        // The discounted price is the one max_price_usd is held against.
        TestResponse capped = server.http().post("/v1/rentals", retail.rentalsKey(),
                "{\"service\":\"whatsapp\",\"country\":\"US\",\"max_price_usd\":0.36}");
        assertThat(capped.status()).isEqualTo(422);
        assertThat(capped.code()).isEqualTo("max_price_exceeded");
    }

    @Test
    void aPriceChangeMidRentalLeavesExistingRentalsAndTheirRefundsAlone() {
        Customer bob = Customers.open(server, "Bob", "reseller", "10", 60);
        String first = Customers.rent(server, bob.rentalsKey(), "whatsapp", "US");

        ObjectNode catalog = (ObjectNode) server.http().get("/v1/catalog", owner).json();
        for (JsonNode price : catalog.path("prices")) {
            if (price.path("service").asText().equals("whatsapp") && price.path("country").asText().equals("US")) {
                ((ObjectNode) price).put("price_usd", 0.9).put("mobile_price_usd", 1.2);
            }
        }
        ((ObjectNode) catalog.path("tiers").get(1)).put("discount_percent", 25);
        assertThat(server.http().send("PUT", "/v1/catalog", owner, catalog.toString(), Map.of()).status()).isEqualTo(200);

        assertThat(offer(bob.rentalsKey(), "whatsapp", "US").path("price_usd").decimalValue()).isEqualByComparingTo("0.675");
        String second = Customers.rent(server, bob.rentalsKey(), "whatsapp", "US");
        assertThat(server.http().patch("/v1/accounts/" + bob.accountId(), owner, "{\"tier\":\"retail\"}").status())
                .isEqualTo(200);
        String third = Customers.rent(server, bob.rentalsKey(), "whatsapp", "US");

        assertThat(rental(bob.rentalsKey(), first).path("price_usd").decimalValue()).isEqualByComparingTo("0.36");
        assertThat(rental(bob.rentalsKey(), second).path("price_usd").decimalValue()).isEqualByComparingTo("0.675");
        assertThat(rental(bob.rentalsKey(), third).path("price_usd").decimalValue()).isEqualByComparingTo("0.9");
        assertThat(balance(bob.adminKey())).isEqualByComparingTo("8.065");

        // Refunds give back exactly what each rental was charged, by cancel or by expiry.
        JsonNode cancelled = server.http().post("/v1/rentals/" + first + "/cancel", bob.rentalsKey(), "").json();
        assertThat(cancelled.path("refunded_usd").decimalValue()).isEqualByComparingTo("0.36");
        server.clock().advance(Duration.ofMinutes(21));
        server.engine().expireDue();
        assertThat(rental(bob.rentalsKey(), second).path("refunded_usd").decimalValue()).isEqualByComparingTo("0.675");
        assertThat(rental(bob.rentalsKey(), third).path("refunded_usd").decimalValue()).isEqualByComparingTo("0.9");
        assertThat(balance(bob.adminKey())).isEqualByComparingTo("10");
        JsonNode refunds = server.http().get("/v1/ledger?kind=refund", bob.adminKey()).json().path("data");
        assertThat(refunds).extracting(r -> r.path("amount_usd").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("0.36", "0.675", "0.9");
    }

    @Test
    void creditsAndCorrectionsKeepBalanceEqualToTheLedgerUnderConcurrentCharges() throws Exception {
        Customer carol = Customers.open(server, "Carol", "reseller", "3", 100_000);
        String[] services = {"whatsapp", "telegram", "google", "uber"};
        String[] countries = {"US", "GB", "DE", "IN"};
        AtomicInteger rented = new AtomicInteger();
        AtomicInteger refusedForBalance = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        AtomicInteger credits = new AtomicInteger();
        AtomicInteger corrections = new AtomicInteger();
        AtomicInteger correctionsRefused = new AtomicInteger();
        Map<String, Integer> unexpected = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            Random random = new Random(t);
            work.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    TestResponse created = server.http().post("/v1/rentals", carol.rentalsKey(), "{\"service\":\""
                            + services[random.nextInt(4)] + "\",\"country\":\"" + countries[random.nextInt(4)] + "\"}");
                    if (created.status() == 201) {
                        rented.incrementAndGet();
                        if (random.nextBoolean()) {
                            TestResponse cancel = server.http().post("/v1/rentals/" + created.json().path("id").asText()
                                    + "/cancel", carol.rentalsKey(), "");
                            if (cancel.status() == 200) {
                                cancelled.incrementAndGet();
                            }
                        }
                    } else if (created.status() == 402) {
                        refusedForBalance.incrementAndGet();
                    } else {
                        unexpected.merge(created.status() + " " + created.code(), 1, Integer::sum);
                    }
                }
            }));
        }
        work.add(pool.submit(() -> {
            for (int i = 0; i < 40; i++) {
                TestResponse correction = server.http().post("/v1/accounts/" + carol.accountId() + "/credits", owner,
                        "{\"amount_usd\": -0.7, \"note\": \"correction " + i + "\"}");
                if (correction.status() == 201) {
                    corrections.incrementAndGet();
                } else if (correction.status() == 402) {
                    correctionsRefused.incrementAndGet();
                } else {
                    unexpected.merge("correction " + correction.status(), 1, Integer::sum);
                }
            }
        }));
        work.add(pool.submit(() -> {
            for (int i = 0; i < 40; i++) {
                if (server.http().post("/v1/accounts/" + carol.accountId() + "/credits", owner,
                        "{\"amount_usd\": 0.5}").status() == 201) {
                    credits.incrementAndGet();
                }
            }
        }));
        for (Future<?> future : work) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(unexpected).isEmpty();
        // The race was real: money ran out for some rentals and some corrections.
        assertThat(rented.get()).isPositive();
        assertThat(refusedForBalance.get() + correctionsRefused.get()).isPositive();

        TestResponse export = server.http().send("GET", "/v1/ledger?account=" + carol.accountId(), owner, null,
                Map.of("Accept", "text/csv"));
        List<List<String>> rows = Csv.parse(export.text());
        BigDecimal running = BigDecimal.ZERO;
        Map<String, Integer> kinds = new ConcurrentHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            running = running.add(new BigDecimal(row.get(3)));
            assertThat(new BigDecimal(row.get(4))).as("balance after " + row).isEqualByComparingTo(running);
            assertThat(running.signum()).as("never below zero").isGreaterThanOrEqualTo(0);
            kinds.merge(row.get(2), 1, Integer::sum);
        }
        assertThat(balance(carol.adminKey())).isEqualByComparingTo(running);
        assertThat(kinds.get("charge")).isEqualTo(rented.get());
        assertThat(kinds.getOrDefault("refund", 0)).isEqualTo(cancelled.get());
        assertThat(kinds.get("credit")).isEqualTo(credits.get() + 1);
        assertThat(kinds.getOrDefault("adjustment", 0)).isEqualTo(corrections.get());
    }

    @Test
    void theDailySpendCapHoldsUnderConcurrentCreates() throws Exception {
        Customer dan = Customers.open(server, "Dan", "retail", "50", 100_000);
        // uber in the US costs 0.20: a cap of 1.40 allows exactly seven.
        String keyId = null;
        for (JsonNode key : server.http().get("/v1/keys?account=" + dan.accountId(), owner).json().path("data")) {
            if (key.path("name").asText().equals("Dan bot")) {
                keyId = key.path("id").asText();
            }
        }
        String capped = dan.rentalsKey();
        assertThat(server.http().patch("/v1/keys/" + keyId, owner, "{\"daily_spend_cap_usd\": 1.4}").status()).isEqualTo(200);
        assertThat(offer(capped, "uber", "US").path("price_usd").decimalValue()).isEqualByComparingTo("0.2");

        List<TestResponse> responses = createAtOnce(capped, 20);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(7);
        assertThat(responses).filteredOn(r -> r.status() != 201)
                .hasSize(13).allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(422);
                    assertThat(r.code()).isEqualTo("daily_spend_cap_reached");
                });
        assertThat(server.http().get("/v1/ledger?kind=charge", dan.adminKey()).json().path("data")).hasSize(7);
        assertThat(balance(dan.adminKey())).isEqualByComparingTo("48.6");

        // The cap counts spend net of refunds: a cancel makes room for exactly one more.
        String someRental = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().path("id").asText();
        server.http().post("/v1/rentals/" + someRental + "/cancel", capped, "");
        assertThat(createAtOnce(capped, 5)).filteredOn(r -> r.status() == 201).hasSize(1);
        // A new UTC day starts a new allowance.
        server.clock().advance(Duration.ofDays(1));
        assertThat(createAtOnce(capped, 10)).filteredOn(r -> r.status() == 201).hasSize(7);
    }

    private List<TestResponse> createAtOnce(String key, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestResponse>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return server.http().post("/v1/rentals", key, "{\"service\":\"uber\",\"country\":\"US\"}");
            }));
        }
        go.countDown();
        List<TestResponse> responses = new ArrayList<>();
        for (Future<TestResponse> future : futures) {
            responses.add(future.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return responses;
    }
}
