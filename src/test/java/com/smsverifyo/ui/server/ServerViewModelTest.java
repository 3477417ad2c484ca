package com.smsverifyo.ui.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.InboundMessage;
import com.smsverifyo.client.NewRental;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.store.Database;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.TestEngine;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Server page's view-models against a real engine, synchronously ({@link UiExecutors#direct()}). */
class ServerViewModelTest {
    @TempDir
    Path dir;
    TestServer server;
    TestEngine engine;
    Session session;

    @BeforeEach
    void start() {
        server = TestServer.start(dir.resolve("engine"));
        engine = new TestEngine(server);
        SmsVerifyoClient client = SmsVerifyoClient.builder().baseUrl(server.baseUrl()).apiKey(server.ownerKey()).build();
        session = new Session(client, Session.Kind.EMBEDDED, "test", server.baseUrl(), UiExecutors.direct(), engine);
    }

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    @Test
    void sourcesAndThePoolByCountryAndCarrierAreShown() {
        ServerViewModel model = new ServerViewModel(session);
        model.refresh();

        assertThat(model.embedded()).isTrue();
        assertThat(model.sources().sources()).extracting(s -> s.type()).contains("simulator");
        assertThat(model.sources().errorProperty().get()).isEmpty();
        long total = session.client().numbers().list().stream().count();
        assertThat(model.sources().pool().stream().mapToInt(PoolGroup::total).sum()).isEqualTo((int) total);
        assertThat(model.sources().pool()).anySatisfy(group -> {
            assertThat(group.country()).isEqualTo("US");
            assertThat(group.rentable()).isPositive().isLessThanOrEqualTo(group.total());
        });
        assertThat(model.sources().numbers()).hasSize((int) total).isSorted();
        assertThat(model.sources().poolSummaryProperty().get()).contains("numbers in").contains("rentable now");
        EngineControl control = model.engine().orElseThrow();
        assertThat(control.statusProperty().get()).isEqualTo("Running");
        assertThat(control.addressProperty().get()).isEqualTo(server.baseUrl());
    }

    @Test
    void whileShownThePoolAndSourcesFollowTheLiveFeedAndNotOnceHidden() {
        session.start();
        String source = session.client().sources().list().stream().findFirst().orElseThrow().id();
        ServerViewModel model = new ServerViewModel(session);

        // Shown once, then hidden: a code on the live feed makes no read.
        model.shown();
        model.hidden();
        // Listeners hear in the order they were added: once this one has the code, the page's would
        // have read already (synchronously here), had it still been listening.
        java.util.Set<String> delivered = java.util.concurrent.ConcurrentHashMap.newKeySet();
        session.live().addListener(new com.smsverifyo.ui.session.LiveListener() {
            @Override
            public void codeArrived(com.smsverifyo.client.CodeReceived code) {
                delivered.add(code.rentalId());
            }
        });
        session.client().numbers().register(com.smsverifyo.client.NewPoolNumber.of("+14155550178", "US", source));
        Rental first = session.client().rentals().create(NewRental.of("telegram", "US"));
        server.sms(first.phoneNumber(), "Telegram", "Telegram code 77120");
        com.smsverifyo.testing.Await.until("the code went out on the live feed", () -> delivered.contains(first.id()));
        assertThat(model.sources().numbers()).as("hidden: no reads").doesNotContain("+14155550178");

        // Shown: a number registered without any event appears once a code comes in on the feed.
        model.shown();
        int before = model.sources().numbers().size();
        Rental rental = session.client().rentals().create(NewRental.of("whatsapp", "US"));
        session.client().numbers().register(com.smsverifyo.client.NewPoolNumber.of("+14155550177", "US", source));
        server.sms(rental.phoneNumber(), "WhatsApp", "Your WhatsApp code: 481-516");
        com.smsverifyo.testing.Await.until("the pool read again after the code",
                () -> model.sources().numbers().contains("+14155550177"));
        assertThat(model.sources().numbers()).hasSize(before + 1);
        model.hidden();
    }

    @Test
    void aTestSmsFindsItsRentalAndBadInputIsRefusedInPlace() {
        ServerViewModel model = new ServerViewModel(session);
        TestSmsForm form = model.testSms();

        form.toProperty().set("0044 12");
        form.textProperty().set("  ");
        form.send();
        assertThat(form.toError().get()).contains("international form");
        assertThat(form.textError().get()).contains("Type the text");
        assertThat(form.resultProperty().get()).isNull();
        form.textProperty().set("x".repeat(TestSmsForm.MAX_TEXT + 1));
        assertThat(form.textError().get()).contains("At most 2,000");

        Rental rental = session.client().rentals().create(NewRental.of("whatsapp", "US"));
        form.toProperty().set(rental.phoneNumber());
        form.textProperty().set("Your WhatsApp code: 482-913");
        assertThat(form.toError().get()).isEmpty();
        assertThat(form.textError().get()).isEmpty();
        form.send();

        assertThat(form.resultProperty().get().status()).isEqualTo(InboundMessage.Status.MATCHED);
        assertThat(form.outcomeProperty().get()).contains(rental.id()).contains("482913");
        assertThat(session.client().rentals().get(rental.id()).code()).contains("482913");

        form.toProperty().set("+15005550006");
        form.send();
        assertThat(form.resultProperty().get().status()).isEqualTo(InboundMessage.Status.UNMATCHED);
        assertThat(form.outcomeProperty().get()).contains("no rental is open");
    }

    @Test
    void theBackupCopyOpensAndHoldsTheSameRentals() {
        for (int i = 0; i < 3; i++) {
            session.client().rentals().create(NewRental.of("telegram", "GB"));
        }
        BackupRunner backup = new ServerViewModel(session).backup().orElseThrow();
        backup.backup();

        var report = backup.reportProperty().get();
        assertThat(report.matchesLive()).isTrue();
        assertThat(report.rentals()).isEqualTo(3);
        assertThat(backup.progressProperty().get()).isEqualTo(1.0);
        assertThat(backup.summaryProperty().get()).contains("3 rentals");
        assertThat(backup.checkProperty().get()).startsWith("Copy checked");
        assertThat(report.file()).startsWith(Path.of(backup.folder()));
        Database.Summary copy = Database.summarize(report.file());
        assertThat(copy.rentals()).isEqualTo(3);

        backup.backup();
        assertThat(backup.reportProperty().get().file()).isNotEqualTo(report.file());
    }

    @Test
    void theLogTailShowsTheLastLinesThenFollowsAndKeepsAtMostFiveHundred() throws Exception {
        Path file = dir.resolve("tail.log");
        LogTail tail = new LogTail(file, Runnable::run);
        tail.poll();
        assertThat(tail.stateProperty().get()).startsWith("No log yet");

        Files.writeString(file, IntStream.range(0, 700).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n")));
        tail.poll();
        assertThat(tail.lines()).hasSize(LogTail.MAX_LINES).endsWith("line 699").startsWith("line 200");

        Files.writeString(file, "half", StandardOpenOption.APPEND);
        tail.poll();
        assertThat(tail.lines()).endsWith("line 699");
        Files.writeString(file, " and whole\nnext\n", StandardOpenOption.APPEND);
        tail.poll();
        assertThat(tail.lines()).hasSize(LogTail.MAX_LINES).endsWith("half and whole", "next");

        Files.writeString(file, "after rotation\n");
        tail.poll();
        assertThat(tail.lines()).endsWith("after rotation");
        assertThat(tail.stateProperty().get()).startsWith("Following");
    }

    @Test
    void aRemoteServerShowsOnlyWhatTheApiOffers() {
        SmsVerifyoClient client = SmsVerifyoClient.builder().baseUrl(server.baseUrl()).apiKey(server.ownerKey()).build();
        try (Session remote = new Session(client, Session.Kind.REMOTE, server.baseUrl(), server.baseUrl(),
                UiExecutors.direct())) {
            ServerViewModel model = new ServerViewModel(remote);
            model.refresh();
            assertThat(model.embedded()).isFalse();
            assertThat(model.engine()).isEmpty();
            assertThat(model.backup()).isEmpty();
            assertThat(model.log()).isEmpty();
            assertThat(model.sources().sources()).isNotEmpty();
            assertThat(model.sources().pool()).isNotEmpty();
        }
    }

    @Test
    void theLanSwitchShowsTheAddressesToGiveCustomers() {
        EngineControl control = new ServerViewModel(session).engine().orElseThrow();
        control.refresh();
        assertThat(control.lanAccessProperty().get()).isFalse();
        assertThat(control.lanUrls()).isEmpty();

        control.setLanAccess(true);
        assertThat(control.lanAccessProperty().get()).isTrue();
        assertThat(control.lanUrls()).containsExactly("http://192.0.2.10:" + server.runtime().port());
        assertThat(control.busyProperty().get()).isFalse();
        assertThat(control.statusProperty().get()).isEqualTo("Running");
    }
}
