package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.engine.Money;
import com.smsverifyo.store.AccountRepository;
import com.smsverifyo.store.LedgerKind;
import com.smsverifyo.store.LedgerRepository;
import com.smsverifyo.testing.Csv;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.testing.Customers.Customer;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Accept: text/csv} on the ledger and rentals lists: content, quoting, filters, headers, isolation. */
class CsvExportTest {
    private static final Map<String, String> CSV = Map.of("Accept", "text/csv");

    @TempDir
    Path dir;
    TestServer server;
    Customer alice;
    Customer bob;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
        alice = Customers.open(server, "Alice", "retail", null, 600);
        bob = Customers.open(server, "Bob", "retail", "5", 600);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestResponse csv(String path, String key) {
        return server.http().send("GET", path, key, null, CSV);
    }

    private void credit(String account, String body) {
        TestResponse credit = server.http().post("/v1/accounts/" + account + "/credits", server.ownerKey(), body);
        assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
    }

    @Test
    void theLedgerExportsAsCsvWithQuotingPlainMoneyAndRfc3339Times() {
        credit(alice.accountId(), "{\"amount_usd\": 10, \"note\": \"top-up, \\\"VIP\\\"\\nsecond line\"}");
        credit(alice.accountId(), "{\"amount_usd\": 0.0001, \"note\": \"=HYPERLINK(\\\"http://x\\\")\"}");
        credit(alice.accountId(), "{\"amount_usd\": -2.5, \"note\": \"correction\"}");
        String rental = Customers.rent(server, alice.rentalsKey(), "whatsapp", "US");
        assertThat(server.http().post("/v1/rentals/" + rental + "/cancel", alice.rentalsKey(), "").status()).isEqualTo(200);

        TestResponse export = csv("/v1/ledger?account=" + alice.accountId(), server.ownerKey());
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.header("Content-Type")).hasValue("text/csv; charset=utf-8; header=present");
        assertThat(export.header("Content-Disposition"))
                .hasValue("attachment; filename=\"ledger-" + alice.accountId() + ".csv\"");
        List<List<String>> rows = Csv.parse(export.text());
        assertThat(rows.get(0)).containsExactly("id", "account_id", "kind", "amount_usd", "balance_after_usd",
                "rental_id", "note", "created_at");

        // The same entries as the JSON list, oldest first, every member as text.
        JsonNode json = server.http().get("/v1/ledger?account=" + alice.accountId(), server.ownerKey()).json().path("data");
        assertThat(rows).hasSize(json.size() + 1).hasSize(6);
        for (int i = 1; i < rows.size(); i++) {
            JsonNode entry = json.get(json.size() - i);
            List<String> row = rows.get(i);
            assertThat(row.get(0)).isEqualTo(entry.path("id").asText());
            assertThat(row.get(1)).isEqualTo(alice.accountId());
            assertThat(row.get(2)).isEqualTo(entry.path("kind").asText());
            assertThat(new java.math.BigDecimal(row.get(3))).isEqualByComparingTo(entry.path("amount_usd").decimalValue());
            assertThat(new java.math.BigDecimal(row.get(4))).isEqualByComparingTo(entry.path("balance_after_usd").decimalValue());
            assertThat(row.get(5)).isEqualTo(entry.path("rental_id").isNull() ? "" : entry.path("rental_id").asText());
            assertThat(row.get(7)).isEqualTo(entry.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
        assertThat(rows.get(1).get(6)).isEqualTo("top-up, \"VIP\"\nsecond line");
        assertThat(export.text()).contains("\"top-up, \"\"VIP\"\"\nsecond line\"");
        // Money is a plain decimal, never an exponent; a typed formula is shown, not run.
        assertThat(rows.get(2).get(3)).isEqualTo("0.0001");
        assertThat(rows.get(2).get(6)).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(rows.get(3).get(2)).isEqualTo("adjustment");
        assertThat(rows.get(3).get(3)).isEqualTo("-2.5");
        assertThat(rows.get(4).get(2)).isEqualTo("charge");
        assertThat(rows.get(4).get(5)).isEqualTo(rental);
        assertThat(rows.get(5).get(2)).isEqualTo("refund");

        // The customer's own admin key exports its own ledger the same way, without naming it.
        assertThat(csv("/v1/ledger", alice.adminKey()).text()).isEqualTo(export.text());
    }

    @Test
    void fromAndToTakeDatesOrTimesAndADateToIncludesItsDay() {
        credit(alice.accountId(), "{\"amount_usd\": 1, \"note\": \"day one\"}");
        server.clock().advance(Duration.ofDays(1));
        credit(alice.accountId(), "{\"amount_usd\": 2, \"note\": \"day two\"}");
        server.clock().advance(Duration.ofDays(1));
        credit(alice.accountId(), "{\"amount_usd\": 3, \"note\": \"day three\"}");

        String base = "/v1/ledger?account=" + alice.accountId();
        assertThat(notes(csv(base + "&from=2026-11-30&to=2026-11-30", server.ownerKey()))).containsExactly("day two");
        assertThat(notes(csv(base + "&from=2026-11-30", server.ownerKey()))).containsExactly("day two", "day three");
        assertThat(notes(csv(base + "&to=2026-11-30", server.ownerKey()))).containsExactly("day one", "day two");
        assertThat(notes(csv(base + "&from=2026-11-30T10:00:00Z&to=2026-12-01T10:00:00.000Z", server.ownerKey())))
                .containsExactly("day two");
        assertThat(notes(csv(base + "&kind=credit&from=2026-12-01", server.ownerKey()))).containsExactly("day three");
        TestResponse named = csv(base + "&from=2026-11-30&to=2026-12-01", server.ownerKey());
        assertThat(named.header("Content-Disposition")).hasValue(
                "attachment; filename=\"ledger-" + alice.accountId() + "-from-2026-11-30-to-2026-12-01.csv\"");
        // The JSON list reads the range the same way.
        JsonNode page = server.http().get(base + "&from=2026-11-30&to=2026-11-30", server.ownerKey()).json();
        assertThat(page.path("data")).hasSize(1);
        assertThat(page.path("data").get(0).path("note").asText()).isEqualTo("day two");

        TestResponse bad = csv(base + "&from=yesterday", server.ownerKey());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(bad.json().path("errors").get(0).path("pointer").asText()).isEqualTo("#/from");
        // Parseable, but no stored time can be that far out: a field error, not a 500.
        for (String far : new String[] {"&from=%2B999999999-12-31T00:00:00Z", "&to=-999999999-01-01T00:00:00Z"}) {
            TestResponse outOfRange = csv(base + far, server.ownerKey());
            assertThat(outOfRange.status()).as(far).isEqualTo(400);
            assertThat(outOfRange.json().path("errors").get(0).path("detail").asText()).contains("1970 and 9999");
        }
        TestResponse backwards = csv(base + "&from=2026-12-01&to=2026-11-29", server.ownerKey());
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("errors").get(0).path("pointer").asText()).isEqualTo("#/to");
    }

    @Test
    void rentalsExportAsCsvWithEmptyFieldsForMissingValues() {
        credit(alice.accountId(), "{\"amount_usd\": 20}");
        String waiting = Customers.rent(server, alice.rentalsKey(), "whatsapp", "US");
        String cancelled = Customers.rent(server, alice.rentalsKey(), "telegram", "GB");
        server.http().post("/v1/rentals/" + cancelled + "/cancel", alice.rentalsKey(), "");
        Customers.rent(server, bob.rentalsKey(), "whatsapp", "US");

        TestResponse export = csv("/v1/rentals", alice.rentalsKey());
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.header("Content-Disposition"))
                .hasValue("attachment; filename=\"rentals-" + alice.accountId() + ".csv\"");
        List<List<String>> rows = Csv.parse(export.text());
        assertThat(rows.get(0)).containsExactly("id", "account_id", "service", "country", "carrier", "phone_number",
                "price_usd", "status", "code", "created_at", "expires_at", "received_at", "ended_at", "refunded_usd");
        assertThat(rows).hasSize(3);
        JsonNode first = server.http().get("/v1/rentals/" + waiting, alice.rentalsKey()).json();
        assertThat(rows.get(1)).containsExactly(waiting, alice.accountId(), "whatsapp", "US", "any",
                first.path("phone_number").asText(), first.path("price_usd").decimalValue().toPlainString(), "waiting", "",
                first.path("created_at").asText(), first.path("expires_at").asText(), "", "", "0");
        JsonNode second = server.http().get("/v1/rentals/" + cancelled, alice.rentalsKey()).json();
        assertThat(rows.get(2).get(0)).isEqualTo(cancelled);
        assertThat(rows.get(2).get(7)).isEqualTo("cancelled");
        assertThat(rows.get(2).get(12)).isEqualTo(second.path("ended_at").asText());
        assertThat(rows.get(2).get(13)).isEqualTo(second.path("price_usd").decimalValue().toPlainString());

        assertThat(Csv.parse(csv("/v1/rentals?status=cancelled", alice.rentalsKey()).text())).hasSize(2);
        assertThat(Csv.parse(csv("/v1/rentals?account=" + alice.accountId() + "&from=2026-11-30", server.ownerKey()).text()))
                .hasSize(1);
    }

    @Test
    void anotherAccountsExportIsNotFoundAndJsonStaysTheDefault() {
        for (String path : List.of("/v1/ledger?account=" + bob.accountId(), "/v1/rentals?account=" + bob.accountId())) {
            TestResponse refused = csv(path, alice.adminKey());
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.header("Content-Disposition")).isEmpty();
            assertThat(refused.code()).isEqualTo("not_found");
        }
        assertThat(csv("/v1/ledger", alice.rentalsKey()).status()).isEqualTo(403);

        for (String accept : new String[] {null, "application/json", "*/*", "text/csv;q=0.5, application/json",
                "application/xml"}) {
            TestResponse json = server.http().send("GET", "/v1/ledger", bob.adminKey(), null,
                    accept == null ? Map.of() : Map.of("Accept", accept));
            assertThat(json.header("Content-Type")).as(String.valueOf(accept))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(json.json().path("data")).hasSize(1);
        }
        for (String accept : new String[] {"text/csv", "text/*", "application/json;q=0.9, text/csv", "text/csv, */*"}) {
            TestResponse csv = server.http().send("GET", "/v1/ledger", bob.adminKey(), null, Map.of("Accept", accept));
            assertThat(csv.header("Content-Type")).as(accept).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        }
    }

    @Test
    void aClientThatLeavesMidExportGivesTheReadConnectionBack() throws Exception {
        // Far more than the socket buffers of both ends hold, so the server is still writing when the client leaves.
        int rows = 120_000;
        fillLedger(alice.accountId(), rows);
        int readers = server.engine().db().readerCount();
        assertThat(server.engine().db().idleReaders()).isEqualTo(readers);

        URI uri = URI.create(server.baseUrl());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/ledger?account=" + alice.accountId() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + server.ownerKey() + "\r\nAccept: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] first = in.readNBytes(64 * 1024);
            assertThat(new String(first, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200").contains("text/csv");
            // The export is under way and holds a read connection.
            assertThat(server.engine().db().idleReaders()).isLessThan(readers);
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (server.engine().db().idleReaders() < readers && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(server.engine().db().idleReaders()).as("read connections back in the pool").isEqualTo(readers);
        // And the server goes on: a whole export still works.
        TestResponse again = csv("/v1/ledger?account=" + bob.accountId(), server.ownerKey());
        assertThat(Csv.parse(again.text())).hasSize(2);
    }

    private void fillLedger(String accountId, int rows) {
        LedgerRepository ledger = new LedgerRepository();
        Instant at = server.clock().instant();
        server.engine().db().write(tx -> {
            for (int i = 1; i <= rows; i++) {
                ledger.append(tx, "led_fill" + i, accountId, LedgerKind.CREDIT, 1, i, null, "filler row " + i, at);
            }
            new AccountRepository().setBalance(tx, accountId, rows);
            return null;
        });
        assertThat(Money.format(rows)).isEqualTo("0.12");
    }

    private static List<String> notes(TestResponse export) {
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        List<String> notes = new ArrayList<>();
        List<List<String>> rows = Csv.parse(export.text());
        for (List<String> row : rows.subList(1, rows.size())) {
            notes.add(row.get(6));
        }
        return notes;
    }
}
