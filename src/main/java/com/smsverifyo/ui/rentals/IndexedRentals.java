package com.smsverifyo.ui.rentals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A list of rental rows with an id → position index, so a live update finds its row in constant
 * time, whatever the list's size.
 *
 * <p>New rentals arrive at the top, and renumbering 100,000 positions for each would cost more than
 * the update itself; so the index keeps an ordinal per row instead, and a row's position is its
 * ordinal minus the top row's. Adding at the top (or the bottom) then touches only the new rows. Any
 * other insertion, a removal or a sort renumbers everything once, on the next lookup.
 *
 * <p>The list may be observable (the table's items): every change is one list operation, so the
 * table hears one change per call.
 */
final class IndexedRentals {
    private final List<RentalItem> items;
    private final Map<String, Integer> ordinals = new HashMap<>();
    private int top;
    private boolean stale;

    IndexedRentals(List<RentalItem> items) {
        this.items = items;
        items.clear();
    }

    List<RentalItem> items() {
        return items;
    }

    int size() {
        return items.size();
    }

    RentalItem get(int index) {
        return items.get(index);
    }

    /** The row of a rental, or -1. */
    int indexOf(String id) {
        renumberIfStale();
        Integer ordinal = ordinals.get(id);
        return ordinal == null ? -1 : ordinal - top;
    }

    boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    void setAll(Collection<RentalItem> rentals) {
        replaceAll(rentals);
        stale = true;
    }

    void clear() {
        items.clear();
        ordinals.clear();
        top = 0;
        stale = false;
    }

    /** Adds rentals above the first row, in the given order; ids already present are skipped. */
    void addTop(List<RentalItem> rentals) {
        List<RentalItem> fresh = withoutKnown(rentals);
        if (fresh.isEmpty()) {
            return;
        }
        renumberIfStale();
        items.addAll(0, fresh);
        top -= fresh.size();
        for (int i = 0; i < fresh.size(); i++) {
            ordinals.put(fresh.get(i).id(), top + i);
        }
    }

    /** Adds rentals below the last row, in the given order; ids already present are skipped. */
    void append(List<RentalItem> rentals) {
        List<RentalItem> fresh = withoutKnown(rentals);
        if (fresh.isEmpty()) {
            return;
        }
        renumberIfStale();
        int first = top + items.size();
        items.addAll(fresh);
        for (int i = 0; i < fresh.size(); i++) {
            ordinals.put(fresh.get(i).id(), first + i);
        }
    }

    /** Adds one rental where {@code order} puts it (the list being in that order). */
    void insert(RentalItem rental, Comparator<RentalItem> order) {
        if (contains(rental.id())) {
            return;
        }
        int index = insertionPoint(rental, order);
        if (index == 0) {
            addTop(List.of(rental));
        } else if (index == items.size()) {
            append(List.of(rental));
        } else {
            items.add(index, rental);
            stale = true;
        }
    }

    /** Removes the rows of these ids (one list change for many rows). */
    void removeIds(Set<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<Integer> positions = new ArrayList<>();
        for (String id : ids) {
            int index = indexOf(id);
            if (index >= 0) {
                positions.add(index);
            }
        }
        if (positions.isEmpty()) {
            return;
        }
        if (positions.size() <= 16) {
            positions.sort(Comparator.reverseOrder());
            for (int index : positions) {
                items.remove(index);
            }
        } else {
            List<RentalItem> kept = new ArrayList<>(items.size());
            for (RentalItem rental : items) {
                if (!ids.contains(rental.id())) {
                    kept.add(rental);
                }
            }
            replaceAll(kept);
        }
        stale = true;
    }

    void sort(Comparator<RentalItem> order) {
        if (items instanceof ObservableList<RentalItem> observable) {
            FXCollections.sort(observable, order); // one permutation, not a replace per row
        } else {
            items.sort(order);
        }
        stale = true;
    }

    /** Where {@code rental} goes so that the list stays in {@code order}: before its equals (newest on top). */
    int insertionPoint(RentalItem rental, Comparator<RentalItem> order) {
        int low = 0;
        int high = items.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (order.compare(items.get(middle), rental) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private void replaceAll(Collection<RentalItem> rentals) {
        if (items instanceof ObservableList<RentalItem> observable) {
            observable.setAll(rentals);
        } else {
            items.clear();
            items.addAll(rentals);
        }
    }

    private List<RentalItem> withoutKnown(List<RentalItem> rentals) {
        List<RentalItem> fresh = new ArrayList<>(rentals.size());
        Set<String> seen = new HashSet<>();
        for (RentalItem rental : rentals) {
            if (!contains(rental.id()) && seen.add(rental.id())) {
                fresh.add(rental);
            }
        }
        return fresh;
    }

    private void renumberIfStale() {
        if (!stale) {
            return;
        }
        ordinals.clear();
        top = 0;
        for (int i = 0; i < items.size(); i++) {
            ordinals.put(items.get(i).id(), i);
        }
        stale = false;
    }
}
