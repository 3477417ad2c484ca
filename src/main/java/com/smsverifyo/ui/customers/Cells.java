package com.smsverifyo.ui.customers;

import com.smsverifyo.ui.common.Formats;
import java.math.BigDecimal;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Column makers shared by the Customers page's tables. */
final class Cells {
    private Cells() {
    }

    /** A right-aligned dollars column, sortable by amount. */
    static <R> TableColumn<R, BigDecimal> money(String title, double width, Function<R, BigDecimal> value) {
        TableColumn<R, BigDecimal> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("money-cell");
            }

            @Override
            protected void updateItem(BigDecimal amount, boolean empty) {
                super.updateItem(amount, empty);
                setText(empty || amount == null ? null : Formats.usd(amount));
            }
        });
        return column;
    }

    /** A coloured pill ({@code active}, {@code suspended}, {@code waiting}…), styled by its value. */
    static <R> TableColumn<R, String> pill(String title, double width, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String state, boolean empty) {
                super.updateItem(state, empty);
                setGraphic(empty || state == null ? null : pill(state));
            }
        });
        return column;
    }

    static Label pill(String state) {
        Label pill = new Label(state);
        pill.getStyleClass().addAll("status-pill", state);
        return pill;
    }
}
