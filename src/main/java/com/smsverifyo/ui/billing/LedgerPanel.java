package com.smsverifyo.ui.billing;

import com.smsverifyo.client.LedgerEntry;
import com.smsverifyo.ui.common.Columns;
import com.smsverifyo.ui.common.Formats;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A ledger as a table with its filters (kind, from, to) and "load more": the Billing page shows the
 * key's own, the Customers page a customer's. Stable ids start with the given prefix
 * ({@code billing-kind}, {@code billing-ledger-table}…).
 */
public final class LedgerPanel {
    private final LedgerBrowser browser;
    private final String prefix;

    public LedgerPanel(LedgerBrowser browser, String prefix) {
        this.browser = browser;
        this.prefix = prefix;
    }

    /** The filter bar, the range error, the table and the "load more" row, growing to fill. */
    public VBox build(Node... trailing) {
        VBox box = new VBox(10, filters(trailing), rangeError(), table(), footer());
        VBox.setVgrow(box.getChildren().get(2), Priority.ALWAYS);
        return box;
    }

    private Node filters(Node... trailing) {
        ComboBox<String> kind = new ComboBox<>();
        kind.setId(prefix + "-kind");
        kind.getItems().add(null);
        kind.getItems().addAll(LedgerBrowser.KINDS);
        kind.setCellFactory(list -> kindCell());
        kind.setButtonCell(kindCell());
        kind.valueProperty().bindBidirectional(browser.kindProperty());
        kind.setPrefWidth(150);

        DatePicker from = new DatePicker();
        from.setId(prefix + "-from");
        from.setPromptText("From");
        from.setPrefWidth(140);
        from.valueProperty().bindBidirectional(browser.fromProperty());
        DatePicker to = new DatePicker();
        to.setId(prefix + "-to");
        to.setPromptText("To");
        to.setPrefWidth(140);
        to.valueProperty().bindBidirectional(browser.toProperty());

        Button clear = new Button("Clear filters");
        clear.setId(prefix + "-clear");
        clear.getStyleClass().addAll("flat", "small");
        clear.visibleProperty().bind(browser.kindProperty().isNotNull().or(browser.fromProperty().isNotNull())
                .or(browser.toProperty().isNotNull()));
        clear.setOnAction(event -> browser.clearFilters());

        Label dash = new Label("–");
        dash.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, kind, from, dash, to, clear, spacer);
        bar.getChildren().addAll(trailing);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static ListCell<String> kindCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "All kinds" : kindTitle(item) + "s");
            }
        };
    }

    private Node rangeError() {
        Label error = new Label();
        error.setId(prefix + "-range-error");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(browser.rangeError());
        error.managedProperty().bind(browser.rangeError().isNotEmpty());
        error.visibleProperty().bind(browser.rangeError().isNotEmpty());
        return error;
    }

    private Node table() {
        TableView<LedgerEntry> table = new TableView<>(browser.entries());
        table.setId(prefix + "-ledger-table");
        table.getStyleClass().add("ledger-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Time", 160, entry -> Formats.dateTime(entry.createdAt()), "cell-muted"));
        table.getColumns().add(kindColumn());
        table.getColumns().add(amountColumn("Amount", LedgerEntry::amount, true));
        table.getColumns().add(amountColumn("Balance after", LedgerEntry::balanceAfter, false));
        table.getColumns().add(column("Rental", 180, entry -> entry.rentalId().orElse(""), "mono-cell"));
        table.getColumns().add(column("Note", 160, entry -> entry.note().orElse(""), null));
        // Time, kind and amounts are read whole; the rental id and the note give way on narrow windows.
        table.getColumns().subList(0, 4).forEach(column -> column.setMinWidth(column.getPrefWidth()));
        table.getColumns().subList(4, 6).forEach(column -> column.setMinWidth(80));
        Label empty = new Label();
        empty.getStyleClass().add("text-muted");
        empty.textProperty().bind(Bindings.createStringBinding(() -> {
            if (!browser.errorProperty().get().isEmpty()) {
                return browser.errorProperty().get();
            }
            if (browser.loadingProperty().get()) {
                return "Reading the ledger…";
            }
            boolean filtered = browser.kindProperty().get() != null || browser.fromProperty().get() != null
                    || browser.toProperty().get() != null;
            return filtered ? "No ledger entries match these filters." : "No ledger entries yet: credits, charges and refunds appear here.";
        }, browser.errorProperty(), browser.loadingProperty(), browser.kindProperty(), browser.fromProperty(),
                browser.toProperty()));
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        return table;
    }

    private Node footer() {
        Button more = new Button("Load more");
        more.setId(prefix + "-load-more");
        more.getStyleClass().add("small");
        more.visibleProperty().bind(browser.hasMoreProperty());
        more.managedProperty().bind(browser.hasMoreProperty());
        more.disableProperty().bind(browser.loadingProperty());
        more.setOnAction(event -> browser.loadMore());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(browser.loadingProperty());
        Label count = new Label();
        count.setId(prefix + "-count");
        count.getStyleClass().add("hint");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            int shown = browser.entries().size();
            String text = String.format(Locale.US, "%,d %s shown", shown, shown == 1 ? "entry" : "entries");
            return browser.hasMoreProperty().get() ? text + "; older ones follow" : text;
        }, browser.entries(), browser.hasMoreProperty()));
        Label error = new Label();
        error.getStyleClass().add("danger-text");
        error.textProperty().bind(Bindings.when(Bindings.isEmpty(browser.entries())).then("")
                .otherwise(browser.errorProperty()));
        HBox row = new HBox(10, count, more, new StackPane(spinner), error);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static TableColumn<LedgerEntry, String> column(String title, double width,
                                                            Function<LedgerEntry, String> text, String style) {
        TableColumn<LedgerEntry, String> column = Columns.text(title, width, text, style);
        column.setSortable(false);
        return column;
    }

    private static TableColumn<LedgerEntry, String> kindColumn() {
        TableColumn<LedgerEntry, String> column = new TableColumn<>("Kind");
        column.setPrefWidth(112);
        column.setSortable(false);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().kind()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String kind, boolean empty) {
                super.updateItem(kind, empty);
                if (empty || kind == null) {
                    setGraphic(null);
                    return;
                }
                Label pill = new Label(kindTitle(kind));
                pill.getStyleClass().addAll("kind-pill", kind);
                setGraphic(pill);
            }
        });
        return column;
    }

    private static TableColumn<LedgerEntry, BigDecimal> amountColumn(String title, Function<LedgerEntry, BigDecimal> value,
                                                                     boolean signed) {
        TableColumn<LedgerEntry, BigDecimal> column = new TableColumn<>(title);
        column.setPrefWidth(signed ? 100 : 115);
        column.setMinWidth(signed ? 90 : 105);
        column.setSortable(false);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("money-cell");
            }

            @Override
            protected void updateItem(BigDecimal amount, boolean empty) {
                super.updateItem(amount, empty);
                getStyleClass().removeAll("money-plus", "money-minus");
                if (empty || amount == null) {
                    setText(null);
                    return;
                }
                setText(signed && amount.signum() > 0 ? "+" + Formats.usd(amount) : Formats.usd(amount));
                if (signed) {
                    getStyleClass().add(amount.signum() > 0 ? "money-plus" : "money-minus");
                }
            }
        });
        return column;
    }

    /** {@code charge} → {@code Charge}. */
    static String kindTitle(String kind) {
        return kind.isEmpty() ? kind : kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1);
    }
}
