package com.smsverifyo.ui.session;

import com.smsverifyo.client.Account;
import com.smsverifyo.client.Event;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.ui.EmbeddedEngine;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.UiExecutors;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One connection of the app to an engine (its own or a remote one): the Java client, the live feed
 * and the account's figures every page shows. Pages do their I/O through {@link #call}, which runs
 * it off the FX thread and hands the result back on it.
 */
public final class Session implements AutoCloseable {

    /** Which engine this is. */
    public enum Kind { EMBEDDED, REMOTE }

    private final SmsVerifyoClient client;
    private final Kind kind;
    private final String label;
    private final String baseUrl;
    private final UiExecutors executors;
    private final EmbeddedEngine embedded;
    private final LiveEvents live;
    private final ServiceNames serviceNames = new ServiceNames(this);
    private final ReadOnlyObjectWrapper<Account> account = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ui-account-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pendingRefresh;

    public Session(SmsVerifyoClient client, Kind kind, String label, String baseUrl, UiExecutors executors) {
        this(client, kind, label, baseUrl, executors, null);
    }

    /**
     * @param embedded the engine of this app when the session is on it (the Server page runs it),
     *                 or null for a remote server
     */
    public Session(SmsVerifyoClient client, Kind kind, String label, String baseUrl, UiExecutors executors,
                   EmbeddedEngine embedded) {
        this.client = client;
        this.embedded = embedded;
        this.kind = kind;
        this.label = label;
        this.baseUrl = baseUrl;
        this.executors = executors;
        this.live = new LiveEvents(client, executors);
        live.addListener(new LiveListener() {
            @Override
            public void rentalsChanged(List<Rental> rentals) {
                refreshAccountSoon();
            }

            @Override
            public void event(Event event) {
                refreshAccountSoon();
            }
        });
    }

    public void start() {
        live.start();
        refresher.scheduleWithFixedDelay(this::refreshAccountNow, 0, 30, TimeUnit.SECONDS);
    }

    public SmsVerifyoClient client() {
        return client;
    }

    public Kind kind() {
        return kind;
    }

    /** "This computer" or the server's address, for the status bar. */
    public String label() {
        return label;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** This app's own engine, when the session is on it; empty for a remote server. */
    public Optional<EmbeddedEngine> embedded() {
        return Optional.ofNullable(embedded);
    }

    public UiExecutors executors() {
        return executors;
    }

    public LiveEvents live() {
        return live;
    }

    /** Service names from the catalog, shared by the pages (read on first use). */
    public ServiceNames serviceNames() {
        return serviceNames;
    }

    public ReadOnlyObjectProperty<Account> accountProperty() {
        return account.getReadOnlyProperty();
    }

    /** The last failure of a background refresh, in words (empty when fine). */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** Runs {@code work} in the background; the future completes on the FX thread. */
    public <T> CompletableFuture<T> call(Supplier<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        executors.background().execute(() -> {
            try {
                T value = work.get();
                executors.fx().execute(() -> done.complete(value));
            } catch (RuntimeException e) {
                executors.fx().execute(() -> done.completeExceptionally(e));
            }
        });
        return done;
    }

    /** Re-reads the account within half a second, merging bursts of changes into one request. */
    public synchronized void refreshAccountSoon() {
        if (pendingRefresh != null && !pendingRefresh.isDone()) {
            return;
        }
        pendingRefresh = refresher.schedule(this::refreshAccountNow, 500, TimeUnit.MILLISECONDS);
    }

    private void refreshAccountNow() {
        try {
            Account fresh = client.account().get();
            executors.fx().execute(() -> {
                account.set(fresh);
                lastError.set("");
            });
        } catch (RuntimeException e) {
            String words = ErrorMessages.describe(e);
            executors.fx().execute(() -> lastError.set(words));
        }
    }

    static Duration pollInterval() {
        return LiveEvents.POLL_INTERVAL;
    }

    @Override
    public void close() {
        live.close();
        refresher.shutdownNow();
        client.close();
    }
}
