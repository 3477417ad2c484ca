package com.smsverifyo.ui.dashboard;

import com.smsverifyo.ui.shell.ModelPage;
import com.smsverifyo.client.CodeReceived;
import com.smsverifyo.client.Event;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.client.Stats;
import com.smsverifyo.client.StatsWindow;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.session.LiveEvents;
import com.smsverifyo.ui.session.LiveListener;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard's state: the account's figures from {@code GET /v1/stats}, turned into the words,
 * rows and points the view shows. It reloads when the page is shown, when the window (24 h / 7 days)
 * changes, on every live event (at most once a second) and every 30 seconds while shown, so the
 * "last hour" figures roll on without events. All I/O runs on the background executor.
 */
public final class DashboardViewModel implements ModelPage.Lifecycle, AutoCloseable {
    static final Duration MIN_GAP = Duration.ofSeconds(1);
    static final Duration TICK = Duration.ofSeconds(30);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d", Locale.US);
    private static final DateTimeFormatter DAY_LONG = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.US);

    /**
     * One service's success, ready to show.
     *
     * @param service  the service's code
     * @param name     the service's name
     * @param detail   {@code 6 of 7 with a code}
     * @param rate     0 to 1
     * @param rateText {@code 86%}
     */
    public record ServiceRow(String service, String name, String detail, double rate, String rateText) {
    }

    /**
     * One bucket of the charts.
     *
     * @param label   the axis label ({@code 14:00}, {@code Sun 29})
     * @param period  the bucket in words, for tooltips
     * @param spend   US dollars spent (net of refunds)
     * @param codes   first codes that arrived
     * @param balance the balance at the bucket's end
     */
    public record Point(String label, String period, BigDecimal spend, int codes, BigDecimal balance) {
    }

    private final SmsVerifyoClient client;
    private final LiveEvents live;
    private final UiExecutors executors;
    private final Runnable openRent;
    private final ZoneId zone;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ui-dashboard-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final RefreshThrottle throttle;
    private final AtomicLong generation = new AtomicLong();
    private final LiveListener listener = new LiveListener() {
        @Override
        public void rentalsChanged(List<Rental> rentals) {
            changed();
        }

        @Override
        public void codeArrived(CodeReceived code) {
            changed();
        }

        @Override
        public void event(Event event) {
            changed();
        }
    };
    private volatile boolean visible;

    private final ObjectProperty<StatsWindow> window = new SimpleObjectProperty<>(StatsWindow.LAST_24_HOURS);
    private final ReadOnlyObjectWrapper<Stats> stats = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper balance = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper balanceNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper belowThreshold = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper spentToday = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper activeRentals = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper codesLastHour = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper spendTotal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper codesTotal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper windowWords = new ReadOnlyStringWrapper(words(StatsWindow.LAST_24_HOURS));
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<BigDecimal> threshold = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ServiceRow> success = FXCollections.observableArrayList();
    private final ObservableList<ServiceRow> successView = FXCollections.unmodifiableObservableList(success);
    private final ObservableList<Point> series = FXCollections.observableArrayList();
    private final ObservableList<Point> seriesView = FXCollections.unmodifiableObservableList(series);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /**
     * @param client    the connection's client
     * @param live      the connection's live feed (the model listens while it lives)
     * @param executors where I/O and property updates run
     * @param openRent  shows the Rent page (the empty state's call to action)
     */
    public DashboardViewModel(SmsVerifyoClient client, LiveEvents live, UiExecutors executors, Runnable openRent) {
        this(client, live, executors, openRent, ZoneId.systemDefault());
    }

    DashboardViewModel(SmsVerifyoClient client, LiveEvents live, UiExecutors executors, Runnable openRent, ZoneId zone) {
        this.client = client;
        this.live = live;
        this.executors = executors;
        this.openRent = openRent;
        this.zone = zone;
        this.throttle = new RefreshThrottle(timer, MIN_GAP, this::refresh);
        live.addListener(listener);
        window.addListener((obs, old, next) -> {
            windowWords.set(words(next));
            refresh();
        });
        timer.scheduleWithFixedDelay(() -> {
            if (visible) {
                throttle.request();
            }
        }, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The page is shown: reload now. */
    @Override
    public void shown() {
        visible = true;
        refresh();
    }

    /** The page is hidden: live events no longer reload until it is shown again. */
    @Override
    public void hidden() {
        visible = false;
    }

    /** Reloads the figures now (in the background); a newer reload's answer always wins. */
    public void refresh() {
        long mine = generation.incrementAndGet();
        StatsWindow span = window.get();
        executors.fx().execute(() -> busy.set(true));
        executors.background().execute(() -> {
            try {
                Stats fresh = client.stats().get(span);
                executors.fx().execute(() -> {
                    if (generation.get() == mine) {
                        apply(fresh);
                    }
                });
            } catch (RuntimeException e) {
                String words = ErrorMessages.describe(e);
                executors.fx().execute(() -> {
                    if (generation.get() == mine) {
                        error.set("The figures could not be loaded: " + words);
                        busy.set(false);
                    }
                });
            }
        });
    }

    /** The empty state's call to action. */
    public void rentANumber() {
        openRent.run();
    }

    /** A live change: reload if the page is shown (hidden, it reloads when shown again). */
    private void changed() {
        if (visible) {
            throttle.request();
        }
    }

    private void apply(Stats fresh) {
        stats.set(fresh);
        balance.set(Formats.usd(fresh.balance()));
        belowThreshold.set(fresh.belowThreshold());
        threshold.set(fresh.alertThreshold().orElse(null));
        balanceNote.set(fresh.alertThreshold()
                .map(t -> (fresh.belowThreshold() ? "Below the alert threshold of " : "Alert threshold ") + Formats.usd(t))
                .orElse("No alert threshold set"));
        spentToday.set(Formats.usd(fresh.spentToday()));
        activeRentals.set(Integer.toString(fresh.activeRentals()));
        codesLastHour.set(Integer.toString(fresh.codesLastHour()));
        spendTotal.set(Formats.usd(fresh.series().stream().map(Stats.Bucket::spend).reduce(BigDecimal.ZERO, BigDecimal::add))
                + " in total");
        int codes = fresh.series().stream().mapToInt(Stats.Bucket::codes).sum();
        codesTotal.set(codes + (codes == 1 ? " code" : " codes") + " in total");
        success.setAll(fresh.successByService().stream().map(DashboardViewModel::row).toList());
        series.setAll(fresh.series().stream().map(bucket -> point(fresh.window(), bucket)).toList());
        empty.set(fresh.activeRentals() == 0 && fresh.successByService().isEmpty()
                && fresh.series().stream().allMatch(b -> b.codes() == 0 && b.spend().signum() == 0));
        updated.set("Updated " + Formats.time(fresh.generatedAt()));
        error.set("");
        loaded.set(true);
        busy.set(false);
    }

    private static ServiceRow row(Stats.ServiceSuccess service) {
        double rate = service.ended() == 0 ? 0 : (double) service.received() / service.ended();
        return new ServiceRow(service.service(), service.name(),
                service.received() + " of " + service.ended() + " with a code", rate,
                Formats.percent(service.received(), service.ended()));
    }

    private Point point(StatsWindow span, Stats.Bucket bucket) {
        if (span == StatsWindow.LAST_24_HOURS) {
            var start = bucket.start().atZone(zone);
            return new Point(HOUR.format(start), HOUR.format(start) + "–" + HOUR.format(start.plusHours(1)),
                    bucket.spend(), bucket.codes(), bucket.balance());
        }
        // Daily buckets are UTC days: name them by their UTC date, whatever the local zone.
        var day = bucket.start().atZone(ZoneOffset.UTC);
        return new Point(DAY.format(day), DAY_LONG.format(day) + " (UTC)", bucket.spend(), bucket.codes(),
                bucket.balance());
    }

    private static String words(StatsWindow span) {
        return span == StatsWindow.LAST_24_HOURS ? "the last 24 hours" : "the last 7 days";
    }

    public ObjectProperty<StatsWindow> windowProperty() {
        return window;
    }

    /** The last figures, or null before the first load. */
    public ReadOnlyObjectProperty<Stats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty balanceProperty() {
        return balance.getReadOnlyProperty();
    }

    /** The threshold in words, or that none is set. */
    public ReadOnlyStringProperty balanceNoteProperty() {
        return balanceNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty belowThresholdProperty() {
        return belowThreshold.getReadOnlyProperty();
    }

    /** The alert threshold, or null when none is set. */
    public ReadOnlyObjectProperty<BigDecimal> thresholdProperty() {
        return threshold.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty spentTodayProperty() {
        return spentToday.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activeRentalsProperty() {
        return activeRentals.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty codesLastHourProperty() {
        return codesLastHour.getReadOnlyProperty();
    }

    /** The spend of the whole window: {@code $4.80 in total}. */
    public ReadOnlyStringProperty spendTotalProperty() {
        return spendTotal.getReadOnlyProperty();
    }

    /** The first codes of the whole window: {@code 34 codes in total}. */
    public ReadOnlyStringProperty codesTotalProperty() {
        return codesTotal.getReadOnlyProperty();
    }

    /** {@code the last 24 hours} or {@code the last 7 days}. */
    public ReadOnlyStringProperty windowWordsProperty() {
        return windowWords.getReadOnlyProperty();
    }

    /** {@code Updated 14:03:12}. */
    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    /** Why the last reload failed, in words; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether figures have arrived at least once. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Nothing rented, open or settled in the window: the page invites to rent. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** Whether a reload is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<ServiceRow> success() {
        return successView;
    }

    public ObservableList<Point> series() {
        return seriesView;
    }

    /** Stops listening and the timers; the page is gone. */
    @Override
    public void close() {
        visible = false;
        live.removeListener(listener);
        timer.shutdownNow();
    }
}
