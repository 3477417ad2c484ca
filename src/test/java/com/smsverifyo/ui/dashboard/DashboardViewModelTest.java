package com.smsverifyo.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.NewRental;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RetryPolicy;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.client.StatsWindow;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.dashboard.DashboardViewModel.Point;
import com.smsverifyo.ui.dashboard.DashboardViewModel.ServiceRow;
import com.smsverifyo.ui.session.LiveEvents;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's view-model run synchronously ({@link UiExecutors#direct()}) against a real
 * engine through a real client: figures of known rentals, the threshold warning, the empty state.
 */
class DashboardViewModelTest {
    @TempDir
    Path dir;

    private TestServer server;
    private SmsVerifyoClient client;
    private LiveEvents live;
    private DashboardViewModel model;
    private final AtomicInteger rentPageOpened = new AtomicInteger();

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
        // No retries: the failure test wants the connection error at once.
        client = SmsVerifyoClient.builder().baseUrl(server.baseUrl()).apiKey(server.ownerKey())
                .retryPolicy(RetryPolicy.none()).build();
        live = new LiveEvents(client, UiExecutors.direct());
        model = new DashboardViewModel(client, live, UiExecutors.direct(), rentPageOpened::incrementAndGet, ZoneOffset.UTC);
    }

    @AfterEach
    void stop() {
        model.close();
        live.close();
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void showsTheFiguresOfKnownRentals() {
        Rental whatsapp = client.rentals().create(NewRental.of("whatsapp", "US"));
        Rental telegram = client.rentals().create(NewRental.of("telegram", "US"));
        Rental google = client.rentals().create(NewRental.of("google", "US"));
        server.sms(whatsapp.phoneNumber(), "WhatsApp", "Your WhatsApp code: 482-913");
        client.rentals().cancel(telegram.id());

        model.shown();

        BigDecimal spent = whatsapp.price().add(google.price());
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.balanceProperty().get()).isEqualTo(Formats.usd(new BigDecimal("100").subtract(spent)));
        assertThat(model.balanceNoteProperty().get()).isEqualTo("No alert threshold set");
        assertThat(model.spentTodayProperty().get()).isEqualTo(Formats.usd(spent));
        assertThat(model.activeRentalsProperty().get()).isEqualTo("2");
        assertThat(model.codesLastHourProperty().get()).isEqualTo("1");
        assertThat(model.success()).extracting(ServiceRow::name, ServiceRow::detail, ServiceRow::rateText).containsExactly(
                org.assertj.core.groups.Tuple.tuple("WhatsApp", "1 of 1 with a code", "100%"),
                org.assertj.core.groups.Tuple.tuple("Telegram", "0 of 1 with a code", "0%"));
        assertThat(model.success().get(0).rate()).isEqualTo(1.0);
        assertThat(model.emptyProperty().get()).isFalse();
        assertThat(model.codesTotalProperty().get()).isEqualTo("1 code in total");
        assertThat(model.spendTotalProperty().get()).isEqualTo(Formats.usd(spent) + " in total");

        List<Point> day = model.series();
        assertThat(day).hasSize(24);
        assertThat(day.get(0).label()).isEqualTo("11:00");
        Point now = day.get(23);
        assertThat(now.label()).isEqualTo("10:00");
        assertThat(now.period()).isEqualTo("10:00–11:00");
        assertThat(now.spend()).isEqualByComparingTo(spent);
        assertThat(now.codes()).isEqualTo(1);
        assertThat(now.balance()).isEqualByComparingTo(new BigDecimal("100").subtract(spent));
        assertThat(day.subList(0, 23)).allMatch(p -> p.spend().signum() == 0 && p.codes() == 0);

        model.windowProperty().set(StatsWindow.LAST_7_DAYS);

        assertThat(model.windowWordsProperty().get()).isEqualTo("the last 7 days");
        assertThat(model.series()).extracting(Point::label)
                .containsExactly("Mon 23", "Tue 24", "Wed 25", "Thu 26", "Fri 27", "Sat 28", "Sun 29");
        assertThat(model.series().get(6).period()).isEqualTo("Sunday 29 November (UTC)");
        assertThat(model.series().get(6).spend()).isEqualByComparingTo(spent);
    }

    @Test
    void warnsWhenTheBalanceIsBelowTheAlertThreshold() {
        client.rentals().create(NewRental.of("whatsapp", "US"));
        client.account().setAlertThreshold(new BigDecimal("150"));
        model.shown();

        assertThat(model.belowThresholdProperty().get()).isTrue();
        assertThat(model.balanceNoteProperty().get()).isEqualTo("Below the alert threshold of $150.00");
        assertThat(model.thresholdProperty().get()).isEqualByComparingTo("150");

        client.account().setAlertThreshold(new BigDecimal("25"));
        model.refresh();
        assertThat(model.belowThresholdProperty().get()).isFalse();
        assertThat(model.balanceNoteProperty().get()).isEqualTo("Alert threshold $25.00");

        client.account().setAlertThreshold(null);
        model.refresh();
        assertThat(model.belowThresholdProperty().get()).isFalse();
        assertThat(model.thresholdProperty().get()).isNull();
        assertThat(model.balanceNoteProperty().get()).isEqualTo("No alert threshold set");
    }

    @Test
    void aFreshAccountShowsTheEmptyStateThatLeadsToTheRentPage() {
        model.shown();

        assertThat(model.emptyProperty().get()).isTrue();
        assertThat(model.balanceProperty().get()).isEqualTo("$100.00");
        assertThat(model.spentTodayProperty().get()).isEqualTo("$0.00");
        assertThat(model.activeRentalsProperty().get()).isEqualTo("0");
        assertThat(model.success()).isEmpty();
        assertThat(model.series()).hasSize(24).allMatch(p -> p.spend().signum() == 0 && p.codes() == 0);

        model.rentANumber();
        assertThat(rentPageOpened).hasValue(1);

        client.rentals().create(NewRental.of("whatsapp", "US"));
        model.refresh();
        assertThat(model.emptyProperty().get()).isFalse();
    }

    @Test
    void aLiveChangeReloadsTheFiguresWhileShown() throws InterruptedException {
        model.shown();
        assertThat(model.activeRentalsProperty().get()).isEqualTo("0");

        Rental rental = client.rentals().create(NewRental.of("whatsapp", "US"));
        live.publish(rental);

        // Busy clears last, once the whole answer is applied.
        waitUntil(() -> "1".equals(model.activeRentalsProperty().get()) && !model.busyProperty().get());
        assertThat(model.emptyProperty().get()).isFalse();
    }

    @Test
    void aFailedReloadIsToldInWordsAndKeepsTheLastFigures() {
        model.shown();
        server.close();
        server = null;

        model.refresh();

        assertThat(model.errorProperty().get()).startsWith("The figures could not be loaded: ")
                .contains("cannot be reached");
        assertThat(model.balanceProperty().get()).isEqualTo("$100.00");
        assertThat(model.busyProperty().get()).isFalse();
    }

    /** Polls with a generous deadline (the live reload runs on the model's own timer thread). */
    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
