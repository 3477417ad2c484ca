package com.smsverifyo.ui.customers;

import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * A table cell that is always a text field, bound to a property of its row, spreadsheet-like: it
 * turns red with the reason as a tooltip while what it holds is invalid. Rows that {@code editable}
 * refuses show the text read-only.
 *
 * @param <R> the row type
 */
final class TextFieldCell<R> extends TableCell<R, R> {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final Function<R, StringProperty> text;
    private final Function<R, ObservableStringValue> error;
    private final Predicate<R> editable;
    private final TextField field = new TextField();
    private final ChangeListener<String> errorListener = (obs, old, next) -> showError(next);
    private StringProperty bound;
    private ObservableStringValue watched;

    TextFieldCell(Function<R, StringProperty> text, Function<R, ObservableStringValue> error, Predicate<R> editable,
                  String prompt, boolean numeric) {
        this.text = text;
        this.error = error;
        this.editable = editable;
        field.getStyleClass().add("cell-field");
        if (numeric) {
            field.getStyleClass().add("numeric");
        }
        field.setPromptText(prompt);
        setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(R row, boolean empty) {
        super.updateItem(row, empty);
        if (bound != null) {
            field.textProperty().unbindBidirectional(bound);
            bound = null;
        }
        if (watched != null) {
            watched.removeListener(errorListener);
            watched = null;
        }
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        bound = text.apply(row);
        field.textProperty().bindBidirectional(bound);
        field.setEditable(editable.test(row));
        field.setFocusTraversable(editable.test(row));
        field.pseudoClassStateChanged(PseudoClass.getPseudoClass("readonly"), !editable.test(row));
        watched = error.apply(row);
        watched.addListener(errorListener);
        showError(watched.get());
        setGraphic(field);
    }

    private void showError(String problem) {
        boolean invalid = problem != null && !problem.isEmpty();
        field.pseudoClassStateChanged(INVALID, invalid);
        field.setTooltip(invalid ? new Tooltip(problem) : null);
    }
}
