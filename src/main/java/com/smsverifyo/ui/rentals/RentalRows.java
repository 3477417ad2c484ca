package com.smsverifyo.ui.rentals;

import com.smsverifyo.client.Rental;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the rentals table and how live updates change them, for 100,000 rows as for ten.
 *
 * <p>Two lists are kept: {@code loaded}, what the server returned for the filters (its pages, in its
 * newest-first order, plus rentals that arrived live), and the table's rows: {@code loaded} narrowed
 * by the search that runs here rather than on the server, in the table's sort order. Both hold the
 * same {@link RentalItem}s, so an update changes one item and both lists see it, without a list
 * change. Only rows that arrive or leave change the lists, in one change each per batch.
 *
 * <p>New rows wait while the table is scrolled away from its top (a person reading row 5,000 would
 * otherwise see the rows under their eyes move down with every new rental): they are counted and go
 * in, all at once, when the table is back at its top.
 */
final class RentalRows {
    /** The server's order: ids sort by creation time. */
    static final Comparator<RentalItem> NEWEST_FIRST = Comparator.comparing(RentalItem::id).reversed();

    private final IndexedRentals loaded = new IndexedRentals(new ArrayList<>());
    private final ObservableList<RentalItem> shown = FXCollections.observableArrayList();
    private final IndexedRentals rows = new IndexedRentals(shown);
    private final ObservableList<RentalItem> rowsView = FXCollections.unmodifiableObservableList(shown);
    private final Map<String, RentalItem> heldBack = new LinkedHashMap<>();
    private final ReadOnlyIntegerWrapper heldBackCount = new ReadOnlyIntegerWrapper();
    private RentalFilters filters = RentalFilters.NONE;
    private RentalSearch search = RentalSearch.NONE;
    private Comparator<RentalItem> order;
    private boolean olderOnServer;
    private boolean atTop = true;

    /** The table's items (read-only). */
    ObservableList<RentalItem> rows() {
        return rowsView;
    }

    int loadedCount() {
        return loaded.size();
    }

    int shownCount() {
        return rows.size();
    }

    ReadOnlyIntegerProperty heldBackProperty() {
        return heldBackCount.getReadOnlyProperty();
    }

    /** The filters and search the loaded rentals were asked with (the rows follow at the next load). */
    void query(RentalFilters newFilters, RentalSearch newSearch) {
        this.filters = newFilters;
        this.search = newSearch;
    }

    /** A search that runs here changed: the rows are chosen again from the loaded rentals. */
    void searchHere(RentalSearch newSearch) {
        this.search = newSearch;
        refilter();
    }

    /** Whether older rentals than the loaded ones wait on the server. */
    void olderOnServer(boolean more) {
        this.olderOnServer = more;
    }

    /** The first page of a new load: everything before it goes. */
    void replaceAll(List<Rental> rentals) {
        loaded.setAll(items(rentals));
        refilter();
    }

    void clear() {
        loaded.clear();
        heldBack.clear();
        heldBackCount.set(0);
        rows.clear();
    }

    /** An older page ("Load more"): below the rest. */
    void appendOlder(List<Rental> rentals) {
        int before = loaded.size();
        loaded.append(items(rentals));
        List<RentalItem> visible = new ArrayList<>();
        for (int i = before; i < loaded.size(); i++) {
            RentalItem item = loaded.get(i);
            if (search.matches(item.get()) && !rows.contains(item.id()) && !heldBack.containsKey(item.id())) {
                visible.add(item);
            }
        }
        rows.append(visible);
        if (order != null) {
            rows.sort(order);
        }
    }

    /** Sorts the rows ({@code null}: newest first, the server's order). */
    void sort(Comparator<Rental> comparator) {
        order = comparator == null ? null : Comparator.comparing(RentalItem::get, comparator);
        rows.sort(rowOrder());
    }

    /** Where the table is scrolled: new rows go in at once only while its top is shown. */
    void atTop(boolean top) {
        atTop = top;
        if (top) {
            showHeldBack();
        }
    }

    /** Puts the new rows held back while the table was scrolled down into it. */
    void showHeldBack() {
        if (heldBack.isEmpty()) {
            return;
        }
        List<RentalItem> waiting = new ArrayList<>(heldBack.values());
        heldBack.clear();
        heldBackCount.set(0);
        insertAll(rows, waiting, rowOrder());
    }

    /**
     * Applies the newest state of some rentals: in place when known, added when new and passing the
     * filters and search, removed when they no longer pass them.
     */
    void apply(List<Rental> batch) {
        Set<String> leaveLoaded = new HashSet<>();
        Set<String> leaveRows = new HashSet<>();
        List<RentalItem> newLoaded = new ArrayList<>();
        List<RentalItem> newRows = new ArrayList<>();
        Rental oldestLoaded = loaded.size() == 0 ? null : loaded.get(loaded.size() - 1).get();
        for (Rental rental : batch) {
            boolean wanted = filters.matches(rental) && (!search.onServer() || search.matches(rental));
            int at = loaded.indexOf(rental.id());
            RentalItem item = null;
            if (at >= 0) {
                if (wanted) {
                    item = loaded.get(at);
                    item.set(rental);
                } else {
                    leaveLoaded.add(rental.id());
                }
            } else if (wanted && withinLoadedHistory(rental, oldestLoaded)) {
                item = new RentalItem(rental);
                newLoaded.add(item);
            }
            boolean show = item != null && search.matches(rental);
            boolean shownNow = rows.contains(rental.id());
            boolean waiting = heldBack.containsKey(rental.id());
            if (shownNow && !show) {
                leaveRows.add(rental.id());
            } else if (waiting && !show) {
                heldBack.remove(rental.id());
            } else if (!shownNow && !waiting && show) {
                newRows.add(item);
            }
        }
        loaded.removeIds(leaveLoaded);
        rows.removeIds(leaveRows);
        insertAll(loaded, newLoaded, NEWEST_FIRST);
        if (atTop) {
            insertAll(rows, newRows, rowOrder());
        } else {
            newRows.forEach(item -> heldBack.put(item.id(), item));
        }
        heldBackCount.set(heldBack.size());
    }

    /** A rental older than every loaded one belongs to a page not loaded yet: "Load more" brings it. */
    private boolean withinLoadedHistory(Rental rental, Rental oldestLoaded) {
        return !olderOnServer || oldestLoaded == null
                || RentalsViewModel.NEWEST_FIRST.compare(rental, oldestLoaded) <= 0;
    }

    private void refilter() {
        List<RentalItem> matching = new ArrayList<>();
        for (RentalItem item : loaded.items()) {
            if (search.matches(item.get())) {
                matching.add(item);
            }
        }
        if (order != null) {
            matching.sort(order);
        }
        heldBack.clear();
        heldBackCount.set(0);
        rows.setAll(matching);
    }

    private Comparator<RentalItem> rowOrder() {
        return order == null ? NEWEST_FIRST : order;
    }

    /** Adds rows where the order puts them: in one change on top when they all go there (the usual case). */
    private static void insertAll(IndexedRentals list, List<RentalItem> fresh, Comparator<RentalItem> order) {
        if (fresh.isEmpty()) {
            return;
        }
        fresh.sort(order);
        if (list.size() == 0 || order.compare(fresh.get(fresh.size() - 1), list.get(0)) <= 0) {
            list.addTop(fresh);
        } else {
            for (RentalItem item : fresh) {
                list.insert(item, order);
            }
        }
    }

    private static List<RentalItem> items(List<Rental> rentals) {
        List<RentalItem> items = new ArrayList<>(rentals.size());
        for (Rental rental : rentals) {
            items.add(new RentalItem(rental));
        }
        return items;
    }
}
