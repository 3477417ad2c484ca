package com.smsverifyo.ui.billing;

import com.smsverifyo.client.Account;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.Icons;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The Billing &amp; Alerts page: figures, the threshold in place, the ledger, the alert history, exports. */
public final class BillingView {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final BillingViewModel model;

    public BillingView(BillingViewModel model) {
        this.model = model;
    }

    public Node build() {
        Label title = new Label("Billing & Alerts");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Your balance, the daily alert threshold, and every credit, charge and refund.");
        subtitle.getStyleClass().add("page-subtitle");
        Button export = new Button("Export CSV…", Icons.DOWNLOAD.node(14));
        export.setId("billing-export");
        export.disableProperty().bind(model.export().running());
        export.setTooltip(new Tooltip("Save the ledger, as the filters show it, as a CSV file"));
        export.setOnAction(event -> chooseAndExport(export));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, new VBox(4, title, subtitle), spacer, export);
        header.setAlignment(Pos.CENTER_LEFT);

        HBox figures = new HBox(14, balanceCard(), spendCard(), thresholdCard());
        figures.getChildren().forEach(card -> HBox.setHgrow(card, Priority.ALWAYS));

        Node ledger = ledgerCard();
        Node history = historyCard();
        HBox main = new HBox(14, ledger, history);
        HBox.setHgrow(ledger, Priority.ALWAYS);
        VBox.setVgrow(main, Priority.ALWAYS);

        VBox page = new VBox(16, header, figures, main);
        page.getStyleClass().addAll("page", "billing-page");
        return page;
    }

    private Node balanceCard() {
        Label value = new Label();
        value.setId("billing-balance");
        value.getStyleClass().add("figure-value");
        value.textProperty().bind(accountText(account -> Formats.usd(account.balance())));
        model.belowThreshold().addListener((obs, was, below) -> value.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("warning"), below));
        value.pseudoClassStateChanged(PseudoClass.getPseudoClass("warning"), model.belowThreshold().get());
        Label note = new Label();
        note.getStyleClass().add("figure-note");
        note.textProperty().bind(Bindings.createStringBinding(() -> model.belowThreshold().get()
                ? "Below your alert threshold" : "Available for rentals", model.belowThreshold()));
        note.pseudoClassStateChanged(PseudoClass.getPseudoClass("warning"), model.belowThreshold().get());
        model.belowThreshold().addListener((obs, was, below) -> note.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("warning"), below));
        return card(Icons.BILLING, "Balance", value, note);
    }

    private Node spendCard() {
        Label today = new Label();
        today.setId("billing-spent-today");
        today.getStyleClass().add("figure-value");
        today.textProperty().bind(accountText(account -> Formats.usd(account.spentToday())));
        Label month = new Label();
        month.setId("billing-spent-30d");
        month.getStyleClass().add("figure-note");
        month.textProperty().bind(accountText(account -> Formats.usd(account.spent30d()) + " in the last 30 days"));
        return card(Icons.RENTALS, "Spent today", today, month);
    }

    private Node thresholdCard() {
        ThresholdEditor editor = model.threshold();
        Label value = new Label();
        value.setId("billing-threshold-value");
        value.getStyleClass().add("figure-value");
        value.textProperty().bind(model.thresholdText());
        Button edit = new Button("Edit");
        edit.setId("billing-threshold-edit");
        edit.getStyleClass().addAll("flat", "small", "accent-text");
        edit.setOnAction(event -> editor.edit(model.accountProperty().get()));
        HBox shown = new HBox(10, value, edit);
        shown.setAlignment(Pos.BASELINE_LEFT);

        TextField field = new TextField();
        field.setId("billing-threshold-field");
        field.setPromptText("e.g. 10.00");
        field.setPrefColumnCount(8);
        field.textProperty().bindBidirectional(editor.textProperty());
        editor.error().addListener((obs, old, next) -> field.pseudoClassStateChanged(INVALID, !next.isEmpty()));
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                editor.save();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                editor.cancel();
            }
        });
        Button save = new Button("Save");
        save.setId("billing-threshold-save");
        save.getStyleClass().addAll("accent", "small");
        save.disableProperty().bind(editor.canSave().not());
        save.setOnAction(event -> editor.save());
        Button cancel = new Button("Cancel");
        cancel.setId("billing-threshold-cancel");
        cancel.getStyleClass().addAll("flat", "small");
        cancel.setOnAction(event -> editor.cancel());
        HBox editRow = new HBox(8, field, save, cancel);
        editRow.setAlignment(Pos.CENTER_LEFT);

        StackPane swap = new StackPane(shown, editRow);
        swap.setAlignment(Pos.CENTER_LEFT);
        shown.visibleProperty().bind(editor.editingProperty().not());
        editRow.visibleProperty().bind(editor.editingProperty());
        editor.editingProperty().addListener((obs, was, editing) -> {
            if (editing) {
                field.requestFocus();
                field.selectAll();
            }
        });

        Label error = new Label();
        error.setId("billing-threshold-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(editor.error());
        Label hint = new Label();
        hint.getStyleClass().add("figure-note");
        hint.setWrapText(true);
        hint.textProperty().bind(Bindings.createStringBinding(() -> editor.editingProperty().get()
                ? "Leave empty to turn alerts off. Enter saves, Esc cancels."
                : "A notification when a charge takes the balance below it (once a day).", editor.editingProperty()));
        hint.visibleProperty().bind(editor.error().isEmpty());
        hint.managedProperty().bind(editor.error().isEmpty());
        error.visibleProperty().bind(editor.error().isNotEmpty());
        error.managedProperty().bind(editor.error().isNotEmpty());
        return card(Icons.WARNING, "Daily alert threshold", swap, new VBox(hint, error));
    }

    private Node card(Icons icon, String caption, Node value, Node note) {
        Label label = new Label(caption, icon.node(14));
        label.getStyleClass().add("figure-caption");
        VBox card = new VBox(6, label, value, note);
        card.getStyleClass().addAll("card", "figure-card");
        card.setMinWidth(220);
        card.setPrefWidth(300);
        return card;
    }

    private Node ledgerCard() {
        Label title = new Label("Ledger");
        title.getStyleClass().add("card-title");
        VBox ledger = new LedgerPanel(model.ledger(), "billing").build();
        VBox.setVgrow(ledger, Priority.ALWAYS);
        VBox card = new VBox(12, title, ledger, exportProgress());
        card.getStyleClass().addAll("card", "ledger-card");
        return card;
    }

    private Node exportProgress() {
        LedgerExport export = model.export();
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setId("billing-export-progress");
        bar.setPrefWidth(180);
        Label counts = new Label();
        counts.setId("billing-export-counts");
        counts.textProperty().bind(Bindings.concat("Exporting… ", export.progressText()));
        Button cancel = new Button("Cancel");
        cancel.setId("billing-export-cancel");
        cancel.getStyleClass().addAll("small");
        cancel.setOnAction(event -> export.cancel());
        HBox running = new HBox(10, Icons.DOWNLOAD.node(14), bar, counts, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(export.running());
        running.managedProperty().bind(export.running());

        Label message = new Label();
        message.setId("billing-export-message");
        message.setWrapText(true);
        message.textProperty().bind(export.messageProperty());
        export.stateProperty().addListener((obs, old, state) -> {
            message.getStyleClass().removeAll("success-text", "danger-text", "hint");
            message.getStyleClass().add(switch (state) {
                case DONE -> "success-text";
                case FAILED -> "danger-text";
                default -> "hint";
            });
        });
        message.visibleProperty().bind(export.running().not().and(export.messageProperty().isNotEmpty()));
        message.managedProperty().bind(message.visibleProperty());
        return new VBox(running, message);
    }

    private Node historyCard() {
        Label title = new Label("Alert history");
        title.getStyleClass().add("card-title");
        Button reread = new Button(null, Icons.REFRESH.node(14));
        reread.setId("billing-alerts-reread");
        reread.getStyleClass().addAll("flat", "button-icon");
        reread.setTooltip(new Tooltip("Read the server's event log again"));
        reread.disableProperty().bind(model.alerts().logStateProperty().isEqualTo(BalanceAlerts.LogState.READING));
        reread.setOnAction(event -> model.alerts().readLog());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, reread);
        header.setAlignment(Pos.CENTER_LEFT);

        ListView<BalanceAlert> list = new ListView<>(model.alerts().alerts());
        list.setId("billing-alerts");
        list.getStyleClass().add("alert-list");
        list.setCellFactory(view -> new AlertCell());
        Label empty = new Label();
        empty.textProperty().bind(Bindings.createStringBinding(() -> switch (model.alerts().logStateProperty().get()) {
            case READING -> "Reading the alerts of the last 7 days…";
            case READ -> "No balance alerts in the last 7 days.";
            default -> "No balance alerts yet.";
        }, model.alerts().logStateProperty()));
        empty.getStyleClass().add("text-muted");
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);

        Label note = new Label();
        note.setId("billing-alerts-note");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.textProperty().bind(model.historyNote());

        VBox card = new VBox(10, header, list, note);
        card.getStyleClass().addAll("card", "history-card");
        card.setPrefWidth(330);
        card.setMinWidth(280);
        card.setMaxWidth(380);
        return card;
    }

    /** One alert: the balance against the threshold, when, whose, and whether it was heard live. */
    private static final class AlertCell extends ListCell<BalanceAlert> {
        AlertCell() {
            // Fit the list's width (long names are cut with an ellipsis), never scroll sideways.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(BalanceAlert alert, boolean empty) {
            super.updateItem(alert, empty);
            setText(null);
            if (empty || alert == null) {
                setGraphic(null);
                return;
            }
            Label amounts = new Label(Formats.usd(alert.balance()) + " left");
            amounts.getStyleClass().add("alert-amount");
            Label threshold = new Label("below " + Formats.usd(alert.threshold()));
            threshold.getStyleClass().add("text-muted");
            HBox top = new HBox(6, amounts, threshold);
            top.setAlignment(Pos.BASELINE_LEFT);
            Label whose = new Label(alert.accountName().isEmpty() ? "Your account" : alert.accountName());
            whose.getStyleClass().add("hint");
            whose.setMinWidth(0);
            Label when = new Label(Formats.dateTime(alert.occurredAt()));
            when.getStyleClass().add("hint");
            VBox text = new VBox(1, top, whose, when);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(10, Icons.WARNING.node(16), text);
            if (alert.live()) {
                Label live = new Label("new");
                live.getStyleClass().add("live-badge");
                live.setMinWidth(Region.USE_PREF_SIZE);
                live.setTooltip(new Tooltip("Arrived while the app was open"));
                row.getChildren().add(live);
            }
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("alert-row");
            setGraphic(row);
        }
    }

    private StringBinding accountText(Function<Account, String> text) {
        return Bindings.createStringBinding(() -> model.accountProperty().get() == null ? "…"
                : text.apply(model.accountProperty().get()), model.accountProperty());
    }

    private void chooseAndExport(Node owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the ledger as CSV");
        chooser.setInitialFileName(model.suggestedFileName(LocalDate.now()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file != null) {
            Path target = file.toPath();
            model.exportTo(target);
        }
    }
}
