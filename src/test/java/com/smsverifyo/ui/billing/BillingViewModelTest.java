package com.smsverifyo.ui.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.LedgerEntry;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.TestSessions;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.session.StreamState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Billing page's logic against a real engine, without a screen. */
class BillingViewModelTest {
    @TempDir
    Path dir;
    TestServer server;
    Session session;
    BalanceAlerts alerts;
    List<String> notifications;
    BillingViewModel model;

    @BeforeEach
    void start() {
        server = TestServer.start(dir.resolve("engine"));
        session = TestSessions.open(server, server.ownerKey(), UiExecutors.direct());
        notifications = new ArrayList<>();
        alerts = BalanceAlerts.install(session, (title, text) -> notifications.add(title + ": " + text));
        model = new BillingViewModel(session, alerts, ZoneOffset.UTC);
    }

    @AfterEach
    void stop() {
        alerts.stop();
        session.close();
        server.close();
    }

    @Test
    void theThresholdIsCheckedInPlaceAndSavedOrTurnedOff() {
        ThresholdEditor editor = model.threshold();
        editor.edit(model.accountProperty().get());
        assertThat(editor.editingProperty().get()).isTrue();
        assertThat(editor.textProperty().get()).isEmpty();

        editor.textProperty().set("ten dollars");
        assertThat(editor.error().get()).isEqualTo("Enter an amount in dollars, such as 10.00 (at most 4 decimals).");
        assertThat(editor.canSave().get()).isFalse();
        editor.save();
        assertThat(thresholdOnServer()).isEqualTo("null");
        editor.textProperty().set("-5");
        assertThat(editor.error().get()).isEqualTo("Enter an amount of zero or more.");
        editor.textProperty().set("1.23456");
        assertThat(editor.error().get()).contains("at most 4 decimals");

        editor.textProperty().set("$25.50");
        assertThat(editor.error().get()).isEmpty();
        editor.save();
        assertThat(editor.editingProperty().get()).isFalse();
        assertThat(model.thresholdText().get()).isEqualTo("$25.50");
        assertThat(thresholdOnServer()).isEqualTo("25.5");

        editor.edit(model.accountProperty().get());
        assertThat(editor.textProperty().get()).isEqualTo("25.5");
        editor.textProperty().set("");
        assertThat(editor.canSave().get()).isTrue();
        editor.save();
        assertThat(model.thresholdText().get()).isEqualTo("Off");
        assertThat(thresholdOnServer()).isEqualTo("null");
    }

    @Test
    void aRefusalOfTheServerShowsNextToTheField() {
        String rentalsKey = Customers.key(server, session.accountProperty().get().id(), "bot", "[\"rentals\"]", 60);
        try (Session bot = TestSessions.open(server, rentalsKey, UiExecutors.direct())) {
            ThresholdEditor editor = new BillingViewModel(bot, alerts, ZoneOffset.UTC).threshold();
            editor.edit(bot.accountProperty().get());
            editor.textProperty().set("5");
            editor.save();
            assertThat(editor.editingProperty().get()).isTrue();
            assertThat(editor.error().get()).contains("An admin key is needed for this.");
            editor.textProperty().set("6");
            assertThat(editor.error().get()).as("typing clears the server's refusal").isEmpty();
        }
        assertThat(thresholdOnServer()).isEqualTo("null");
    }

    @Test
    void aChargeBelowTheThresholdIsNotifiedOnceAndListedAndReadBackFromTheLog() {
        awaitLive(session);
        model.threshold().edit(model.accountProperty().get());
        model.threshold().textProperty().set("99.80");
        model.threshold().save();

        Customers.rent(server, server.ownerKey(), "whatsapp", "US");
        Customers.rent(server, server.ownerKey(), "whatsapp", "US");

        TestSessions.await(() -> alerts.alerts().size() == 1, "the alert arrives live");
        BalanceAlert alert = alerts.alerts().get(0);
        assertThat(alert.balance()).isEqualByComparingTo("99.55");
        assertThat(alert.threshold()).isEqualByComparingTo("99.80");
        assertThat(alert.live()).isTrue();
        assertThat(alert.accountName()).isEmpty();
        assertThat(notifications).containsExactly("Balance below your alert threshold: Your balance is $99.55, "
                + "below your threshold of $99.80. Add credit so renting does not stop.");

        // Another window (a later run of the app) reads it back from the server's event log.
        try (Session later = TestSessions.open(server, server.ownerKey(), UiExecutors.direct())) {
            BalanceAlerts history = new BalanceAlerts(later, (title, text) -> notifications.add(title));
            BillingViewModel page = new BillingViewModel(later, history, ZoneOffset.UTC);
            assertThat(page.historyNote().get()).isEqualTo("Alerts arrive live while the app runs.");
            page.shown();
            TestSessions.await(() -> history.logStateProperty().get() == BalanceAlerts.LogState.READ, "the log is read");
            assertThat(history.alerts()).singleElement().satisfies(read -> {
                assertThat(read.eventId()).isEqualTo(alert.eventId());
                assertThat(read.live()).isFalse();
                assertThat(read.balance()).isEqualByComparingTo("99.55");
            });
            assertThat(history.logEventsProperty().get()).as("rental events were read and dropped").isGreaterThan(1);
            assertThat(page.historyNote().get()).startsWith("The last 7 days");
            assertThat(notifications).as("read back, not announced again").hasSize(1);
        }
    }

    @Test
    void aCustomersAlertIsAnnouncedWithItsName() {
        Customers.Customer acme = Customers.open(server, "Acme QA", "retail", "1.00", 60);
        String body = "{\"alert_threshold_usd\": 0.95}";
        assertThat(server.http().patch("/v1/account", acme.adminKey(), body).status()).isEqualTo(200);
        // The owner's live stream sees the customer's events once it knows the customer (a new stream).
        try (Session owner = TestSessions.open(server, server.ownerKey(), UiExecutors.direct())) {
            List<String> heard = new ArrayList<>();
            BalanceAlerts ownerAlerts = BalanceAlerts.install(owner, (title, text) -> heard.add(title + ": " + text));
            awaitLive(owner);
            Customers.rent(server, acme.rentalsKey(), "discord", "PL");
            TestSessions.await(() -> heard.size() == 1, "the customer's alert is announced");
            assertThat(heard.get(0)).isEqualTo("A customer's balance is low: Acme QA has $0.91 left, below its threshold of $0.95.");
            assertThat(ownerAlerts.alerts()).singleElement().satisfies(a -> assertThat(a.accountName()).isEqualTo("Acme QA"));
        }
    }

    @Test
    void theLedgerFiltersByKindAndDayKeepsTheRunningBalanceAndPages() {
        String own = session.accountProperty().get().id();
        String charged = Customers.rent(server, server.ownerKey(), "whatsapp", "US");
        Customers.rent(server, server.ownerKey(), "telegram", "US");
        assertThat(server.http().post("/v1/rentals/" + charged + "/cancel", server.ownerKey(), "{}").status()).isEqualTo(200);
        server.clock().advance(Duration.ofDays(2));
        credit(own, "12.50", "top-up");

        LedgerBrowser ledger = model.ledger();
        model.shown();
        List<LedgerEntry> all = List.copyOf(ledger.entries());
        assertThat(all).extracting(LedgerEntry::kind).containsExactly("credit", "refund", "charge", "charge", "credit");
        assertThat(all.get(0).balanceAfter()).isEqualByComparingTo(
                server.http().get("/v1/account", server.ownerKey()).json().path("balance_usd").decimalValue());
        for (int i = 0; i < all.size() - 1; i++) {
            assertThat(all.get(i).balanceAfter()).as("running balance at row %d", i)
                    .isEqualByComparingTo(all.get(i + 1).balanceAfter().add(all.get(i).amount()));
        }
        assertThat(all.get(0).note()).contains("top-up");
        assertThat(all.get(1).rentalId()).contains(charged);

        ledger.kindProperty().set("charge");
        assertThat(ledger.entries()).extracting(LedgerEntry::kind).containsExactly("charge", "charge");
        ledger.kindProperty().set(null);
        ledger.fromProperty().set(LocalDate.parse("2026-12-01"));
        assertThat(ledger.entries()).extracting(LedgerEntry::kind).containsExactly("credit");
        ledger.fromProperty().set(null);
        ledger.toProperty().set(LocalDate.parse("2026-11-29"));
        assertThat(ledger.entries()).hasSize(4);
        ledger.fromProperty().set(LocalDate.parse("2026-11-30"));
        assertThat(ledger.rangeError().get()).isEqualTo("'From' must be on or before 'To'.");
        assertThat(ledger.entries()).isEmpty();
        ledger.clearFilters();
        assertThat(ledger.entries()).hasSize(5);

        bulkCredits(own, 150);
        ledger.reload();
        assertThat(ledger.entries()).hasSize(LedgerBrowser.PAGE_SIZE);
        assertThat(ledger.hasMoreProperty().get()).isTrue();
        ledger.loadMore();
        assertThat(ledger.entries()).hasSize(155);
        assertThat(ledger.hasMoreProperty().get()).isFalse();
        assertThat(ledger.entries().get(154).id()).isEqualTo(all.get(4).id());
    }

    @Test
    void theCsvExportCountsRowsAndBytesAndLeavesTheFileOnlyWhenComplete() throws Exception {
        String own = session.accountProperty().get().id();
        bulkCredits(own, 400);
        model.ledger().kindProperty().set("credit");
        Path file = dir.resolve("ledger.csv");

        model.exportTo(file);

        LedgerExport export = model.export();
        assertThat(export.stateProperty().get()).isEqualTo(LedgerExport.State.DONE);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("id,account_id,kind,amount_usd,balance_after_usd,rental_id,note,created_at");
        assertThat(lines).hasSize(402).allSatisfy(line -> assertThat(line).doesNotContain(",charge,"));
        assertThat(export.rowsProperty().get()).isEqualTo(401);
        assertThat(export.bytesProperty().get()).isEqualTo(Files.size(file));
        assertThat(export.messageProperty().get()).isEqualTo("Saved 401 rows to ledger.csv.");
        assertThat(export.progressText().get()).isEqualTo("401 rows · " + LedgerExport.size(Files.size(file)));
        assertThat(dir.resolve("ledger.csv.part")).doesNotExist();
    }

    @Test
    void cancellingTheExportStopsItAndSavesNothing() {
        bulkCredits(session.accountProperty().get().id(), 400);
        LedgerExport export = model.export();
        List<Long> seen = new ArrayList<>();
        javafx.beans.value.ChangeListener<Number> cancelAtFirstProgress = (obs, old, bytes) -> {
            seen.add(bytes.longValue());
            export.cancel();
        };
        export.bytesProperty().addListener(cancelAtFirstProgress);
        Path file = dir.resolve("cancelled.csv");

        model.exportTo(file);

        assertThat(export.stateProperty().get()).isEqualTo(LedgerExport.State.CANCELLED);
        assertThat(export.messageProperty().get()).isEqualTo("Export cancelled; no file was saved.");
        assertThat(seen).as("progress was shown before the cancel").isNotEmpty();
        assertThat(export.rowsProperty().get()).isLessThan(401);
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("cancelled.csv.part")).doesNotExist();
        // The connection it used is free again: the next export works.
        export.bytesProperty().removeListener(cancelAtFirstProgress);
        model.exportTo(file);
        assertThat(export.stateProperty().get()).isEqualTo(LedgerExport.State.DONE);
    }

    private static void awaitLive(Session session) {
        TestSessions.await(() -> session.live().stateProperty().get() == StreamState.LIVE, "the event stream is live");
    }

    private String thresholdOnServer() {
        return server.http().get("/v1/account", server.ownerKey()).json().path("alert_threshold_usd").toString();
    }

    private void credit(String account, String amount, String note) {
        assertThat(server.http().post("/v1/accounts/" + account + "/credits", server.ownerKey(),
                "{\"amount_usd\": " + amount + ", \"note\": \"" + note + "\"}").status()).isEqualTo(201);
    }

    /** Many small credits in one transaction (the engine's own ledger service, as a busy day would leave them). */
    private void bulkCredits(String account, int count) {
        server.engine().db().write(tx -> {
            for (int i = 0; i < count; i++) {
                server.engine().ledger().credit(tx, account, 10_000, "bulk " + i);
            }
            return null;
        });
    }
}
