package com.smsverifyo.ui.billing;

import com.smsverifyo.ui.shell.ModelPage;
import com.smsverifyo.client.Account;
import com.smsverifyo.ui.session.Session;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Billing &amp; Alerts page: the account's balance and spend, the alert threshold (edited in
 * place), the alert history, the ledger with its filters, and CSV exports of it.
 */
public final class BillingViewModel implements ModelPage.Lifecycle {
    private final Session session;
    private final ObjectProperty<Account> account = new SimpleObjectProperty<>();
    private final ThresholdEditor threshold;
    private final LedgerBrowser ledger;
    private final LedgerExport export;
    private final BalanceAlerts alerts;
    private final BooleanBinding belowThreshold;
    private final StringBinding thresholdText;
    private boolean shown;

    public BillingViewModel(Session session, BalanceAlerts alerts) {
        this(session, alerts, ZoneId.systemDefault());
    }

    /**
     * @param zone whose days the ledger's date filters mean (tests pass UTC)
     */
    public BillingViewModel(Session session, BalanceAlerts alerts, ZoneId zone) {
        this.session = session;
        this.alerts = alerts;
        this.threshold = new ThresholdEditor(session, account::set);
        this.ledger = new LedgerBrowser(session, zone);
        this.export = new LedgerExport(session);
        account.set(session.accountProperty().get());
        session.accountProperty().addListener((obs, old, next) -> {
            account.set(next);
            // A balance that moved means new entries; the first page is read again unless the
            // user has paged further down (a reload would throw away where they are).
            if (shown && old != null && next != null && old.balance().compareTo(next.balance()) != 0
                    && ledger.entries().size() <= LedgerBrowser.PAGE_SIZE) {
                ledger.reload();
            }
        });
        this.belowThreshold = Bindings.createBooleanBinding(() -> {
            Account current = account.get();
            return current != null && current.alertThreshold().map(t -> current.balance().compareTo(t) < 0).orElse(false);
        }, account);
        this.thresholdText = Bindings.createStringBinding(() -> {
            Account current = account.get();
            if (current == null) {
                return "…";
            }
            return current.alertThreshold().map(com.smsverifyo.ui.common.Formats::usd).orElse("Off");
        }, account);
    }

    /** The page is shown: reads what may be stale (the account, the ledger); the alert log once. */
    @Override
    public void shown() {
        shown = true;
        refresh();
    }

    /** The page is hidden: the ledger stops following the balance. */
    @Override
    public void hidden() {
        shown = false;
    }

    /** The page is done with: alerts stop listening, an export in flight is cancelled. */
    @Override
    public void close() {
        hidden();
        alerts().stop();
        export().cancel();
    }

    /** Reads the account and the ledger's first page again; the alert log the first time. */
    public void refresh() {
        session.refreshAccountSoon();
        ledger.reload();
        if (alerts.logStateProperty().get() == BalanceAlerts.LogState.NOT_READ) {
            alerts.readLog();
        }
    }

    /** Exports the ledger as the filters show it (every page) into {@code file}. */
    public void exportTo(Path file) {
        export.start(ledger.query(), file);
    }

    /** A file name for an export of the current filters: {@code ledger-2026-11-29.csv}. */
    public String suggestedFileName(LocalDate today) {
        String kind = ledger.kindProperty().get() == null ? "" : "-" + ledger.kindProperty().get().toLowerCase(Locale.ROOT);
        return "ledger" + kind + "-" + today + ".csv";
    }

    public ObjectProperty<Account> accountProperty() {
        return account;
    }

    public ThresholdEditor threshold() {
        return threshold;
    }

    public LedgerBrowser ledger() {
        return ledger;
    }

    public LedgerExport export() {
        return export;
    }

    public BalanceAlerts alerts() {
        return alerts;
    }

    /** Whether the balance is below the alert threshold now. */
    public BooleanBinding belowThreshold() {
        return belowThreshold;
    }

    /** The threshold as shown: {@code $10.00}, or {@code Off}. */
    public StringBinding thresholdText() {
        return thresholdText;
    }

    /** The alert history's note: where the alerts come from, in words. */
    public StringBinding historyNote() {
        return Bindings.createStringBinding(() -> switch (alerts.logStateProperty().get()) {
            case NOT_READ -> "Alerts arrive live while the app runs.";
            case READING -> String.format(Locale.US, "Reading the server's event log… %,d events",
                    alerts.logEventsProperty().get());
            case READ -> "The last 7 days (the server keeps its event log that long), and live since. "
                    + "One alert a day at most, when a charge takes the balance below the threshold.";
            case UNAVAILABLE -> "The server's event log could not be read (" + alerts.logProblemProperty().get()
                    + "). Alerts that arrive while the app runs are listed here.";
        }, alerts.logStateProperty(), alerts.logEventsProperty(), alerts.logProblemProperty());
    }
}
