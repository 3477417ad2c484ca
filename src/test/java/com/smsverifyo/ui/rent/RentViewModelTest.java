package com.smsverifyo.ui.rent;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.TestSessions;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.rent.RentViewModel.CarrierChoice;
import com.smsverifyo.ui.session.Session;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Rent page's logic against a real engine, without a screen. */
class RentViewModelTest {
    @TempDir
    Path dir;
    TestServer server;
    Session session;
    RentViewModel model;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
        session = TestSessions.open(server, server.ownerKey(), UiExecutors.direct());
        model = new RentViewModel(session);
        model.load();
    }

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    @Test
    void showsTheExactPriceAndTheBalanceAfterBeforeRenting() {
        assertThat(model.serviceProperty().get().service()).isEqualTo("whatsapp");
        assertThat(model.countryProperty().get().country()).isEqualTo("US");
        assertThat(model.unitPrice().get()).isEqualByComparingTo("0.45");
        model.quantityProperty().set(3);
        assertThat(model.total().get()).isEqualByComparingTo("1.35");
        assertThat(model.balanceAfter().get()).isEqualByComparingTo("98.65");
        model.carrierProperty().set(CarrierChoice.MOBILE);
        assertThat(model.unitPrice().get()).isEqualByComparingTo("0.70");
        assertThat(model.canRent().get()).isTrue();
    }

    @Test
    void explainsWhyItCannotRentInWords() {
        model.maxPriceProperty().set("abc");
        assertThat(model.maxPriceError().get()).contains("such as 0.80");
        assertThat(model.canRent().get()).isFalse();
        model.maxPriceProperty().set("0.10");
        assertThat(model.blocker().get()).contains("above your max price $0.10");
        model.maxPriceProperty().set("");
        model.quantityProperty().set(50);
        model.serviceProperty().set(model.services().get(0));
        assertThat(model.blocker().get()).as(model.blocker().get()).isEmpty();
        String accountId = session.accountProperty().get().id();
        server.http().post("/v1/accounts/" + accountId + "/credits", server.ownerKey(), "{\"amount_usd\": -99}");
        session.refreshAccountSoon();
        TestSessions.await(() -> session.accountProperty().get().balance().compareTo(BigDecimal.ONE) == 0, "the balance drops");
        model.quantityProperty().set(5);
        assertThat(model.blocker().get()).contains("does not cover $2.25");
        assertThat(model.balanceAfter().get()).isEqualByComparingTo("-1.25");
    }

    @Test
    void bulkRentingShowsProgressAndReportsEachFailureByReason() {
        // The test pool has 40 numbers per country; US WhatsApp mobile has 14 of them.
        model.carrierProperty().set(CarrierChoice.MOBILE);
        model.quantityProperty().set(16);
        model.rent();

        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.doneProperty().get()).isEqualTo(16);
        assertThat(model.outcomes().stream().filter(RentOutcome::ok)).hasSize(14);
        assertThat(model.outcomes().stream().filter(o -> !o.ok()))
                .hasSize(2).allSatisfy(o -> assertThat(o.problemCode()).contains("no_numbers_available"));
        assertThat(model.resultSummaryProperty().get()).startsWith("14 of 16 rented.").contains("2 × No mobile number is free");
        TestSessions.await(() -> session.accountProperty().get().balance().compareTo(new BigDecimal("90.20")) == 0,
                "the balance shows the 14 charges");
    }

    @Test
    void aBulkRunCanBeStopped() {
        var background = Executors.newSingleThreadExecutor();
        try {
            Session threaded = TestSessions.open(server, server.ownerKey(), new UiExecutors(background, Runnable::run));
            RentViewModel bulk = new RentViewModel(threaded);
            bulk.load();
            TestSessions.await(() -> bulk.serviceProperty().get() != null, "the catalog loads");
            bulk.quantityProperty().set(30);
            bulk.rent();
            TestSessions.await(() -> bulk.doneProperty().get() >= 3, "a few are rented");
            bulk.cancelRun();
            TestSessions.await(() -> !bulk.runningProperty().get(), "the run stops");

            assertThat(bulk.doneProperty().get()).isLessThan(30);
            assertThat(bulk.resultSummaryProperty().get()).contains("(stopped)");
            long rented = server.http().get("/v1/rentals?limit=200", server.ownerKey()).json().path("data").size();
            assertThat(rented).isEqualTo(bulk.outcomes().stream().filter(RentOutcome::ok).count());
            threaded.close();
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void aRefusalStopsTheRunAtOnce() {
        String accountId = session.accountProperty().get().id();
        server.http().post("/v1/accounts/" + accountId + "/credits", server.ownerKey(), "{\"amount_usd\": -99.5}");
        model.quantityProperty().set(5);
        // The view-model still believes the old balance: the server refuses and the run stops.
        model.rent();

        assertThat(model.outcomes()).hasSize(2);
        assertThat(model.outcomes().get(1).problemCode()).contains("insufficient_balance");
        assertThat(model.outcomes().get(1).problem().orElseThrow()).contains("Add credit on the Billing page");
    }
}
