package com.smsverifyo.ui.keys;

import com.smsverifyo.client.ApiKey;
import com.smsverifyo.client.CreatedApiKey;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.Buttons;
import com.smsverifyo.ui.common.Icons;
import com.smsverifyo.ui.common.ModalLayer;
import com.smsverifyo.ui.common.Sheets;
import com.smsverifyo.ui.common.TableTimes;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The API Keys page: the table, the account chooser, and the sheets to create, show once, edit and revoke. */
public final class KeysView {
    private final KeysViewModel model;
    private ModalLayer layer;

    public KeysView(KeysViewModel model) {
        this.model = model;
    }

    public Node build() {
        Label title = new Label("API keys");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Keys let your programs rent numbers and manage this account. "
                + "A new key is shown once, when it is created; revoke a key the moment it may have leaked.");
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.setWrapText(true);
        subtitle.setMaxWidth(620);

        ComboBox<AccountChoice> account = new ComboBox<>(model.accounts());
        account.setId("keys-account");
        account.valueProperty().bindBidirectional(model.shownAccountProperty());
        account.setPrefWidth(220);
        account.setMinWidth(Region.USE_PREF_SIZE);
        Label accountLabel = new Label("Account");
        accountLabel.getStyleClass().add("text-muted");
        accountLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox accountBox = new HBox(8, accountLabel, account);
        accountBox.setAlignment(Pos.CENTER_LEFT);
        accountBox.visibleProperty().bind(model.reseller());
        accountBox.managedProperty().bind(model.reseller());

        Button refresh = Buttons.icon(Icons.REFRESH, "keys-refresh", "Read the keys again", () -> model.load());
        Button create = Buttons.primary("New key", Icons.KEY, "keys-new", () -> model.startCreate());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox heading = new VBox(4, title, subtitle);
        HBox.setHgrow(heading, Priority.SOMETIMES);
        HBox header = new HBox(12, heading, spacer, accountBox, refresh, create);
        header.setAlignment(Pos.CENTER_LEFT);

        Label loadError = new Label();
        loadError.setId("keys-load-error");
        loadError.getStyleClass().add("danger-text");
        loadError.textProperty().bind(model.loadErrorProperty());
        loadError.managedProperty().bind(model.loadErrorProperty().isNotEmpty());
        loadError.visibleProperty().bind(model.loadErrorProperty().isNotEmpty());

        TableView<ApiKey> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox page = new VBox(14, header, loadError, table);
        page.getStyleClass().addAll("page", "keys-page");

        layer = new ModalLayer(page);
        model.creatingProperty().addListener((obs, old, form) -> showOrClose(form, this::createSheet, model::cancelCreate));
        model.editingProperty().addListener((obs, old, form) -> showOrClose(form, this::editSheet, model::cancelEdit));
        model.revealedProperty().addListener((obs, old, key) -> showOrClose(key, this::revealSheet, null));
        model.revokingProperty().addListener((obs, old, key) -> showOrClose(key, this::revokeSheet, model::cancelRevoke));
        return layer.node();
    }

    private <T> void showOrClose(T value, Function<T, Region> sheet, Runnable onEscape) {
        if (value == null) {
            if (model.creatingProperty().get() == null && model.editingProperty().get() == null
                    && model.revealedProperty().get() == null && model.revokingProperty().get() == null) {
                layer.close();
            }
        } else {
            layer.open(sheet.apply(value), onEscape);
        }
    }

    // ---- the table ---------------------------------------------------------------------------

    private TableView<ApiKey> table() {
        TableView<ApiKey> table = new TableView<>(model.keys());
        table.setId("keys-table");
        table.getStyleClass().add("keys-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label("No keys for this account yet. Create one with “New key”.");
        empty.getStyleClass().add("text-muted");
        table.setPlaceholder(empty);

        TableColumn<ApiKey, ApiKey> name = column("Name", 140, key -> {
            Label label = text(key.name(), "key-name-cell");
            label.setTooltip(new Tooltip(key.name()));
            return label;
        });
        TableColumn<ApiKey, ApiKey> prefix = column("Key", 118, key -> text(key.prefix(), "mono-cell"));
        TableColumn<ApiKey, ApiKey> scopes = column("Scopes", 128, key -> {
            HBox pills = new HBox(4);
            pills.setAlignment(Pos.CENTER_LEFT);
            key.scopes().forEach(scope -> pills.getChildren().add(pill(scope, "scope-" + scope)));
            return pills;
        });
        TableColumn<ApiKey, ApiKey> account = column("Account", 100, key -> text(model.accountName(key.accountId()), null));
        account.visibleProperty().bind(model.reseller());
        TableColumn<ApiKey, ApiKey> rate = column("Rate/min", 84, key ->
                text(String.format(java.util.Locale.US, "%,d", key.rateLimitPerMinute()), "number-cell"));
        TableColumn<ApiKey, ApiKey> cap = column("Daily cap", 84, key ->
                text(key.dailySpendCap().map(Formats::usd).orElse("none"), key.dailySpendCap().isPresent() ? "number-cell" : "muted-cell"));
        TableColumn<ApiKey, ApiKey> created = column("Created", 82, key -> time(key.createdAt()));
        TableColumn<ApiKey, ApiKey> used = column("Last used", 82, key -> key.lastUsedAt().map(KeysView::time)
                .orElseGet(() -> text("never", "muted-cell")));
        TableColumn<ApiKey, ApiKey> status = column("Status", 76, key -> {
            Label pill = pill(key.isRevoked() ? "revoked" : "active", key.isRevoked() ? "revoked" : "active");
            key.revokedAt().ifPresent(at -> pill.setTooltip(new Tooltip("Revoked " + Formats.dateTime(at))));
            return pill;
        });
        TableColumn<ApiKey, ApiKey> actions = column("", 112, this::actions);
        actions.setSortable(false);
        table.getColumns().setAll(java.util.List.of(name, prefix, scopes, account, rate, cap, created, used, status, actions));
        return table;
    }

    private Node actions(ApiKey key) {
        if (key.isRevoked()) {
            return null;
        }
        Button edit = new Button("Edit");
        edit.setId("key-edit-" + key.id());
        edit.getStyleClass().addAll("flat", "small");
        edit.setTooltip(new Tooltip("Change the name, rate limit or daily cap"));
        edit.setOnAction(event -> model.startEdit(key));
        Button revoke = new Button("Revoke");
        revoke.setId("key-revoke-" + key.id());
        revoke.getStyleClass().addAll("flat", "small", "danger");
        revoke.setOnAction(event -> model.askRevoke(key));
        HBox box = new HBox(4, edit, revoke);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static TableColumn<ApiKey, ApiKey> column(String title, double width, Function<ApiKey, Node> render) {
        TableColumn<ApiKey, ApiKey> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ApiKey key, boolean empty) {
                super.updateItem(key, empty);
                setText(null);
                setGraphic(empty || key == null ? null : render.apply(key));
            }
        });
        return column;
    }

    private static Label text(String value, String style) {
        Label label = new Label(value);
        if (style != null) {
            label.getStyleClass().add(style);
        }
        return label;
    }

    private static Label pill(String value, String style) {
        Label label = new Label(value);
        label.getStyleClass().addAll("status-pill", style);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A short time, with the exact one on hover. */
    private static Label time(java.time.Instant at) {
        Label label = text(TableTimes.of(at), "muted-cell");
        label.setTooltip(new Tooltip(Formats.dateTime(at)));
        return label;
    }

    // ---- the sheets --------------------------------------------------------------------------

    private Region createSheet(KeyForm form) {
        TextField name = input("key-name", form.nameProperty(), "e.g. checkout-worker");
        checkOnLeave(name, form.nameField());

        CheckBox rentals = new CheckBox("rentals — rent numbers, read services and its own account");
        rentals.setId("key-scope-rentals");
        rentals.selectedProperty().bindBidirectional(form.rentalsProperty());
        CheckBox admin = new CheckBox("admin — everything: keys, webhooks, customers, credits, ledger");
        admin.setId("key-scope-admin");
        admin.selectedProperty().bindBidirectional(form.adminProperty());
        VBox scopeBoxes = new VBox(6, rentals, admin);
        scopeBoxes.setId("key-scopes");

        ComboBox<AccountChoice> account = new ComboBox<>(model.accounts());
        account.setId("key-account");
        account.valueProperty().bindBidirectional(form.accountProperty());
        account.setMaxWidth(Double.MAX_VALUE);
        VBox accountField = Sheets.field("Account", account, "The key acts for this account and pays from its balance.",
                form.accountField().errorProperty());
        accountField.visibleProperty().bind(model.reseller());
        accountField.managedProperty().bind(model.reseller());

        VBox body = new VBox(14,
                Sheets.field("Name", name, null, form.nameField().errorProperty()),
                Sheets.field("Scopes", scopeBoxes, null, form.scopesField().errorProperty()),
                accountField,
                limits(form));
        body.getChildren().add(formError(form));

        Button cancel = new Button("Cancel");
        cancel.setId("key-cancel");
        cancel.setOnAction(event -> model.cancelCreate());
        Button submit = new Button("Create key");
        submit.setId("key-create-submit");
        submit.getStyleClass().add("accent");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(model.busyProperty());
        submit.setOnAction(event -> model.create());
        return Sheets.sheet("New API key", null, body, cancel, submit);
    }

    private Region editSheet(KeyForm form) {
        ApiKey key = model.editedProperty().get();
        TextField name = input("key-name", form.nameProperty(), "e.g. checkout-worker");
        checkOnLeave(name, form.nameField());
        VBox body = new VBox(14, Sheets.field("Name", name, null, form.nameField().errorProperty()), limits(form),
                formError(form));
        Button cancel = new Button("Cancel");
        cancel.setId("key-cancel");
        cancel.setOnAction(event -> model.cancelEdit());
        Button save = new Button("Save");
        save.setId("key-edit-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(event -> model.saveEdit());
        return Sheets.sheet("Edit “" + key.name() + "”", key.prefix() + " · the new limits apply from the next request.",
                body, cancel, save);
    }

    private Node limits(KeyForm form) {
        TextField rate = input("key-rate-limit", form.rateLimitProperty(), form.editing() ? "" : "60");
        checkOnLeave(rate, form.rateLimitField());
        TextField cap = input("key-daily-cap", form.dailyCapProperty(), "no cap");
        checkOnLeave(cap, form.dailyCapField());
        VBox rateField = Sheets.field("Rate limit", rate, "Rentals a minute" + (form.editing() ? "." : "; empty for 60."),
                form.rateLimitField().errorProperty());
        VBox capField = Sheets.field("Daily spend cap", cap, "US dollars a day; empty for no cap.",
                form.dailyCapField().errorProperty());
        HBox.setHgrow(rateField, Priority.ALWAYS);
        HBox.setHgrow(capField, Priority.ALWAYS);
        rateField.setPrefWidth(1);
        capField.setPrefWidth(1);
        return new HBox(14, rateField, capField);
    }

    private static Label formError(KeyForm form) {
        Label error = new Label();
        error.setId("key-form-error");
        error.setWrapText(true);
        error.getStyleClass().add("field-error");
        error.textProperty().bind(form.form().errorProperty());
        error.managedProperty().bind(form.form().errorProperty().isNotEmpty());
        error.visibleProperty().bind(form.form().errorProperty().isNotEmpty());
        return error;
    }

    private Region revealSheet(CreatedApiKey created) {
        Label warning = new Label("Copy this key now and keep it somewhere safe. You will not see this key again: "
                + "the server keeps only a fingerprint of it.");
        warning.setId("key-once-warning");
        warning.setWrapText(true);
        warning.setGraphic(Icons.WARNING.node(16));
        warning.getStyleClass().add("once-warning");
        warning.setMaxWidth(Double.MAX_VALUE);

        TextField secret = new TextField(created.secret());
        secret.setId("key-secret");
        secret.setEditable(false);
        secret.getStyleClass().add("secret-field");
        HBox.setHgrow(secret, Priority.ALWAYS);
        Button copy = new Button("Copy", Icons.COPY.node(14));
        copy.setId("key-copy");
        copy.setOnAction(event -> {
            Sheets.copy(secret.getText());
            copy.setText("Copied");
            copy.setGraphic(Icons.CHECK.node(14));
        });
        HBox keyRow = new HBox(8, secret, copy);
        keyRow.setAlignment(Pos.CENTER_LEFT);

        ApiKey key = created.apiKey();
        Label details = new Label("“" + key.name() + "” · " + String.join(", ", key.scopes()) + " · "
                + key.rateLimitPerMinute() + " rentals a minute"
                + key.dailySpendCap().map(c -> " · " + Formats.usd(c) + " a day").orElse("")
                + (model.reseller().get() ? " · " + model.accountName(key.accountId()) : ""));
        details.getStyleClass().add("text-muted");
        details.setWrapText(true);

        Button stored = new Button("I have stored it");
        stored.setId("key-stored");
        stored.getStyleClass().add("accent");
        stored.setOnAction(event -> {
            secret.clear();
            model.acknowledgeKey();
        });
        VBox sheet = Sheets.sheet("Your new API key", null, new VBox(12, warning, keyRow, details), stored);
        sheet.setPrefWidth(600);
        return sheet;
    }

    private Region revokeSheet(ApiKey key) {
        return Sheets.confirm("Revoke “" + key.name() + "”?",
                "The key " + key.prefix() + " stops working at once: every program that uses it gets “401 invalid API "
                        + "key” from its next request. This cannot be undone; the key's history stays.",
                "Revoke key", true, model::revoke, model::cancelRevoke);
    }

    private static TextField input(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        field.setPromptText(prompt);
        return field;
    }

    /** Leaving a field with something in it checks it; leaving it empty waits for the submit. */
    private static void checkOnLeave(TextField input, com.smsverifyo.ui.common.FormField field) {
        input.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && !input.getText().isBlank()) {
                field.check();
            }
        });
    }
}
