package com.smsverifyo.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Table columns the pages share. */
public final class Columns {
    private Columns() {
    }

    /**
     * A text column. With a {@code style} (may be null) its cells get that style class and a tooltip
     * with their whole text: ids and times are read whole or not at all, so a narrow column's cut is
     * still readable.
     */
    public static <R> TableColumn<R, String> text(String title, double width, Function<R, String> value, String style) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
        if (style != null) {
            column.setCellFactory(c -> new TableCell<>() {
                {
                    getStyleClass().add(style);
                }

                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
                }
            });
        }
        return column;
    }
}
