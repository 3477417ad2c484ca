package com.smsverifyo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomised: many concurrent clients rent, cancel, finish, retry and report, retrying with the
 * same Idempotency-Key whenever a response is lost or the server fails a transaction on purpose,
 * while codes arrive and rentals expire. Afterwards the books must balance exactly.
 */
class MoneyInvariantsTest {
    private static final String[] SERVICES = {"whatsapp", "telegram", "google", "uber"};
    private static final String[] COUNTRIES = {"US", "GB", "DE", "IN"};

    @TempDir
    Path dir;

    @Test
    void theBooksBalanceWhateverFailsOrRetries() throws Exception {
        long seed = Long.getLong("invariants.seed", System.nanoTime());
        MutableClock clock = new MutableClock(TestServer.START);
        Map<String, Set<String>> rentalsByIdempotencyKey = new ConcurrentHashMap<>();
        List<String> rentalIds = new CopyOnWriteArrayList<>();
        AtomicInteger injected = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        try (TestServer server = TestServer.start(dir, clock, Duration.ofMinutes(5), 40)) {
            String owner = server.ownerKey();
            String accountId = server.http().get("/v1/account", owner).json().path("id").asText();
            server.http().post("/v1/accounts/" + accountId + "/credits", owner, "{\"amount_usd\": 1000}");
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                keys.add(server.http().post("/v1/keys", owner, "{\"name\":\"c" + i
                        + "\",\"scopes\":[\"rentals\"],\"rate_limit_per_minute\":100000"
                        + (i == 0 ? ",\"daily_spend_cap_usd\":3" : "") + "}").json().path("key").asText());
            }
            Random failures = new Random(seed);
            AtomicBoolean failing = new AtomicBoolean(true);
            // Injected failure: a transaction dies after its writes, before commit; it must leave no trace.
            server.engine().events().addTxHandler((tx, event) -> {
                boolean fail;
                synchronized (failures) {
                    fail = failing.get() && failures.nextInt(100) < 7;
                }
                if (fail) {
                    injected.incrementAndGet();
                    throw new IllegalStateException("injected failure");
                }
            });

            ExecutorService pool = Executors.newFixedThreadPool(10);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                Random random = new Random(seed + c);
                String key = keys.get(c % keys.size());
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int op = 0; op < 60; op++) {
                        int pick = random.nextInt(100);
                        if (pick < 55 || rentalIds.isEmpty()) {
                            String idem = "c" + client + "-op" + op;
                            String body = "{\"service\":\"" + SERVICES[random.nextInt(SERVICES.length)]
                                    + "\",\"country\":\"" + COUNTRIES[random.nextInt(COUNTRIES.length)] + "\"}";
                            TestResponse response = withRetries(random, serverErrors,
                                    () -> server.http().post("/v1/rentals", key, body, Map.of("Idempotency-Key", idem)));
                            if (response.status() == 201) {
                                String id = response.json().path("id").asText();
                                rentalsByIdempotencyKey.computeIfAbsent(idem, k -> ConcurrentHashMap.newKeySet()).add(id);
                                rentalIds.add(id);
                            }
                        } else {
                            String id = rentalIds.get(random.nextInt(rentalIds.size()));
                            String action = new String[] {"cancel", "finish", "retry", "report"}[random.nextInt(4)];
                            String idem = "c" + client + "-op" + op + "-" + action;
                            withRetries(random, serverErrors, () -> server.http().post("/v1/rentals/" + id + "/" + action,
                                    owner, "", Map.of("Idempotency-Key", idem)));
                        }
                    }
                    return null;
                }));
            }
            Future<?> codes = pool.submit(() -> {
                Random random = new Random(seed ^ 0x5EED);
                while (running.get()) {
                    if (!rentalIds.isEmpty()) {
                        String id = rentalIds.get(random.nextInt(rentalIds.size()));
                        JsonNode rental = server.http().get("/v1/rentals/" + id, owner).json();
                        String service = rental.path("service").asText();
                        String text = service.equals("google") ? "G-123456 is your Google verification code."
                                : "Your " + service + " code: " + (100000 + random.nextInt(899999));
                        server.sms(rental.path("phone_number").asText(), service, text);
                    }
                }
                return null;
            });
            Future<?> time = pool.submit(() -> {
                while (running.get()) {
                    clock.advance(Duration.ofSeconds(7));
                    server.engine().expireDue();
                }
                return null;
            });
            for (Future<?> client : clients) {
                client.get(5, TimeUnit.MINUTES);
            }
            running.set(false);
            codes.get(1, TimeUnit.MINUTES);
            time.get(1, TimeUnit.MINUTES);
            pool.shutdown();
            failing.set(false);
            clock.advance(Duration.ofMinutes(10));
            server.engine().expireDue();
        }

        assertThat(injected.get()).as("failures were injected").isGreaterThan(0);
        assertThat(rentalIds).as("rentals were made").hasSizeGreaterThan(50);
        assertThat(rentalsByIdempotencyKey.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertBooksBalance(dir.resolve("smsverifyo.db"));
    }

    private static TestResponse withRetries(Random random, AtomicInteger serverErrors,
                                            java.util.function.Supplier<TestResponse> call) {
        TestResponse response = call.get();
        // A lost response or a failed transaction: the client retries with the same key.
        for (int attempt = 0; attempt < 20 && (response.status() >= 500 || response.status() == 409
                && response.code().equals("idempotency_request_in_progress") || random.nextInt(10) == 0); attempt++) {
            if (response.status() >= 500) {
                serverErrors.incrementAndGet();
            }
            response = call.get();
        }
        return response;
    }

    private static void assertBooksBalance(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT a.id, a.balance_micros, "
                    + "(SELECT coalesce(sum(amount_micros), 0) FROM ledger l WHERE l.account_id = a.id) AS total FROM accounts a")) {
                while (rows.next()) {
                    assertThat(rows.getLong("balance_micros")).as("balance of %s", rows.getString("id"))
                            .isEqualTo(rows.getLong("total")).isNotNegative();
                }
            }
            // Running balances are consistent line by line and never below zero.
            try (ResultSet rows = statement.executeQuery("SELECT account_id, amount_micros, balance_after_micros FROM ledger ORDER BY seq")) {
                Map<String, Long> running = new java.util.HashMap<>();
                while (rows.next()) {
                    long after = running.merge(rows.getString(1), rows.getLong(2), Long::sum);
                    assertThat(rows.getLong(3)).isEqualTo(after).isNotNegative();
                }
            }
            assertNone(statement, "rentals without exactly one charge of their price",
                    "SELECT r.id FROM rentals r WHERE (SELECT count(*) FROM ledger l WHERE l.rental_id = r.id AND l.kind = 'charge' "
                            + "AND l.amount_micros = -r.price_micros) != 1");
            assertNone(statement, "rentals refunded more than once or wrongly",
                    "SELECT r.id FROM rentals r WHERE (SELECT count(*) FROM ledger l WHERE l.rental_id = r.id AND l.kind = 'refund') "
                            + "!= CASE WHEN r.status IN ('cancelled', 'expired') THEN 1 ELSE 0 END");
            assertNone(statement, "refund amounts that differ from the price",
                    "SELECT r.id FROM rentals r JOIN ledger l ON l.rental_id = r.id AND l.kind = 'refund' "
                            + "WHERE l.amount_micros != r.price_micros OR r.refunded_micros != r.price_micros");
            assertNone(statement, "refunded rentals that had a code",
                    "SELECT id FROM rentals WHERE refunded_micros > 0 AND received_at IS NOT NULL");
            assertNone(statement, "open rentals after everything expired",
                    "SELECT id FROM rentals WHERE status IN ('waiting', 'received')");
            assertNone(statement, "leases of ended rentals", "SELECT rental_id FROM leases");
            assertNone(statement, "a key past its daily cap",
                    "SELECT key_id FROM rentals r JOIN api_keys k ON k.id = r.key_id WHERE k.daily_spend_cap_micros IS NOT NULL "
                            + "GROUP BY key_id, date(r.created_at / 1000, 'unixepoch') "
                            + "HAVING sum(price_micros - refunded_micros) > max(k.daily_spend_cap_micros)");
        }
    }

    private static void assertNone(Statement statement, String what, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        assertThat(found).as(what).isEmpty();
    }
}
