package com.smsverifyo.ui.rentals;

import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalStatus;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** The table's cells. Each column's value is the whole rental; the cell picks what it shows. */
final class RentalCells {
    private RentalCells() {
    }

    /** Plain text, with an optional tooltip and style class. */
    static final class Text extends TableCell<RentalItem, Rental> {
        private final Function<Rental, String> text;
        private final Function<Rental, String> tooltip;
        private Tooltip tip;

        Text(Function<Rental, String> text, Function<Rental, String> tooltip, String... styleClasses) {
            this.text = text;
            this.tooltip = tooltip;
            getStyleClass().addAll(styleClasses);
        }

        @Override
        protected void updateItem(Rental rental, boolean empty) {
            super.updateItem(rental, empty);
            if (empty || rental == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(text.apply(rental));
            if (tooltip != null) {
                if (tip == null) {
                    tip = new Tooltip(); // made on first use: a tooltip per cell is not cheap
                }
                tip.setText(tooltip.apply(rental));
                setTooltip(tip);
            }
        }
    }

    /** The newest code, bold and monospaced; a faint dash until one arrives. */
    static final class Code extends TableCell<RentalItem, Rental> {
        private static final PseudoClass NONE = PseudoClass.getPseudoClass("none");

        Code() {
            getStyleClass().add("rental-code-cell");
        }

        @Override
        protected void updateItem(Rental rental, boolean empty) {
            super.updateItem(rental, empty);
            String code = empty || rental == null ? null : rental.code().orElse(null);
            setText(empty || rental == null ? null : code == null ? "—" : code);
            pseudoClassStateChanged(NONE, !empty && code == null);
        }
    }

    /** The state as a coloured pill. */
    static final class Status extends TableCell<RentalItem, Rental> {
        private final Label pill = new Label();

        Status() {
            pill.getStyleClass().add("status-pill");
            pill.setMinWidth(Label.USE_PREF_SIZE);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Rental rental, boolean empty) {
            super.updateItem(rental, empty);
            if (empty || rental == null) {
                setGraphic(null);
                return;
            }
            style(pill, rental.status());
            setGraphic(pill);
        }
    }

    private static final Map<RentalStatus, PseudoClass> STATES = new EnumMap<>(RentalStatus.class);

    static {
        for (RentalStatus status : RentalStatus.values()) {
            STATES.put(status, PseudoClass.getPseudoClass(status.wireName()));
        }
    }

    /**
     * Sets a status pill's text and colour. The colour follows a pseudo-class ({@code :waiting}…),
     * not a style class: when rows shift, pills change state many times a second, and a pseudo-class
     * flips a cached style where a style class change makes the node look its styles up again.
     */
    static void style(Label pill, RentalStatus status) {
        String name = status.wireName();
        if (name.equals(pill.getText())) {
            return;
        }
        STATES.forEach((state, pseudo) -> pill.pseudoClassStateChanged(pseudo, state == status));
        pill.setText(name);
    }

    /**
     * Time left, as a bar and {@code m:ss} (the cell's own graphic and text: no extra nodes). All
     * countdown cells follow the view-model's one clock (ticked once a second by one timeline), so
     * there is no timer per row.
     */
    static final class TimeLeft extends TableCell<RentalItem, Rental> {
        private final RentalsViewModel model;
        private final CountdownBar bar = new CountdownBar(46);
        private final InvalidationListener tick = obs -> refresh();

        TimeLeft(RentalsViewModel model) {
            this.model = model;
            getStyleClass().add("time-left-cell");
            setGraphicTextGap(8);
            model.nowProperty().addListener(new WeakInvalidationListener(tick));
        }

        @Override
        protected void updateItem(Rental rental, boolean empty) {
            super.updateItem(rental, empty);
            refresh();
        }

        private void refresh() {
            Rental rental = getItem();
            if (isEmpty() || rental == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Countdown countdown = model.countdown(rental);
            bar.show(countdown);
            CountdownBar.phase(this, countdown.phase());
            setText(countdown.text());
            if (getGraphic() != bar) {
                setGraphic(bar);
            }
        }
    }
}
