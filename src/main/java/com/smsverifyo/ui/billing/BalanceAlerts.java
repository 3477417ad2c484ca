package com.smsverifyo.ui.billing;

import com.smsverifyo.client.Account;
import com.smsverifyo.client.Event;
import com.smsverifyo.client.EventListener;
import com.smsverifyo.client.SmsVerifyoException;
import com.smsverifyo.client.Subscription;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.session.LiveListener;
import com.smsverifyo.ui.session.Session;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The {@code balance.low} alerts of one session, for the whole window: each one that arrives live
 * raises one desktop notification (whatever page is shown), and all are listed, newest first, for
 * the Billing page's alert history.
 *
 * <p>The server has no list of past alerts, but it keeps its event log for 7 days and replays it to
 * a stream that resumes after an id. {@link #readLog()} opens such a stream from the beginning,
 * keeps the {@code balance.low} events it replays (dropping the rest), and closes it once the
 * replay has gone quiet: the history then covers the last 7 days, and alerts after that arrive
 * through the session's live feed.
 */
public final class BalanceAlerts implements LiveListener {
    /** A replay that has sent nothing for this long has caught up with the log. */
    static final Duration CAUGHT_UP_AFTER = Duration.ofMillis(1500);

    /** How far the read of the server's event log has got. */
    public enum LogState { NOT_READ, READING, READ, UNAVAILABLE }

    private final Session session;
    private final BiConsumer<String, String> announce;
    private final ObservableList<BalanceAlert> alerts = FXCollections.observableArrayList();
    private final Set<String> announced = new HashSet<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final ReadOnlyObjectWrapper<LogState> logState = new ReadOnlyObjectWrapper<>(LogState.NOT_READ);
    private final ReadOnlyLongWrapper logEvents = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper logProblem = new ReadOnlyStringWrapper("");
    private LogRead read;

    /**
     * @param session  the connection
     * @param announce shows a desktop notification (title, text); called on the FX thread
     */
    public BalanceAlerts(Session session, BiConsumer<String, String> announce) {
        this.session = session;
        this.announce = announce;
    }

    /** Alerts for a session's window: listens to its live feed from now on. */
    public static BalanceAlerts install(Session session, BiConsumer<String, String> announce) {
        BalanceAlerts alerts = new BalanceAlerts(session, announce);
        session.live().addListener(alerts);
        return alerts;
    }

    /** A live event: a {@code balance.low} is listed and announced once. */
    @Override
    public void event(Event event) {
        BalanceAlert.of(event, true).ifPresent(alert -> {
            boolean first = announced.add(alert.eventId());
            withName(alert, named -> {
                add(named);
                if (first) {
                    announce(named);
                }
            });
        });
    }

    /** Reads the alerts of the last 7 days from the server's event log (again, if read before). */
    public void readLog() {
        if (read != null) {
            read.stop();
        }
        logEvents.set(0);
        logProblem.set("");
        logState.set(LogState.READING);
        read = new LogRead();
        read.start();
    }

    /** Stops a read of the event log that is still going (the page closes). */
    public void stop() {
        if (read != null) {
            read.stop();
        }
    }

    /** Hands {@code then} the alert with its customer's name, read in the background if not known yet. */
    private void withName(BalanceAlert alert, Consumer<BalanceAlert> then) {
        if (isOwn(alert)) {
            then.accept(alert);
            return;
        }
        String known = names.get(alert.accountId());
        if (known != null) {
            then.accept(alert.named(known));
            return;
        }
        session.call(() -> name(alert.accountId())).whenComplete((name, failure) ->
                then.accept(alert.named(name == null ? alert.accountId() : name)));
    }

    private void add(BalanceAlert alert) {
        if (alerts.stream().anyMatch(a -> a.eventId().equals(alert.eventId()))) {
            return;
        }
        Comparator<BalanceAlert> newestFirst = Comparator.comparingLong(BalanceAlert::sequence).reversed();
        int at = 0;
        while (at < alerts.size() && newestFirst.compare(alerts.get(at), alert) < 0) {
            at++;
        }
        alerts.add(at, alert);
    }

    private void announce(BalanceAlert alert) {
        if (alert.accountName().isEmpty()) {
            announce.accept("Balance below your alert threshold", "Your balance is " + Formats.usd(alert.balance())
                    + ", below your threshold of " + Formats.usd(alert.threshold())
                    + ". Add credit so renting does not stop.");
        } else {
            announce.accept("A customer's balance is low", alert.accountName() + " has " + Formats.usd(alert.balance())
                    + " left, below its threshold of " + Formats.usd(alert.threshold()) + ".");
        }
    }

    /** Whether the alert is about the key's own account (rather than one of its customers). */
    public boolean isOwn(BalanceAlert alert) {
        Account own = session.accountProperty().get();
        return own == null || own.id().equals(alert.accountId());
    }

    /** A customer's name (read once, then remembered); blocking, call off the FX thread. */
    String name(String accountId) {
        return names.computeIfAbsent(accountId, id -> session.client().accounts().get(id).name());
    }

    /** Every alert heard or read, newest first. */
    public ObservableList<BalanceAlert> alerts() {
        return alerts;
    }

    public ReadOnlyObjectProperty<LogState> logStateProperty() {
        return logState.getReadOnlyProperty();
    }

    /** Events of the log read so far (all kinds). */
    public ReadOnlyLongProperty logEventsProperty() {
        return logEvents.getReadOnlyProperty();
    }

    /** Why the log could not be read, in words (empty otherwise). */
    public ReadOnlyStringProperty logProblemProperty() {
        return logProblem.getReadOnlyProperty();
    }

    /** One replay of the event log: a stream from the first event, closed once it goes quiet. */
    private final class LogRead implements EventListener {
        private final AtomicLong lastHeard = new AtomicLong(System.nanoTime());
        private final AtomicLong count = new AtomicLong();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ui-alert-log");
            thread.setDaemon(true);
            return thread;
        });
        private volatile boolean open;
        private volatile boolean finished;
        private volatile Subscription subscription;

        void start() {
            try {
                subscription = session.client().events("0", this);
            } catch (RuntimeException e) {
                finish(LogState.UNAVAILABLE, ErrorMessages.describe(e));
                return;
            }
            long every = CAUGHT_UP_AFTER.toMillis() / 5;
            timer.scheduleWithFixedDelay(this::checkQuiet, every, every, TimeUnit.MILLISECONDS);
        }

        @Override
        public void onOpen() {
            lastHeard.set(System.nanoTime());
            open = true;
        }

        @Override
        public void onEvent(Event event) {
            lastHeard.set(System.nanoTime());
            long seen = count.incrementAndGet();
            Optional<BalanceAlert> alert = BalanceAlert.of(event, false);
            // Alerts are handed over one by one; the count only every 500 events, so a long replay costs the UI little.
            if (alert.isPresent() || seen % 500 == 0) {
                session.executors().fx().execute(() -> {
                    if (!finished) {
                        alert.ifPresent(found -> withName(found, BalanceAlerts.this::add));
                        logEvents.set(count.get());
                    }
                });
            }
        }

        @Override
        public void onFailure(SmsVerifyoException error, Optional<Duration> reconnectIn) {
            if (reconnectIn.isEmpty() && !finished) {
                finish(LogState.UNAVAILABLE, ErrorMessages.describe(error));
            }
        }

        private void checkQuiet() {
            if (open && System.nanoTime() - lastHeard.get() > CAUGHT_UP_AFTER.toNanos()) {
                finish(LogState.READ, "");
            }
        }

        private void finish(LogState state, String problem) {
            if (finished) {
                return;
            }
            stop();
            session.executors().fx().execute(() -> {
                if (read == this) {
                    logEvents.set(count.get());
                    logProblem.set(problem);
                    logState.set(state);
                }
            });
        }

        void stop() {
            finished = true;
            Subscription current = subscription;
            if (current != null) {
                current.close();
            }
            timer.shutdownNow();
        }
    }
}
