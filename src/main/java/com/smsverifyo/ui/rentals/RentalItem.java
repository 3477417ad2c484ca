package com.smsverifyo.ui.rentals;

import com.smsverifyo.client.Rental;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of the rentals table: a rental's id and its newest state. An update replaces the state in
 * place; the table's cells observe it (it is their cell value), so a change repaints only that row's
 * cells, if it is visible, and the table's list does not change at all.
 *
 * <p>Why not {@code items.set(i, rental)}: the table's selection and focus models answer every
 * replace change by looking the selected item up with {@code indexOf} (a scan of the whole list)
 * and lose the selection when the selected rental itself was replaced.
 */
public final class RentalItem {
    private final String id;
    private final ReadOnlyObjectWrapper<Rental> rental;

    RentalItem(Rental rental) {
        this.id = rental.id();
        this.rental = new ReadOnlyObjectWrapper<>(rental);
    }

    public String id() {
        return id;
    }

    /** The rental as it is now. */
    public Rental get() {
        return rental.get();
    }

    public ReadOnlyObjectProperty<Rental> property() {
        return rental.getReadOnlyProperty();
    }

    void set(Rental newer) {
        rental.set(newer);
    }

    @Override
    public String toString() {
        return "RentalItem[" + id + "]";
    }
}
