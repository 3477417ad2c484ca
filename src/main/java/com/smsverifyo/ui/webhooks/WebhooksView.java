package com.smsverifyo.ui.webhooks;

import com.smsverifyo.client.Webhook;
import com.smsverifyo.client.WebhookAttempt;
import com.smsverifyo.client.WebhookDelivery;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.Buttons;
import com.smsverifyo.ui.common.Icons;
import com.smsverifyo.ui.common.ModalLayer;
import com.smsverifyo.ui.common.Sheets;
import com.smsverifyo.ui.common.TableTimes;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Webhooks page: endpoints with health on the left, the chosen one's secret, log and code on the right. */
public final class WebhooksView {
    private static final String HIDDEN_SECRET = "whsec_" + "•".repeat(32);

    private final WebhooksViewModel model;
    private ModalLayer layer;

    public WebhooksView(WebhooksViewModel model) {
        this.model = model;
    }

    public Node build() {
        Label title = new Label("Webhooks");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("The server POSTs each event to your endpoints, signed, at least once, and keeps every "
                + "attempt. Check an endpoint with a test event; send any message again from its log.");
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.setWrapText(true);
        subtitle.setMaxWidth(620);
        Button refresh = Buttons.icon(Icons.REFRESH, "webhooks-refresh", "Read the endpoints and their logs again", () -> model.load());
        Button add = Buttons.primary("Add endpoint", Icons.WEBHOOK, "webhooks-add", () -> model.startAdd());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox heading = new VBox(4, title, subtitle);
        HBox.setHgrow(heading, Priority.SOMETIMES);
        HBox header = new HBox(12, heading, spacer, refresh, add);
        header.setAlignment(Pos.CENTER_LEFT);

        Label loadError = new Label();
        loadError.setId("webhooks-load-error");
        loadError.getStyleClass().add("danger-text");
        loadError.textProperty().bind(model.loadErrorProperty());
        loadError.managedProperty().bind(model.loadErrorProperty().isNotEmpty());
        loadError.visibleProperty().bind(model.loadErrorProperty().isNotEmpty());

        Node list = endpointList();
        Node detail = detail();
        Node empty = emptyState();
        HBox body = new HBox(16, list, detail);
        HBox.setHgrow(detail, Priority.ALWAYS);
        var none = Bindings.isEmpty(model.endpoints());
        body.visibleProperty().bind(none.not());
        body.managedProperty().bind(none.not());
        empty.visibleProperty().bind(none.and(model.loadingProperty().not()));
        empty.managedProperty().bind(empty.visibleProperty());
        StackPane content = new StackPane(body, empty);
        VBox.setVgrow(content, Priority.ALWAYS);

        VBox page = new VBox(14, header, loadError, content);
        page.getStyleClass().addAll("page", "webhooks-page");
        layer = new ModalLayer(page);
        model.addingProperty().addListener((obs, old, form) -> showOrClose(form, this::addSheet, model::cancelAdd));
        model.rotatingProperty().addListener((obs, old, hook) -> showOrClose(hook, this::rotateSheet, model::cancelRotate));
        model.deletingProperty().addListener((obs, old, hook) -> showOrClose(hook, this::deleteSheet, model::cancelDelete));
        return layer.node();
    }

    private <T> void showOrClose(T value, Function<T, Region> sheet, Runnable onEscape) {
        if (value != null) {
            layer.open(sheet.apply(value), onEscape);
        } else if (model.addingProperty().get() == null && model.rotatingProperty().get() == null
                && model.deletingProperty().get() == null) {
            layer.close();
        }
    }

    private Node emptyState() {
        Label heading = new Label("No webhook endpoints yet");
        heading.getStyleClass().add("title-3");
        Label text = new Label("Add the URL of your receiver and the server will POST every code to it the moment it "
                + "arrives: no polling, retried for a day if your receiver is down.");
        text.setWrapText(true);
        text.setMaxWidth(440);
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        text.getStyleClass().add("text-muted");
        Button add = new Button("Add endpoint", Icons.WEBHOOK.node(14));
        add.setId("webhooks-empty-add");
        add.getStyleClass().add("accent");
        add.setOnAction(event -> model.startAdd());
        VBox box = new VBox(12, Icons.WEBHOOK.node(44), heading, text, add);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }

    // ---- the list of endpoints --------------------------------------------------------------

    private Node endpointList() {
        ListView<EndpointRow> list = new ListView<>(model.endpoints());
        list.setId("webhooks-list");
        list.getStyleClass().add("endpoint-list");
        list.setPrefWidth(280);
        list.setMinWidth(280);
        list.setMaxWidth(280);
        list.setCellFactory(view -> new EndpointCell());
        model.selectedProperty().addListener((obs, old, next) -> {
            if (next != null && list.getSelectionModel().getSelectedItem() != next) {
                list.getSelectionModel().select(next);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, next) -> {
            if (next != null && next != model.selectedProperty().get()) {
                model.selectedProperty().set(next);
            }
        });
        return list;
    }

    /** One endpoint: its address, and a line of health under a coloured state; follows its row's health. */
    private static final class EndpointCell extends ListCell<EndpointRow> {
        private final javafx.beans.value.ChangeListener<EndpointHealth> follow = (obs, old, next) -> show(next);
        private EndpointRow watched;

        @Override
        protected void updateItem(EndpointRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (watched != null) {
                watched.healthProperty().removeListener(follow);
                watched = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            watched = row;
            row.healthProperty().addListener(follow);
            show(row.health());
        }

        private void show(EndpointHealth row) {
            Label url = new Label(row.webhook().url());
            url.getStyleClass().add("endpoint-url");
            url.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            url.setMaxWidth(250);
            Label health = new Label(row.summary());
            health.getStyleClass().addAll("text-muted", "endpoint-summary");
            health.setMaxWidth(250);
            HBox state = new HBox(6, pill(row.state()), new Label(events(row.webhook())));
            ((Label) state.getChildren().get(1)).getStyleClass().add("endpoint-events");
            state.setAlignment(Pos.CENTER_LEFT);
            setGraphic(new VBox(4, url, state, health));
            setTooltip(new Tooltip(row.webhook().url() + "\n" + row.summary()));
        }
    }

    private static String events(Webhook webhook) {
        long shown = webhook.events().stream().filter(e -> !e.equals("webhook.test")).count();
        return shown == WebhookForm.EVENTS.size() ? "all events" : shown == 1 ? "1 event" : shown + " events";
    }

    private static Label pill(EndpointHealth.State state) {
        Label pill = new Label(state.label());
        pill.getStyleClass().addAll("status-pill", "health-" + state.name().toLowerCase(Locale.ROOT));
        pill.setMinWidth(Region.USE_PREF_SIZE);
        return pill;
    }

    // ---- the chosen endpoint ----------------------------------------------------------------

    private Node detail() {
        Label url = new Label();
        url.setId("webhook-url-title");
        url.getStyleClass().add("endpoint-title");
        url.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        HBox.setHgrow(url, Priority.SOMETIMES);
        Label state = new Label();
        state.setId("webhook-state");
        Button test = new Button("Send test event", Icons.WEBHOOK.node(14));
        test.setId("webhook-test");
        test.getStyleClass().add("accent");
        test.setOnAction(event -> model.sendTest());
        Button toggle = new Button();
        toggle.setId("webhook-toggle");
        toggle.setOnAction(event -> model.setEnabled(!enabled()));
        Button delete = new Button("Delete");
        delete.setId("webhook-delete");
        delete.getStyleClass().addAll("flat", "danger");
        delete.setOnAction(event -> model.askDelete());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        url.setMinWidth(120);
        for (Region fixed : new Region[] {state, test, toggle, delete}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox top = new HBox(10, url, state, spacer, test, toggle, delete);
        top.setAlignment(Pos.CENTER_LEFT);

        Label health = new Label();
        health.setId("webhook-health");
        health.setWrapText(true);
        Label events = new Label();
        events.setId("webhook-events");
        events.getStyleClass().add("text-muted");
        events.setWrapText(true);

        model.shownProperty().addListener((obs, old, row) -> {
            if (row == null) {
                return;
            }
            Webhook webhook = row.webhook();
            url.setText(webhook.url());
            url.setTooltip(new Tooltip(webhook.url()));
            state.setText(row.state().label());
            state.getStyleClass().setAll("label", "status-pill", "health-" + row.state().name().toLowerCase(Locale.ROOT));
            health.setText(row.summary());
            health.getStyleClass().setAll("label", "health-line", "health-" + row.state().name().toLowerCase(Locale.ROOT));
            events.setText("Sends " + String.join(", ", webhook.events().stream().filter(e -> !e.equals("webhook.test"))
                    .toList()) + " (and test events).");
            toggle.setText(webhook.enabled() ? "Disable" : "Enable");
            toggle.setTooltip(new Tooltip(webhook.enabled() ? "Stop sending; events are held until you enable it again"
                    : "Send again; held events go out at once"));
            test.setDisable(!webhook.enabled());
        });

        TabPane tabs = new TabPane(new Tab("Delivery log", deliveryLog()), new Tab("Verify signatures", samples()));
        tabs.setId("webhook-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox detail = new VBox(10, top, health, events, secretRow(), tabs);
        detail.setId("webhook-detail");
        detail.getStyleClass().addAll("card", "endpoint-detail");
        detail.disableProperty().bind(model.selectedProperty().isNull());
        return detail;
    }

    private boolean enabled() {
        EndpointHealth row = model.shownProperty().get();
        return row != null && row.webhook().enabled();
    }

    private Node secretRow() {
        TextField secret = new TextField(HIDDEN_SECRET);
        secret.setId("webhook-secret");
        secret.setEditable(false);
        secret.getStyleClass().add("secret-field");
        secret.setPrefColumnCount(34);
        secret.textProperty().bind(Bindings.createStringBinding(() -> model.secretProperty().get().isEmpty()
                ? HIDDEN_SECRET : model.secretProperty().get(), model.secretProperty()));
        Button reveal = new Button();
        reveal.setId("webhook-reveal");
        reveal.getStyleClass().add("flat");
        reveal.textProperty().bind(Bindings.when(model.secretProperty().isEmpty()).then("Reveal").otherwise("Hide"));
        reveal.setOnAction(event -> {
            if (model.secretProperty().get().isEmpty()) {
                model.revealSecret();
            } else {
                model.hideSecret();
            }
        });
        Button copy = Buttons.icon(Icons.COPY, "webhook-copy-secret", "Copy the secret", () -> model.copySecret(Sheets::copy));
        Button rotate = new Button("Rotate…");
        rotate.setId("webhook-rotate");
        rotate.getStyleClass().add("flat");
        rotate.setTooltip(new Tooltip("A new secret; the current one keeps signing for 24 hours"));
        rotate.setOnAction(event -> model.askRotate());
        Label caption = new Label("Signing secret");
        caption.getStyleClass().add("field-label");
        HBox row = new HBox(6, caption, secret, reveal, copy, rotate);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setMargin(caption, new javafx.geometry.Insets(0, 6, 0, 0));

        Label grace = new Label();
        grace.setId("webhook-grace");
        grace.getStyleClass().add("hint");
        grace.setWrapText(true);
        model.shownProperty().addListener((obs, old, next) -> grace.setText(model.graceUntil()
                .filter(at -> at.isAfter(Instant.now()))
                .map(at -> "Rotated: until " + Formats.dateTime(at) + " every delivery is signed with both the new and "
                        + "the previous secret, so receivers keep verifying while you update them.").orElse("")));
        grace.managedProperty().bind(grace.textProperty().isNotEmpty());
        grace.visibleProperty().bind(grace.textProperty().isNotEmpty());
        return new VBox(4, row, grace);
    }

    /** The messages on top; the chosen one's attempts and signed body underneath. */
    private Node deliveryLog() {
        TableView<WebhookDelivery> table = new TableView<>(model.deliveries());
        table.setId("webhook-deliveries");
        table.getStyleClass().add("deliveries-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label empty = new Label("Nothing sent yet. “Send test event” shows here within a second.");
        empty.getStyleClass().add("text-muted");
        table.setPlaceholder(empty);
        table.getColumns().setAll(List.of(
                column("Time", 70, d -> d.latestAttempt().map(a -> time(a.attemptedAt()))
                        .orElseGet(() -> text("queued", "muted-cell"))),
                column("Event", 126, d -> text(d.eventType(), "mono-cell")),
                column("Attempts", 80, d -> text(Integer.toString(d.attemptCount()), "number-cell")),
                column("Response", 100, d -> d.latestAttempt().map(WebhooksView::response)
                        .orElseGet(() -> text("—", "muted-cell"))),
                column("Error", 110, d -> d.latestAttempt().map(WebhooksView::error).orElseGet(() -> text("", "error-cell"))),
                column("Next attempt", 118, d -> d.nextAttemptAt().map(WebhooksView::time)
                        .orElseGet(() -> text("—", "muted-cell"))),
                column("Status", 78, d -> pill(d.status().wireName(), "delivery-" + d.status().wireName())),
                column("", 40, d -> {
                    Button again = new Button(null, Icons.REFRESH.node(13));
                    again.getStyleClass().addAll("flat", "button-icon", "small");
                    again.setId("redeliver-" + d.messageId());
                    again.setTooltip(new Tooltip("Redeliver: send this message again now, with the same webhook-id"));
                    again.disableProperty().bind(model.busyProperty());
                    again.setOnAction(event -> model.redeliver(d));
                    return again;
                })));
        // A re-read replaces the rows (a selected row that changed is unselected for a moment): the
        // model keeps the open message and the table follows it, so only a person's choice opens one.
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, next) -> {
            if (next != null) {
                model.openDelivery(next);
            }
        });
        model.openedProperty().addListener((obs, old, open) -> {
            if (open == null) {
                table.getSelectionModel().clearSelection();
            } else if (!open.equals(table.getSelectionModel().getSelectedItem())) {
                table.getSelectionModel().select(open);
            }
        });
        Label logError = new Label();
        logError.getStyleClass().add("danger-text");
        logError.textProperty().bind(model.logErrorProperty());
        logError.managedProperty().bind(model.logErrorProperty().isNotEmpty());
        logError.visibleProperty().bind(model.logErrorProperty().isNotEmpty());
        SplitPane split = new SplitPane(table, messageDetail());
        split.setId("webhook-log-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox box = new VBox(6, logError, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    /** Every attempt of the open message, oldest first, and the exact body that was signed. */
    private Node messageDetail() {
        Label title = new Label();
        title.setId("webhook-message-title");
        title.getStyleClass().add("message-title");
        TableView<WebhookAttempt> attempts = new TableView<>();
        attempts.setId("webhook-attempts");
        attempts.getStyleClass().addAll("deliveries-table", "attempts-table");
        attempts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label none = new Label("No attempt yet: the first one is on its way.");
        none.getStyleClass().add("text-muted");
        attempts.setPlaceholder(none);
        attempts.getColumns().setAll(List.of(
                column("#", 34, a -> text(Integer.toString(attempts.getItems().indexOf(a) + 1), "number-cell")),
                column("Time", 80, a -> time(a.attemptedAt())),
                column("Status", 70, a -> a.statusCode()
                        .map(code -> (Node) pill(Integer.toString(code), a.succeeded() ? "http-ok" : "http-bad"))
                        .orElseGet(() -> text("no answer", "muted-cell"))),
                column("Latency", 66, a -> text(a.latencyMs().map(ms -> ms + " ms").orElse("—"), "muted-cell")),
                column("Error", 150, WebhooksView::error),
                column("Sent", 84, a -> a.manual() ? pill("by hand", "attempt-manual") : text("scheduled", "muted-cell")),
                column("Retry at", 84, a -> a.nextAttemptAt().map(WebhooksView::time)
                        .orElseGet(() -> text("—", "muted-cell")))));
        attempts.setPrefHeight(150);
        TextArea body = new TextArea();
        body.setId("webhook-body");
        body.setEditable(false);
        body.setWrapText(true);
        body.setPrefRowCount(4);
        body.getStyleClass().add("code-sample");
        body.textProperty().bind(model.openedBodyProperty());
        Label bodyCaption = new Label("Body, exactly as signed");
        bodyCaption.getStyleClass().add("field-label");
        VBox detail = new VBox(6, title, attempts, bodyCaption, body);
        VBox.setVgrow(attempts, Priority.ALWAYS);
        detail.getStyleClass().add("message-detail");

        Label hint = new Label("Choose a message to see every attempt and the exact body that was signed.");
        hint.getStyleClass().add("text-muted");
        StackPane pane = new StackPane(detail, hint);
        hint.visibleProperty().bind(model.openedProperty().isNull());
        detail.visibleProperty().bind(model.openedProperty().isNotNull());
        model.openedProperty().addListener((obs, old, open) -> {
            attempts.getItems().setAll(open == null ? List.of() : open.attempts());
            title.setText(open == null ? "" : open.eventType() + " · " + open.messageId() + " · queued "
                    + Formats.dateTime(open.createdAt()) + open.finishedAt().map(at -> " · "
                    + (open.delivered() ? "delivered " : "gave up ") + Formats.dateTime(at)).orElse(""));
        });
        return pane;
    }

    private static <T> TableColumn<T, T> column(String title, double width, Function<T, Node> render) {
        TableColumn<T, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : render.apply(item));
            }
        });
        return column;
    }

    /** The status pill with the latency beside it: {@code [200] 34 ms}. */
    private static Node response(WebhookAttempt attempt) {
        HBox response = new HBox(6);
        response.setAlignment(Pos.CENTER_LEFT);
        response.getChildren().add(attempt.statusCode()
                .map(code -> (Node) pill(Integer.toString(code), attempt.succeeded() ? "http-ok" : "http-bad"))
                .orElseGet(() -> text("—", "muted-cell")));
        attempt.latencyMs().ifPresent(ms -> response.getChildren().add(text(ms + " ms", "muted-cell")));
        return response;
    }

    /** The attempt's error in red beyond its status, whole on hover. */
    private static Label error(WebhookAttempt attempt) {
        Label error = text(attempt.error().map(e -> errorBeyondStatus(e, attempt)).orElse(""), "error-cell");
        attempt.error().ifPresent(e -> error.setTooltip(new Tooltip(e)));
        return error;
    }

    /** The error without the "HTTP 500" the response column already shows: "Internal Server Error". */
    static String errorBeyondStatus(String error, WebhookAttempt attempt) {
        String prefix = attempt.statusCode().map(code -> "HTTP " + code).orElse(null);
        if (prefix == null || !error.startsWith(prefix)) {
            return error;
        }
        String rest = error.substring(prefix.length()).replaceFirst("^[:\\s]+", "");
        return rest.isEmpty() ? "" : Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    /** A short time, with the exact one on hover. */
    private static Label time(Instant at) {
        Label label = text(TableTimes.of(at), "muted-cell");
        label.setTooltip(new Tooltip(Formats.dateTime(at)));
        return label;
    }

    private static Label text(String value, String style) {
        Label label = new Label(value);
        label.getStyleClass().add(style);
        return label;
    }

    private static Label pill(String value, String style) {
        Label label = new Label(value);
        label.getStyleClass().addAll("status-pill", style);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private Node samples() {
        TabPane languages = new TabPane();
        languages.setId("verify-samples");
        languages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        languages.getStyleClass().add("samples");
        for (VerifySamples.Sample sample : VerifySamples.ALL) {
            TextArea code = new TextArea(sample.code());
            code.setId("sample-" + sample.language().toLowerCase(Locale.ROOT));
            code.setEditable(false);
            code.getStyleClass().add("code-sample");
            Button copy = new Button("Copy", Icons.COPY.node(13));
            copy.getStyleClass().addAll("small", "sample-copy");
            copy.setOnAction(event -> {
                Sheets.copy(sample.code());
                copy.setText("Copied");
            });
            StackPane.setAlignment(copy, Pos.TOP_RIGHT);
            StackPane.setMargin(copy, new javafx.geometry.Insets(8, 20, 0, 0));
            languages.getTabs().add(new Tab(sample.language(), new StackPane(code, copy)));
        }
        Label note = new Label("Set WEBHOOK_SECRET to the signing secret above. Verify the raw body before parsing it; "
                + "drop repeats by the webhook-id header (delivery is at least once).");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        VBox box = new VBox(8, note, languages);
        VBox.setVgrow(languages, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    // ---- the sheets --------------------------------------------------------------------------

    private Region addSheet(WebhookForm form) {
        TextField url = new TextField();
        url.setId("webhook-url");
        url.setPromptText("https://shop.example.com/hooks/sms");
        url.textProperty().bindBidirectional(form.urlProperty());
        url.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && !url.getText().isBlank()) {
                form.urlField().check();
            }
        });
        FlowPane choices = new FlowPane(18, 8);
        choices.setId("webhook-events-choice");
        WebhookForm.EVENTS.forEach((type, meaning) -> {
            CheckBox box = new CheckBox(type);
            box.setMnemonicParsing(false); // "rental.code_received" keeps its underscore
            box.setId("webhook-event-" + type.replace('.', '-'));
            box.getStyleClass().add("mono-check");
            box.setTooltip(new Tooltip(meaning));
            box.selectedProperty().bindBidirectional(form.eventProperty(type));
            choices.getChildren().add(box);
        });
        choices.setPrefWrapLength(440);
        Label error = new Label();
        error.setId("webhook-form-error");
        error.setWrapText(true);
        error.getStyleClass().add("field-error");
        error.textProperty().bind(form.form().errorProperty());
        error.managedProperty().bind(form.form().errorProperty().isNotEmpty());
        error.visibleProperty().bind(form.form().errorProperty().isNotEmpty());
        VBox body = new VBox(14,
                Sheets.field("Endpoint URL", url, "The server checks it: addresses on private networks are refused "
                        + "unless the server allows them.", form.urlField().errorProperty()),
                Sheets.field("Events to send", choices, "Test events are always sent.", form.eventsField().errorProperty()),
                error);
        Button cancel = new Button("Cancel");
        cancel.setId("webhook-cancel");
        cancel.setOnAction(event -> model.cancelAdd());
        Button submit = new Button("Add endpoint");
        submit.setId("webhook-add-submit");
        submit.getStyleClass().add("accent");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(model.busyProperty());
        submit.setOnAction(event -> model.add());
        return Sheets.sheet("Add a webhook endpoint", "Each delivery is signed (Standard Webhooks); the signing secret "
                + "is shown once the endpoint is added.", body, cancel, submit);
    }

    private Region rotateSheet(Webhook webhook) {
        return Sheets.confirm("Rotate the signing secret?", "A new secret replaces the current one of " + webhook.url()
                        + ". For the next 24 hours every delivery carries two signatures, one per secret, so receivers "
                        + "that still have the old secret keep verifying while you give them the new one. After that, "
                        + "only the new secret verifies.",
                "Rotate secret", false, model::rotate, model::cancelRotate);
    }

    private Region deleteSheet(Webhook webhook) {
        return Sheets.confirm("Delete this endpoint?", webhook.url() + " gets nothing more: messages waiting for it "
                        + "are dropped and its delivery log is deleted. This cannot be undone.",
                "Delete endpoint", true, model::delete, model::cancelDelete);
    }
}
