package com.smsverifyo.ui.billing;

import com.smsverifyo.client.LedgerEntry;
import com.smsverifyo.client.LedgerQuery;
import com.smsverifyo.client.Page;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.session.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An account's ledger as a table reads it: newest first, filtered by kind and by a range of days
 * (the user's days, in their time zone), paged from the server a page at a time ("load more").
 * Each entry carries the balance right after it, the running balance the server keeps.
 *
 * <p>Changing a filter reloads from the first page; an answer to an older query that arrives late
 * is dropped, so the table always shows what the filters say.
 */
public final class LedgerBrowser {
    /** Entries per page. */
    public static final int PAGE_SIZE = 100;
    /** The kinds of entry, as the API names them. */
    public static final List<String> KINDS = List.of("credit", "charge", "refund", "adjustment");

    private final Session session;
    private final ZoneId zone;
    private final ObjectProperty<String> account = new SimpleObjectProperty<>();
    private final ObjectProperty<String> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<LedgerEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringBinding rangeError;
    private String nextCursor;
    private long generation;
    /** Set while several filters change at once, so they cause one reload. */
    private boolean batching;
    private boolean nothing;

    /**
     * @param session the connection
     * @param zone    whose days the date filters mean (the user's)
     */
    public LedgerBrowser(Session session, ZoneId zone) {
        this.session = session;
        this.zone = zone;
        this.rangeError = Bindings.createStringBinding(() -> from.get() != null && to.get() != null
                && from.get().isAfter(to.get()) ? "'From' must be on or before 'To'." : "", from, to);
        account.addListener((obs, old, next) -> reloadIfActive());
        kind.addListener((obs, old, next) -> reloadIfActive());
        from.addListener((obs, old, next) -> reloadIfActive());
        to.addListener((obs, old, next) -> reloadIfActive());
    }

    /** The query the filters make (the account, kind and the days from the start of 'from' to the end of 'to'). */
    public LedgerQuery query() {
        Instant start = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant end = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        return LedgerQuery.all().account(account.get()).kind(kind.get()).between(start, end).pageSize(PAGE_SIZE);
    }

    /**
     * Shows nothing and reads nothing while {@code none} is true (no customer is open), instead of
     * the key's own ledger that a {@code null} account means.
     */
    public void showNothing(boolean none) {
        this.nothing = none;
        if (none) {
            generation++;
            entries.clear();
            hasMore.set(false);
            loading.set(false);
        }
    }

    /** Reads the first page again (the filters or the ledger changed). */
    public void reload() {
        if (nothing) {
            return;
        }
        if (!rangeError.get().isEmpty()) {
            entries.clear();
            hasMore.set(false);
            return;
        }
        long mine = ++generation;
        nextCursor = null;
        fetch(mine, null, true);
    }

    /** Appends the next page, if there is one and none is being read. */
    public void loadMore() {
        if (!hasMore.get() || loading.get() || nextCursor == null) {
            return;
        }
        fetch(generation, nextCursor, false);
    }

    /** Clears the kind and date filters (one reload). */
    public void clearFilters() {
        batching = true;
        kind.set(null);
        from.set(null);
        to.set(null);
        batching = false;
        reload();
    }

    private void fetch(long mine, String cursor, boolean replace) {
        LedgerQuery query = query();
        loading.set(true);
        session.call(() -> session.client().ledger().page(query, cursor)).whenComplete((page, failure) -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                error.set(ErrorMessages.describe(failure));
                if (replace) {
                    entries.clear();
                    hasMore.set(false);
                }
                return;
            }
            error.set("");
            apply(page, replace);
        });
    }

    private void apply(Page<LedgerEntry> page, boolean replace) {
        if (replace) {
            entries.setAll(page.data());
        } else {
            entries.addAll(page.data());
        }
        nextCursor = page.nextCursor().orElse(null);
        hasMore.set(page.hasMore() && nextCursor != null);
    }

    private void reloadIfActive() {
        if (!batching) {
            reload();
        }
    }

    /** Whose ledger: a customer's account id, or {@code null} for the key's own. */
    public ObjectProperty<String> accountProperty() {
        return account;
    }

    /** Only entries of this kind ({@link #KINDS}), or {@code null} for all. */
    public ObjectProperty<String> kindProperty() {
        return kind;
    }

    /** Entries on or after this day, or {@code null}. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** Entries on or before this day, or {@code null}. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Why the date range cannot be used, in words (empty when it can). */
    public StringBinding rangeError() {
        return rangeError;
    }

    public ObservableList<LedgerEntry> entries() {
        return entries;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** The last failure to read, in words (empty when fine). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The newest entry shown, if any. */
    public Optional<LedgerEntry> newest() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
    }
}
