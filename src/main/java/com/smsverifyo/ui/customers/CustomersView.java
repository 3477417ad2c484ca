package com.smsverifyo.ui.customers;

import com.smsverifyo.client.Account;
import com.smsverifyo.ui.common.Columns;
import com.smsverifyo.ui.common.Icons;
import com.smsverifyo.ui.customers.CustomersViewModel.Access;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * The Customers page: the list and one customer's detail side by side, or the tiers and prices
 * editor; for a key that is not the owner's admin, a clear "only for the account owner" state.
 */
public final class CustomersView {
    private final CustomersViewModel model;
    private final ToggleButton customersMode = new ToggleButton("Customers");
    private final ToggleButton catalogMode = new ToggleButton("Tiers & prices");
    private TextField search;

    public CustomersView(CustomersViewModel model) {
        this.model = model;
    }

    public Node build() {
        Label title = new Label("Customers");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Balances, tiers and spend of your customers; their rentals, keys and ledger.");
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.setWrapText(true);

        ToggleGroup modes = new ToggleGroup();
        customersMode.setId("customers-mode-list");
        catalogMode.setId("customers-mode-catalog");
        customersMode.setToggleGroup(modes);
        catalogMode.setToggleGroup(modes);
        customersMode.getStyleClass().add("left-pill");
        catalogMode.getStyleClass().add("right-pill");
        customersMode.setSelected(true);
        modes.selectedToggleProperty().addListener((obs, old, next) -> {
            if (next == null) {
                old.setSelected(true);
            }
        });
        HBox modeBox = new HBox(customersMode, catalogMode);
        modeBox.setMinWidth(Region.USE_PREF_SIZE);

        Button add = new Button("New customer", Icons.PLUS.node(14));
        add.setId("customers-new");
        add.getStyleClass().add("accent");
        add.visibleProperty().bind(customersMode.selectedProperty());
        add.managedProperty().bind(add.visibleProperty());
        add.setOnAction(event -> CustomerDialogs.newCustomer(add, model.newCustomerForm(), model.tiers(), model::added));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        add.setMinWidth(Region.USE_PREF_SIZE);
        HBox right = new HBox(10, modeBox, add);
        right.setMinWidth(Region.USE_PREF_SIZE);
        right.setAlignment(Pos.CENTER_RIGHT);
        right.visibleProperty().bind(model.accessProperty().isEqualTo(Access.OWNER));
        HBox header = new HBox(12, new VBox(4, title, subtitle), spacer, right);
        header.setAlignment(Pos.CENTER_LEFT);

        Node content = ownerContent();
        Node body = new StackPane(loadingState(), notOwnerState(), failedState(), content);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox page = new VBox(16, header, body);
        page.getStyleClass().addAll("page", "customers-page");
        return page;
    }

    /** Focuses the customer search (Ctrl+F). */
    void focusSearch() {
        if (search != null) {
            customersMode.setSelected(true);
            search.requestFocus();
        }
    }

    private Node ownerContent() {
        SplitPane split = new SplitPane(listCard(), new CustomerDetailView(model).build());
        // The list above, the open customer below: both get the page's whole width for their columns.
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        split.getStyleClass().add("customers-split");
        split.visibleProperty().bind(customersMode.selectedProperty());
        Node catalog = new CatalogEditorView(model.catalog()).build();
        catalog.visibleProperty().bind(catalogMode.selectedProperty());
        StackPane content = new StackPane(split, catalog);
        content.visibleProperty().bind(model.accessProperty().isEqualTo(Access.OWNER));
        return content;
    }

    private Node listCard() {
        search = new TextField();
        search.setId("customers-search");
        search.setPromptText("Search by name or id");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button refresh = new Button(null, Icons.REFRESH.node(14));
        refresh.setId("customers-refresh");
        refresh.getStyleClass().addAll("flat", "button-icon");
        refresh.setTooltip(new Tooltip("Read the customers again"));
        refresh.disableProperty().bind(model.loadingProperty());
        refresh.setOnAction(event -> model.load());
        HBox tools = new HBox(8, search, refresh);
        tools.setAlignment(Pos.CENTER_LEFT);

        TableView<Account> table = new TableView<>(model.shown());
        table.setId("customers-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("Name", 260, Account::name, "name-cell"));
        table.getColumns().add(Cells.money("Balance", 130, Account::balance));
        table.getColumns().add(Columns.text("Tier", 110, Account::tier, null));
        table.getColumns().add(Cells.pill("Status", 110, Account::status));
        table.getColumns().add(Cells.money("Spent today", 120, Account::spentToday));
        table.getColumns().add(Cells.money("Spent 30 days", 120, Account::spent30d));
        table.getColumns().forEach(column -> column.setMinWidth(column.getPrefWidth() * 0.6));
        Label empty = new Label();
        empty.setWrapText(true);
        empty.setTextAlignment(TextAlignment.CENTER);
        empty.getStyleClass().add("text-muted");
        empty.textProperty().bind(Bindings.createStringBinding(() -> model.customers().isEmpty()
                ? "No customers yet. Open one with 'New customer', credit it, and give it a key on the API Keys page."
                : "No customer matches '" + model.searchProperty().get().strip() + "'.", model.customers(), model.searchProperty()));
        table.setPlaceholder(empty);
        // The list may lose its selection (a search hides the row, a reload replaces the items); the
        // open customer stays open, and its row is highlighted again when it is back.
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, next) -> {
            if (next != null) {
                model.selectedProperty().set(next);
            }
        });
        Runnable highlight = () -> {
            Account open = model.selectedProperty().get();
            if (open == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != open) {
                table.getSelectionModel().select(open);
            }
        };
        model.selectedProperty().addListener((obs, old, next) -> {
            highlight.run();
            if (next != null) {
                table.scrollTo(next);
            }
        });
        model.shown().addListener((javafx.collections.ListChangeListener<Account>) change -> highlight.run());
        VBox.setVgrow(table, Priority.ALWAYS);

        Label error = new Label();
        error.getStyleClass().add("danger-text");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        Label count = new Label();
        count.getStyleClass().add("hint");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.customers().size() == 1 ? "1 customer"
                : model.customers().size() + " customers", model.customers()));
        HBox footer = new HBox(10, count, error);
        footer.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(10, tools, table, footer);
        card.getStyleClass().addAll("card", "customers-list");
        card.setMinHeight(180);
        return card;
    }

    private Node loadingState() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(32, 32);
        VBox box = new VBox(spinner);
        box.setAlignment(Pos.CENTER);
        box.visibleProperty().bind(model.accessProperty().isEqualTo(Access.LOADING));
        return box;
    }

    private Node notOwnerState() {
        Label title = new Label("Only for the account owner");
        title.setId("customers-owner-only");
        title.getStyleClass().add("title-3");
        Label text = new Label("Customers, tiers and prices are managed with the server owner's admin key. "
                + "This key belongs to a customer account, or it has no admin scope.");
        text.setWrapText(true);
        text.setTextAlignment(TextAlignment.CENTER);
        text.setMaxWidth(480);
        text.getStyleClass().add("text-muted");
        Label detail = new Label();
        detail.setWrapText(true);
        detail.setMaxWidth(480);
        detail.setTextAlignment(TextAlignment.CENTER);
        detail.getStyleClass().add("hint");
        detail.textProperty().bind(Bindings.concat("The server said: ", model.accessDetailProperty()));
        VBox box = new VBox(12, Icons.CUSTOMERS.node(48), title, text, detail);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        box.visibleProperty().bind(model.accessProperty().isEqualTo(Access.NOT_OWNER));
        return box;
    }

    private Node failedState() {
        Label title = new Label("Customers could not be read");
        title.getStyleClass().add("title-3");
        Label text = new Label();
        text.setWrapText(true);
        text.setMaxWidth(480);
        text.setTextAlignment(TextAlignment.CENTER);
        text.getStyleClass().add("danger-text");
        text.textProperty().bind(model.errorProperty());
        Button retry = new Button("Try again", Icons.REFRESH.node(14));
        retry.setOnAction(event -> model.load());
        VBox box = new VBox(12, Icons.WARNING.node(40), title, text, retry);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        box.visibleProperty().bind(model.accessProperty().isEqualTo(Access.FAILED));
        return box;
    }
}
