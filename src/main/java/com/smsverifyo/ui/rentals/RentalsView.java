package com.smsverifyo.ui.rentals;

import atlantafx.base.controls.CustomTextField;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalStatus;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.Icons;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Rentals page's scene graph: a header with the count, the search and filters, the live table
 * and the detail pane of the selected rental. It binds to {@link RentalsViewModel} and holds no logic
 * of its own beyond wiring keys and menus to it.
 */
public final class RentalsView {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CANCEL_ALT = new KeyCodeCombination(KeyCode.BACK_SPACE, KeyCombination.SHORTCUT_DOWN);

    private final RentalsViewModel model;
    private final TableView<RentalItem> table = new TableView<>();
    private final Map<TableColumn<RentalItem, ?>, Comparator<Rental>> orders = new HashMap<>();
    private final CustomTextField search = new CustomTextField();
    private final Label toast = new Label();
    private final SequentialTransition toastAnimation;
    private final StackPane root = new StackPane();

    public RentalsView(RentalsViewModel model) {
        this.model = model;
        toastAnimation = toastAnimation();
        build();
    }

    public Node root() {
        return root;
    }

    public TableView<RentalItem> table() {
        return table;
    }

    /** Puts the caret in the search box (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** A short confirmation at the bottom of the page ("Code 123456 copied"). */
    public void toast(String text) {
        toast.setText(text);
        toastAnimation.playFromStart();
    }

    private void build() {
        VBox page = new VBox(header(), toolbar(), searchHint(), body());
        page.getStyleClass().addAll("page", "rentals-page");
        VBox.setVgrow(page.getChildren().get(3), Priority.ALWAYS);
        toast.getStyleClass().add("rentals-toast");
        toast.setOpacity(0);
        toast.setMouseTransparent(true);
        StackPane.setAlignment(toast, Pos.BOTTOM_CENTER);
        root.getChildren().addAll(page, toast);
        root.setId("rentals-page");
    }

    private Node header() {
        Label title = new Label("Rentals");
        title.getStyleClass().add("page-title");
        Label summary = new Label();
        summary.getStyleClass().add("page-subtitle");
        summary.setId("rentals-summary");
        summary.textProperty().bind(model.summaryProperty());
        VBox titles = new VBox(2, title, summary);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty());
        Button refresh = new Button("Refresh", Icons.REFRESH.node(14));
        refresh.setId("rentals-refresh");
        refresh.getStyleClass().add("flat");
        refresh.setTooltip(new Tooltip("Load the newest rentals again from the server"));
        refresh.setOnAction(event -> model.reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, titles, spacer, busy, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node toolbar() {
        search.setId("rentals-search");
        search.setPromptText("Search number, id or code   (Ctrl+F)");
        search.setLeft(Icons.SUPPORT.node(14));
        search.setPrefWidth(300);
        search.getStyleClass().add("rentals-search");
        Button clearSearch = new Button(null, Icons.CLOSE.node(10));
        clearSearch.getStyleClass().addAll("flat", "button-icon", "search-clear");
        clearSearch.setOnAction(event -> search.clear());
        clearSearch.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clearSearch);
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                search.clear();
                table.requestFocus();
            } else if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().select(0);
                }
            }
        });

        ComboBox<RentalStatus> status = new ComboBox<>();
        status.getItems().add(null);
        for (RentalStatus value : RentalStatus.values()) {
            if (value != RentalStatus.UNKNOWN) {
                status.getItems().add(value);
            }
        }
        status.setButtonCell(statusCell());
        status.setCellFactory(list -> statusCell());
        status.setId("rentals-status-filter");
        status.valueProperty().bindBidirectional(model.statusProperty());

        ComboBox<RentalsViewModel.Choice> service = choices(model.serviceChoices());
        service.setId("rentals-service-filter");
        linkChoice(service, model.serviceChoices(), model.serviceProperty());
        ComboBox<RentalsViewModel.Choice> country = choices(model.countryChoices());
        country.setId("rentals-country-filter");
        linkChoice(country, model.countryChoices(), model.countryProperty());

        Button clear = new Button("Clear filters");
        clear.setId("rentals-clear-filters");
        clear.getStyleClass().addAll("flat", "accent");
        clear.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.statusProperty().get() != null
                        || !isBlank(model.serviceProperty().get()) || !isBlank(model.countryProperty().get())
                        || !isBlank(model.searchProperty().get()),
                model.statusProperty(), model.serviceProperty(), model.countryProperty(), model.searchProperty()));
        clear.managedProperty().bind(clear.visibleProperty());
        clear.setOnAction(event -> model.clearFilters());

        HBox bar = new HBox(8, search, status, service, country, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("rentals-toolbar");
        return bar;
    }

    private Node searchHint() {
        Label hint = new Label();
        hint.setId("rentals-search-hint");
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(model.searchHintProperty());
        hint.visibleProperty().bind(model.searchHintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        return hint;
    }

    private Node body() {
        RentalDetail detail = new RentalDetail(model);
        StackPane tableArea = new StackPane(buildTable(), newRowsPill());
        VBox tableBox = new VBox(tableArea, footer());
        VBox.setVgrow(tableArea, Priority.ALWAYS);
        SplitPane split = new SplitPane(tableBox, detail.root());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.70);
        SplitPane.setResizableWithParent(detail.root(), false);
        split.getStyleClass().add("rentals-split");
        return split;
    }

    /** "↑ 12 new rentals": shown while new rows wait for the table to be scrolled back to its top. */
    private Node newRowsPill() {
        Button pill = new Button();
        pill.setId("rentals-new-rows");
        pill.getStyleClass().addAll("accent", "new-rows-pill");
        pill.textProperty().bind(Bindings.createStringBinding(() -> {
            int count = model.heldBackProperty().get();
            return "↑  " + String.format(Locale.US, "%,d", count) + (count == 1 ? " new rental" : " new rentals");
        }, model.heldBackProperty()));
        pill.visibleProperty().bind(model.heldBackProperty().greaterThan(0));
        pill.setOnAction(event -> {
            table.scrollTo(0);
            model.showNew();
        });
        StackPane.setAlignment(pill, Pos.TOP_CENTER);
        // Follow the table's scroll position: new rows go in at once only while its top is shown.
        table.skinProperty().addListener((obs, old, skin) -> {
            if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                flow.positionProperty().addListener((o, was, position) ->
                        model.atTopProperty().set(position.doubleValue() <= 0));
            }
        });
        return pill;
    }

    private Node footer() {
        Button more = new Button("Load older rentals");
        more.setId("rentals-load-more");
        more.getStyleClass().add("flat");
        more.disableProperty().bind(model.loadingProperty());
        more.setOnAction(event -> model.loadMore());
        HBox footer = new HBox(more);
        footer.setAlignment(Pos.CENTER);
        footer.getStyleClass().add("rentals-footer");
        footer.visibleProperty().bind(model.hasMoreProperty());
        footer.managedProperty().bind(footer.visibleProperty());
        return footer;
    }

    private TableView<RentalItem> buildTable() {
        table.setId("rentals-table");
        table.getStyleClass().add("rentals-table");
        table.setItems(model.rows());
        // Every row the same height lets the table skip measuring rows: 100,000 of them scroll smoothly.
        table.setFixedCellSize(36);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(view -> new RentalRow(model));
        table.getColumns().setAll(java.util.List.of(
                column("Rental", 80, RentalsViewModel.NEWEST_FIRST,
                        () -> new RentalCells.Text(RentalsView::shortId, Rental::id, "rental-id-cell")),
                column("Service", 90, Comparator.comparing(r -> model.serviceName(r.service()), String.CASE_INSENSITIVE_ORDER),
                        () -> new RentalCells.Text(r -> model.serviceName(r.service()), null)),
                column("Country", 78, Comparator.comparing(Rental::country),
                        () -> new RentalCells.Text(Rental::country, r -> model.countryName(r.country()), "country-cell")),
                column("Number", 146, Comparator.comparing(Rental::phoneNumber),
                        () -> new RentalCells.Text(r -> PhoneNumbers.display(r.phoneNumber()), null, "number-cell")),
                column("Status", 96, Comparator.comparing(Rental::status), RentalCells.Status::new),
                column("Time left", 104, Comparator.comparing((Rental r) -> r.isFinal()).thenComparing(Rental::expiresAt),
                        () -> new RentalCells.TimeLeft(model)),
                column("Code", 78, Comparator.comparing((Rental r) -> r.code().orElse("")), RentalCells.Code::new),
                column("Price", 60, Comparator.comparing(Rental::price),
                        () -> new RentalCells.Text(r -> Formats.usd(r.price()), null, "price-cell")),
                column("Created", 74, Comparator.comparing(Rental::createdAt).thenComparing(Rental::id),
                        () -> new RentalCells.Text(r -> created(r), r -> Formats.dateTime(r.createdAt()), "created-cell"))));
        table.setSortPolicy(view -> {
            model.sort(comparator());
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> model.select(item == null ? null : item.get()));
        table.setPlaceholder(placeholder());
        table.setContextMenu(contextMenu());
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        return table;
    }

    private TableColumn<RentalItem, Rental> column(String title, double width, Comparator<Rental> order,
                                                   Supplier<TableCell<RentalItem, Rental>> cell) {
        TableColumn<RentalItem, Rental> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 56));
        // The row's live state: the cell repaints itself when it changes, with no list change.
        column.setCellValueFactory(features -> features.getValue().property());
        column.setCellFactory(c -> cell.get());
        column.setReorderable(false);
        orders.put(column, order);
        return column;
    }

    /** The comparator of the table's sort order, or null for the server's order (newest first). */
    private Comparator<Rental> comparator() {
        Comparator<Rental> combined = null;
        for (TableColumn<RentalItem, ?> column : table.getSortOrder()) {
            Comparator<Rental> one = orders.get(column);
            if (one == null) {
                continue;
            }
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                one = one.reversed();
            }
            combined = combined == null ? one : combined.thenComparing(one);
        }
        return combined == null ? null : combined.thenComparing(RentalsViewModel.NEWEST_FIRST);
    }

    private void onKey(KeyEvent event) {
        Rental selected = selected();
        if (COPY.match(event)) {
            model.actions().copyCode(selected);
            event.consume();
        } else if (selected != null && (event.getCode() == KeyCode.DELETE || CANCEL_ALT.match(event))) {
            model.actions().cancel(selected);
            event.consume();
        }
    }

    private ContextMenu contextMenu() {
        MenuItem copyCode = new MenuItem("Copy code", Icons.COPY.node(12));
        copyCode.setAccelerator(COPY);
        copyCode.setOnAction(event -> model.actions().copyCode(selected()));
        MenuItem copyNumber = new MenuItem("Copy number");
        copyNumber.setOnAction(event -> model.actions().copyNumber(selected()));
        MenuItem finish = new MenuItem("Finish");
        finish.setOnAction(event -> model.actions().finish(selected()));
        MenuItem retry = new MenuItem("Ask for another SMS");
        retry.setOnAction(event -> model.actions().retry(selected()));
        MenuItem report = new MenuItem("Report number refused");
        report.setOnAction(event -> model.actions().report(selected()));
        MenuItem cancel = new MenuItem("Cancel for a refund");
        cancel.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        cancel.setOnAction(event -> model.actions().cancel(selected()));
        ContextMenu menu = new ContextMenu(copyCode, copyNumber, new SeparatorMenuItem(), finish, retry, report,
                new SeparatorMenuItem(), cancel);
        menu.setOnShowing(event -> {
            Rental rental = selected();
            copyCode.setDisable(rental == null || rental.code().isEmpty());
            copyNumber.setDisable(rental == null);
            finish.setDisable(!RentalActions.canFinish(rental));
            retry.setDisable(!RentalActions.canRetry(rental));
            report.setDisable(!RentalActions.canReport(rental));
            cancel.setDisable(!RentalActions.canCancel(rental));
        });
        return menu;
    }

    private Rental selected() {
        RentalItem item = table.getSelectionModel().getSelectedItem();
        return item == null ? null : item.get();
    }

    private Node placeholder() {
        Label text = new Label();
        text.textProperty().bind(model.emptyTextProperty());
        text.setWrapText(true);
        text.setMaxWidth(420);
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        text.getStyleClass().add("text-muted");
        text.setId("rentals-empty");
        Button clear = new Button("Clear filters");
        clear.getStyleClass().add("flat");
        clear.setOnAction(event -> model.clearFilters());
        clear.visibleProperty().bind(model.emptyTextProperty().isEqualTo("No rentals match these filters."));
        clear.managedProperty().bind(clear.visibleProperty());
        Button retry = new Button("Try again");
        retry.setOnAction(event -> model.reload());
        retry.visibleProperty().bind(model.loadErrorProperty().isNotEmpty());
        retry.managedProperty().bind(retry.visibleProperty());
        VBox box = new VBox(12, Icons.RENTALS.node(36), text, clear, retry);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("rentals-placeholder");
        return box;
    }

    private SequentialTransition toastAnimation() {
        FadeTransition in = new FadeTransition(Duration.millis(120), toast);
        in.setToValue(1);
        FadeTransition out = new FadeTransition(Duration.millis(400), toast);
        out.setToValue(0);
        return new SequentialTransition(in, new PauseTransition(Duration.seconds(1.6)), out);
    }

    private static javafx.scene.control.ListCell<RentalStatus> statusCell() {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RentalStatus status, boolean empty) {
                super.updateItem(status, empty);
                setText(empty ? null : status == null ? "All statuses" : capitalize(status.wireName()));
            }
        };
    }

    private static ComboBox<RentalsViewModel.Choice> choices(javafx.collections.ObservableList<RentalsViewModel.Choice> items) {
        ComboBox<RentalsViewModel.Choice> box = new ComboBox<>(items);
        box.getSelectionModel().select(0);
        box.setVisibleRowCount(14);
        return box;
    }

    /** Keeps a choice box and a filter property in step, also when the choices arrive later. */
    private static void linkChoice(ComboBox<RentalsViewModel.Choice> box,
                                   javafx.collections.ObservableList<RentalsViewModel.Choice> items,
                                   javafx.beans.property.StringProperty filter) {
        Function<String, RentalsViewModel.Choice> find = value -> items.stream()
                .filter(choice -> Objects.equals(choice.value(), isBlank(value) ? null : value))
                .findFirst().orElse(items.isEmpty() ? null : items.get(0));
        box.valueProperty().addListener((obs, old, choice) -> {
            if (choice != null) {
                filter.set(choice.value());
            }
        });
        filter.addListener((obs, old, value) -> box.setValue(find.apply(value)));
        items.addListener((javafx.collections.ListChangeListener<RentalsViewModel.Choice>) change ->
                box.setValue(find.apply(filter.get())));
    }

    static String shortId(Rental rental) {
        String id = rental.id();
        return id.length() <= 12 ? id : "…" + id.substring(id.length() - 8);
    }

    private static String created(Rental rental) {
        var zone = ZoneId.systemDefault();
        LocalDate day = rental.createdAt().atZone(zone).toLocalDate();
        return day.equals(LocalDate.now(zone)) ? Formats.time(rental.createdAt())
                : java.time.format.DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH).format(rental.createdAt().atZone(zone));
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
