package com.smsverifyo.ui.customers;

import com.smsverifyo.client.Account;
import com.smsverifyo.client.ApiKey;
import com.smsverifyo.client.Rental;
import com.smsverifyo.ui.billing.LedgerPanel;
import com.smsverifyo.ui.common.Buttons;
import com.smsverifyo.ui.common.Columns;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.Icons;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One customer: its figures, the actions on it, and its rentals, keys and ledger in tabs. */
final class CustomerDetailView {
    private final CustomersViewModel model;
    private final CustomerDetail detail;

    CustomerDetailView(CustomersViewModel model) {
        this.model = model;
        this.detail = model.detail();
    }

    Node build() {
        Label none = new Label("Select a customer to see its rentals, keys and ledger.");
        none.getStyleClass().add("text-muted");
        none.setWrapText(true);
        VBox empty = new VBox(12, Icons.CUSTOMERS.node(40), none);
        empty.setAlignment(Pos.CENTER);
        empty.getStyleClass().add("empty-state");

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(24, header(), gap, figures());
        top.setAlignment(Pos.CENTER_LEFT);
        VBox open = new VBox(12, top, actions(), tabs());
        VBox.setVgrow(open.getChildren().get(2), Priority.ALWAYS);
        open.visibleProperty().bind(model.selectedProperty().isNotNull());
        empty.visibleProperty().bind(model.selectedProperty().isNull());
        StackPane pane = new StackPane(empty, open);
        pane.setId("customer-detail");
        pane.getStyleClass().addAll("card", "customer-detail");
        pane.setMinHeight(260);
        return pane;
    }

    private Node header() {
        Label name = new Label();
        name.setId("customer-name");
        name.getStyleClass().add("title-3");
        name.textProperty().bind(text(Account::name));
        Label status = new Label();
        status.textProperty().bind(text(Account::status));
        model.selectedProperty().addListener((obs, old, next) -> {
            status.getStyleClass().setAll("label", "status-pill", next == null ? "" : next.status());
        });
        Label id = new Label();
        id.getStyleClass().addAll("mono-cell", "text-muted");
        id.textProperty().bind(text(Account::id));
        HBox title = new HBox(10, name, status);
        title.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, title, id);
    }

    private Node figures() {
        GridPane grid = new GridPane();
        grid.setHgap(28);
        grid.setVgap(2);
        grid.add(caption("Balance"), 0, 0);
        grid.add(value("customer-balance", text(a -> Formats.usd(a.balance()))), 0, 1);
        grid.add(caption("Spent today"), 1, 0);
        grid.add(value("customer-spent-today", text(a -> Formats.usd(a.spentToday()))), 1, 1);
        grid.add(caption("Last 30 days"), 2, 0);
        grid.add(value("customer-spent-30d", text(a -> Formats.usd(a.spent30d()))), 2, 1);

        ComboBox<String> tier = new ComboBox<>(model.tiers());
        tier.setId("customer-tier");
        tier.setTooltip(new Tooltip("The tier's discount prices the customer's new rentals"));
        Runnable showTier = () -> tier.setValue(model.selectedProperty().get() == null ? null : model.selectedProperty().get().tier());
        model.selectedProperty().addListener((obs, old, next) -> showTier.run());
        // New tier names (a catalog save, a reload) replace the items, which clears the value: show it again.
        model.tiers().addListener((javafx.collections.ListChangeListener<String>) change -> showTier.run());
        tier.setOnAction(event -> {
            Account open = model.selectedProperty().get();
            if (open != null && tier.getValue() != null && !tier.getValue().equals(open.tier())) {
                model.changeTier(open, tier.getValue());
            }
        });
        grid.add(caption("Tier"), 3, 0);
        grid.add(tier, 3, 1);
        return grid;
    }

    private Node actions() {
        Button credit = new Button("Credit or correct…", Icons.PLUS.node(14));
        credit.setId("customer-credit");
        credit.getStyleClass().add("accent");
        credit.setOnAction(event -> {
            Account open = model.selectedProperty().get();
            if (open != null) {
                CustomerDialogs.credit(credit, model.creditForm(open), model::credited);
            }
        });
        Button status = new Button();
        status.setId("customer-suspend");
        status.textProperty().bind(Bindings.createStringBinding(() -> suspended() ? "Resume" : "Suspend",
                model.selectedProperty()));
        model.selectedProperty().addListener((obs, old, next) -> status.setGraphic((suspended() ? Icons.PLAY : Icons.PAUSE).node(14)));
        status.setOnAction(event -> {
            Account open = model.selectedProperty().get();
            if (open != null) {
                boolean suspend = open.isActive();
                CustomerDialogs.confirmStatus(status, open, suspend, () -> model.setSuspended(open, suspend));
            }
        });
        Button refresh = Buttons.icon(Icons.REFRESH, "customer-refresh", "Read this customer's rentals, keys and ledger again", () -> detail.reload());
        Label error = new Label();
        error.getStyleClass().add("danger-text");
        error.setWrapText(true);
        error.textProperty().bind(model.actionErrorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, credit, status, error, spacer, refresh);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private boolean suspended() {
        Account open = model.selectedProperty().get();
        return open != null && !open.isActive();
    }

    private Node tabs() {
        Tab rentals = new Tab("Rentals", rentalsTable());
        rentals.setId("customer-tab-rentals");
        Tab keys = new Tab("API keys", keysTable());
        keys.setId("customer-tab-keys");
        VBox ledger = new LedgerPanel(detail.ledger(), "customer").build();
        ledger.getStyleClass().add("tab-body");
        Tab ledgerTab = new Tab("Ledger", ledger);
        ledgerTab.setId("customer-tab-ledger");
        TabPane tabs = new TabPane(rentals, keys, ledgerTab);
        tabs.setId("customer-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // A tab shows what is there now: switching to it reads it again.
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab == rentals) {
                detail.loadRentals();
            } else if (tab == keys) {
                detail.loadKeys();
            } else if (tab == ledgerTab) {
                detail.ledger().reload();
            }
        });
        return tabs;
    }

    private Node rentalsTable() {
        TableView<Rental> table = new TableView<>(detail.rentals());
        table.setId("customer-rentals");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("Created", 140, r -> Formats.dateTime(r.createdAt()), "cell-muted"));
        table.getColumns().add(Columns.text("Service", 90, r -> model.serviceName(r.service()), null));
        table.getColumns().add(Columns.text("Country", 60, Rental::country, null));
        table.getColumns().add(Columns.text("Number", 140, r -> Formats.phone(r.phoneNumber()), "mono-cell"));
        table.getColumns().add(Cells.money("Price", 70, Rental::price));
        table.getColumns().add(Cells.pill("Status", 90, r -> r.status().wireName()));
        table.getColumns().add(Columns.text("Code", 90, r -> r.code().orElse(""), "code-cell"));
        table.setPlaceholder(placeholder(detail.rentalsErrorProperty(), "No rentals yet."));
        return withNote(table, Bindings.createStringBinding(() -> detail.moreRentalsProperty().get()
                ? "The newest " + CustomerDetail.RENTALS_SHOWN + " rentals; the Rentals page has them all." : "",
                detail.moreRentalsProperty()));
    }

    private Node keysTable() {
        TableView<ApiKey> table = new TableView<>(detail.keys());
        table.setId("customer-keys");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("Name", 130, ApiKey::name, null));
        table.getColumns().add(Columns.text("Key", 150, k -> k.prefix() + "…", "mono-cell"));
        table.getColumns().add(Columns.text("Scopes", 110, k -> String.join(", ", k.scopes()), null));
        table.getColumns().add(Columns.text("Per minute", 80, k -> Integer.toString(k.rateLimitPerMinute()), null));
        table.getColumns().add(Columns.text("Daily cap", 80, k -> k.dailySpendCap().map(Formats::usd).orElse("—"), null));
        table.getColumns().add(Columns.text("Last used", 140, k -> k.lastUsedAt().map(Formats::dateTime).orElse("never"), "cell-muted"));
        table.getColumns().add(Cells.pill("Status", 80, k -> k.status().toLowerCase(Locale.ROOT)));
        table.setPlaceholder(placeholder(detail.keysErrorProperty(),
                "No keys yet: create one for this customer on the API Keys page."));
        return withNote(table, Bindings.createStringBinding(() -> ""));
    }

    private static Node withNote(TableView<?> table, StringBinding note) {
        Label label = new Label();
        label.getStyleClass().add("hint");
        label.textProperty().bind(note);
        label.managedProperty().bind(note.isNotEmpty());
        VBox box = new VBox(6, table, label);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private static Label placeholder(ObservableStringValue error, String empty) {
        Label label = new Label();
        label.setWrapText(true);
        label.getStyleClass().add("text-muted");
        label.textProperty().bind(Bindings.createStringBinding(() -> error.get().isEmpty() ? empty : error.get(), error));
        return label;
    }

    private StringBinding text(java.util.function.Function<Account, String> value) {
        return Bindings.createStringBinding(() -> model.selectedProperty().get() == null ? ""
                : value.apply(model.selectedProperty().get()), model.selectedProperty());
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("figure-caption");
        return label;
    }

    private static Label value(String id, StringBinding text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("detail-figure");
        label.textProperty().bind(text);
        return label;
    }
}
