package com.smsverifyo.ui.server;

import com.smsverifyo.client.PoolNumber;
import com.smsverifyo.client.SmsSource;
import com.smsverifyo.ui.common.Coalescer;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.session.Session;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The server's message sources with their health, and its number pool by country and carrier, as
 * the API shows them (the same for this computer's engine and a remote one).
 */
public final class SourcesAndPool {
    private final Session session;
    private final ObservableList<SmsSource> sources = FXCollections.observableArrayList();
    private final ObservableList<PoolGroup> pool = FXCollections.observableArrayList();
    private final ObservableList<String> numbers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper poolSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final Coalescer reads;

    private record Snapshot(List<SmsSource> sources, List<PoolNumber> numbers) {
    }

    public SourcesAndPool(Session session) {
        this.session = session;
        this.reads = new Coalescer(this::read);
    }

    /** Reads the sources and the whole pool again (once more after a read in flight, never two at once). */
    public void refresh() {
        reads.request();
    }

    private CompletableFuture<?> read() {
        loading.set(true);
        return session.call(() -> new Snapshot(session.client().sources().list().stream().toList(),
                session.client().numbers().list().stream().toList())).whenComplete((snapshot, failure) -> {
                    loading.set(false);
                    if (failure != null) {
                        error.set(ErrorMessages.describe(failure));
                        return;
                    }
                    error.set("");
                    // Live updates read again often: lists change only when their content does, so a
                    // number picked for the test SMS and the table's selection stay put.
                    List<PoolGroup> groups = PoolGroup.of(snapshot.numbers());
                    replace(sources, snapshot.sources());
                    replace(pool, groups);
                    replace(numbers, snapshot.numbers().stream().map(PoolNumber::phoneNumber).sorted().toList());
                    long rentable = snapshot.numbers().stream().filter(PoolNumber::rentable).count();
                    long countries = groups.stream().map(PoolGroup::country).distinct().count();
                    poolSummary.set(snapshot.numbers().isEmpty() ? "No numbers in the pool yet."
                            : String.format(Locale.US, "%,d numbers in %d %s, %,d rentable now", snapshot.numbers().size(),
                            countries, countries == 1 ? "country" : "countries", rentable));
                });
    }

    private static <T> void replace(ObservableList<T> list, List<T> content) {
        if (!list.equals(content)) {
            list.setAll(content);
        }
    }

    public ObservableList<SmsSource> sources() {
        return sources;
    }

    public ObservableList<PoolGroup> pool() {
        return pool;
    }

    /** Every pool number, sorted, for the test SMS. */
    public ObservableList<String> numbers() {
        return numbers;
    }

    /** {@code 1,200 numbers in 30 countries, 1,180 rentable now}. */
    public ReadOnlyStringProperty poolSummaryProperty() {
        return poolSummary.getReadOnlyProperty();
    }

    /** Why the last read failed, in words; empty when fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** A source's health in a few words: {@code OK}, {@code Degraded: the last delivery was refused…}. */
    public static String healthText(SmsSource source) {
        String status = source.health().status().name().charAt(0)
                + source.health().status().name().substring(1).toLowerCase(Locale.ROOT);
        return source.health().detail().filter(d -> !d.isBlank()).map(d -> status + ": " + d).orElse(status);
    }
}
