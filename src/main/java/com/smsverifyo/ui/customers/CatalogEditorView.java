package com.smsverifyo.ui.customers;

import com.smsverifyo.ui.common.Icons;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The owner's tiers and base prices, edited in tables like a spreadsheet: each cell checked as it
 * is typed, each row's problem (or the server's word on it) in words at its end, one Save for the
 * whole catalog.
 */
final class CatalogEditorView {
    private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final CatalogEditor editor;

    CatalogEditorView(CatalogEditor editor) {
        this.editor = editor;
    }

    Node build() {
        Node prices = pricesCard();
        Node tiers = tiersCard();
        HBox tables = new HBox(14, prices, tiers);
        HBox.setHgrow(prices, Priority.ALWAYS);
        VBox.setVgrow(tables, Priority.ALWAYS);
        VBox box = new VBox(12, toolbar(), tables);
        box.setId("catalog-editor");
        return box;
    }

    private Node toolbar() {
        Label status = new Label();
        status.setId("catalog-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!editor.saveErrorProperty().get().isEmpty()) {
                return editor.saveErrorProperty().get();
            }
            int problems = editor.problems().get();
            if (problems > 0) {
                return problems == 1 ? "1 row has a problem (marked in red): fix it to save."
                        : problems + " rows have problems (marked in red): fix them to save.";
            }
            if (editor.dirty().get()) {
                return "Unsaved changes. Saving sends the whole catalog; new prices apply to new rentals only.";
            }
            return editor.statusProperty().get().isEmpty()
                    ? "Base prices before tier discounts. Customers see their tier's prices." : editor.statusProperty().get();
        }, editor.saveErrorProperty(), editor.problems(), editor.dirty(), editor.statusProperty()));
        editor.saveErrorProperty().addListener((obs, old, next) -> styleStatus(status));
        editor.problems().addListener((obs, old, next) -> styleStatus(status));
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);

        Button revert = new Button("Revert");
        revert.setId("catalog-revert");
        revert.disableProperty().bind(editor.dirty().not().or(editor.savingProperty()));
        revert.setOnAction(event -> editor.revert());
        Button save = new Button("Save catalog", Icons.CHECK.node(14));
        save.setId("catalog-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(editor.canSave().not());
        save.setOnAction(event -> editor.save());
        HBox bar = new HBox(10, status, revert, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void styleStatus(Label status) {
        boolean bad = !editor.saveErrorProperty().get().isEmpty() || editor.problems().get() > 0;
        status.getStyleClass().removeAll("danger-text", "hint");
        status.getStyleClass().add(bad ? "danger-text" : "hint");
    }

    private Node pricesCard() {
        Label title = new Label("Base prices");
        title.getStyleClass().add("card-title");
        TextField search = new TextField();
        search.setId("catalog-search");
        search.setPromptText("Filter by service or country");
        search.setPrefWidth(220);
        FilteredList<PriceRow> shown = new FilteredList<>(editor.prices());
        search.textProperty().addListener((obs, old, next) -> {
            String words = next.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(words.isEmpty() ? null : row -> (row.serviceName() + " " + row.service() + " "
                    + row.countryName() + " " + row.country()).toLowerCase(Locale.ROOT).contains(words));
        });

        ComboBox<String[]> missing = new ComboBox<>();
        missing.setId("catalog-missing");
        missing.setPromptText("Add a price for…");
        missing.setPrefWidth(220);
        missing.setConverter(new StringConverter<>() {
            @Override
            public String toString(String[] pair) {
                return pair == null ? "" : pair[0] + " · " + pair[1];
            }

            @Override
            public String[] fromString(String text) {
                return null;
            }
        });
        missing.setOnShowing(event -> missing.getItems().setAll(editor.missingPrices()));
        missing.setOnAction(event -> {
            String[] pair = missing.getValue();
            if (pair != null) {
                editor.addPrice(pair[0], pair[1]);
                search.clear();
                javafx.application.Platform.runLater(() -> missing.setValue(null));
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, search, missing);
        header.setAlignment(Pos.CENTER_LEFT);

        TableView<PriceRow> table = new TableView<>(shown);
        table.setId("catalog-prices");
        table.getStyleClass().add("editor-table");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(readOnly("Service", 100, PriceRow::serviceName));
        table.getColumns().add(readOnly("Country", 115, PriceRow::countryName));
        table.getColumns().add(editable("Any number", 95, PriceRow::priceProperty, PriceRow::priceError, row -> true, "0.45", true));
        table.getColumns().add(editable("Mobile", 85, PriceRow::mobileProperty, PriceRow::mobileError, row -> true, "0.70", true));
        table.getColumns().add(problemColumn(PriceRow::problem));
        table.getColumns().add(removeColumn(row -> editor.removePrice(row), row -> editor.restorePrice(row),
                PriceRow::removedProperty));
        table.setRowFactory(view -> markedRow(PriceRow::removedProperty, PriceRow::problem));
        table.setPlaceholder(new Label("No prices: add one for a service and a country."));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox card = new VBox(10, header, table);
        card.getStyleClass().addAll("card", "catalog-card");
        return card;
    }

    private Node tiersCard() {
        Label title = new Label("Tiers");
        title.getStyleClass().add("card-title");
        Button add = new Button("Add tier", Icons.PLUS.node(12));
        add.setId("catalog-add-tier");
        add.getStyleClass().add("small");
        add.setOnAction(event -> editor.addTier());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, spacer, add);
        header.setAlignment(Pos.CENTER_LEFT);

        TableView<TierRow> table = new TableView<>(editor.tiers());
        table.setId("catalog-tiers");
        table.getStyleClass().add("editor-table");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(editable("Name", 110, TierRow::nameProperty, TierRow::nameError, TierRow::added, "gold", false));
        table.getColumns().add(editable("Discount %", 90, TierRow::discountProperty, TierRow::discountError, row -> true, "20", true));
        table.getColumns().add(problemColumn(TierRow::problem));
        table.getColumns().add(removeColumn(row -> editor.removeTier(row), row -> editor.restoreTier(row),
                TierRow::removedProperty));
        table.setRowFactory(view -> markedRow(TierRow::removedProperty, TierRow::problem));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label note = new Label("A tier's discount comes off every base price for the accounts on it. "
                + "A tier that accounts are on cannot be removed.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        VBox card = new VBox(10, header, table, note);
        card.getStyleClass().addAll("card", "catalog-card");
        card.setPrefWidth(470);
        card.setMinWidth(400);
        return card;
    }

    private static <R> TableColumn<R, String> readOnly(String title, double width, java.util.function.Function<R, String> text) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width * 0.8);
        column.setEditable(false);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(text.apply(data.getValue())));
        return column;
    }

    private static <R> TableColumn<R, R> editable(String title, double width,
                                                  java.util.function.Function<R, javafx.beans.property.StringProperty> text,
                                                  java.util.function.Function<R, javafx.beans.value.ObservableStringValue> error,
                                                  java.util.function.Predicate<R> allowed, String prompt, boolean numeric) {
        TableColumn<R, R> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setCellFactory(c -> new TextFieldCell<>(text, error, allowed, prompt, numeric));
        return column;
    }

    private static <R> TableColumn<R, String> problemColumn(java.util.function.Function<R, javafx.beans.binding.StringBinding> problem) {
        TableColumn<R, String> column = new TableColumn<>("Problem");
        column.setPrefWidth(220);
        column.setSortable(false);
        column.setCellValueFactory(data -> problem.apply(data.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("problem-cell");
                // The whole sentence, on as many lines as it needs: the row grows.
                setWrapText(true);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        return column;
    }

    private static <R> TableColumn<R, R> removeColumn(java.util.function.Consumer<R> remove,
                                                      java.util.function.Consumer<R> restore,
                                                      java.util.function.Function<R, javafx.beans.property.BooleanProperty> removed) {
        TableColumn<R, R> column = new TableColumn<>("");
        column.setPrefWidth(44);
        column.setMinWidth(44);
        column.setMaxWidth(44);
        column.setSortable(false);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button();
            private final javafx.beans.value.ChangeListener<Boolean> toggle = (obs, was, now) -> showState(now);
            private javafx.beans.property.BooleanProperty watched;

            private void showState(boolean gone) {
                button.setGraphic((gone ? Icons.REFRESH : Icons.CLOSE).node(12));
                button.setTooltip(new Tooltip(gone ? "Undo the removal" : "Remove (when saved)"));
            }

            {
                button.getStyleClass().addAll("flat", "button-icon", "small", "row-remove");
                button.setOnAction(event -> {
                    R row = getItem();
                    if (row != null) {
                        if (removed.apply(row).get()) {
                            restore.accept(row);
                        } else {
                            remove.accept(row);
                        }
                    }
                });
            }

            @Override
            protected void updateItem(R row, boolean empty) {
                super.updateItem(row, empty);
                if (watched != null) {
                    watched.removeListener(toggle);
                }
                watched = empty || row == null ? null : removed.apply(row);
                if (watched == null) {
                    setGraphic(null);
                    return;
                }
                watched.addListener(toggle);
                showState(watched.get());
                setGraphic(button);
            }
        });
        return column;
    }

    /** Rows struck through while marked for removal, tinted while they have a problem. */
    private static <R> TableRow<R> markedRow(java.util.function.Function<R, javafx.beans.property.BooleanProperty> removed,
                                             java.util.function.Function<R, javafx.beans.binding.StringBinding> problem) {
        return new TableRow<>() {
            private final javafx.beans.InvalidationListener restyle = obs -> restyle();

            @Override
            protected void updateItem(R row, boolean empty) {
                R before = getItem();
                if (before != null) {
                    removed.apply(before).removeListener(restyle);
                    problem.apply(before).removeListener(restyle);
                }
                super.updateItem(row, empty);
                if (row != null && !empty) {
                    removed.apply(row).addListener(restyle);
                    problem.apply(row).addListener(restyle);
                }
                restyle();
            }

            private void restyle() {
                R row = getItem();
                boolean gone = row != null && !isEmpty() && removed.apply(row).get();
                boolean bad = row != null && !isEmpty() && !problem.apply(row).get().isEmpty();
                pseudoClassStateChanged(REMOVED, gone);
                pseudoClassStateChanged(PROBLEM, bad);
            }
        };
    }
}
