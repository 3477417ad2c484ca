package com.smsverifyo.ui.customers;

import com.smsverifyo.client.Account;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.Labels;
import com.smsverifyo.ui.customers.CreditForm.Kind;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Customers page's dialogs: a new customer, a credit or correction (with the new balance shown
 * before confirming), and the confirmation of a suspension. Each keeps its form's errors next to
 * the field and stays open until the server said yes.
 */
final class CustomerDialogs {
    private CustomerDialogs() {
    }

    /** Opens the "New customer" dialog; {@code created} hears the account the server opened. */
    static void newCustomer(Node owner, NewCustomerForm form, java.util.List<String> tiers, Consumer<Account> created) {
        Dialog<Void> dialog = dialog(owner, "New customer",
                "A customer account of yours, with a zero balance. Give it credit and keys next.");
        TextField name = new TextField();
        name.setId("new-customer-name");
        name.setPromptText("e.g. Acme QA");
        name.textProperty().bindBidirectional(form.nameProperty());
        ComboBox<String> tier = new ComboBox<>();
        tier.setId("new-customer-tier");
        tier.getItems().setAll(tiers);
        tier.valueProperty().bindBidirectional(form.tierProperty());
        tier.setMaxWidth(Double.MAX_VALUE);

        VBox content = new VBox(6,
                Labels.fieldLabel("Name"), name, error("new-customer-name-error", form.nameError()),
                spacer(), Labels.fieldLabel("Tier"), tier, Labels.hint("The tier's discount applies to the customer's new rentals."),
                error("new-customer-error", form.serverErrorProperty()));
        content.setPrefWidth(380);
        dialog.getDialogPane().setContent(content);
        ButtonType create = new ButtonType("Create customer", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        Button createButton = wide((Button) dialog.getDialogPane().lookupButton(create));
        createButton.setId("new-customer-create");
        createButton.getStyleClass().add("accent");
        createButton.disableProperty().bind(form.submittingProperty());
        createButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            form.submit(account -> {
                created.accept(account);
                dialog.setResult(null);
                dialog.close();
            });
        });
        dialog.setOnShown(event -> name.requestFocus());
        dialog.show();
    }

    /** Opens the credit dialog for {@code form}'s customer; {@code done} hears the account afterwards. */
    static void credit(Node owner, CreditForm form, Consumer<Account> done) {
        Account customer = form.accountProperty().get();
        Dialog<Void> dialog = dialog(owner, "Credit or correct " + customer.name(),
                "A credit tops the balance up; a correction takes money off (never below zero). Both go in the ledger.");
        ToggleGroup kinds = new ToggleGroup();
        ToggleButton credit = new ToggleButton("Credit");
        credit.setId("credit-kind-credit");
        ToggleButton correction = new ToggleButton("Correction");
        correction.setId("credit-kind-correction");
        credit.setToggleGroup(kinds);
        correction.setToggleGroup(kinds);
        credit.getStyleClass().add("left-pill");
        correction.getStyleClass().add("right-pill");
        (form.kindProperty().get() == Kind.CREDIT ? credit : correction).setSelected(true);
        kinds.selectedToggleProperty().addListener((obs, old, next) -> {
            if (next == null) {
                old.setSelected(true);
            } else {
                form.kindProperty().set(next == credit ? Kind.CREDIT : Kind.CORRECTION);
            }
        });
        HBox kindRow = new HBox(credit, correction);

        TextField amount = new TextField();
        amount.setId("credit-amount");
        amount.setPromptText("e.g. 25.00");
        amount.textProperty().bindBidirectional(form.amountProperty());
        TextField note = new TextField();
        note.setId("credit-note");
        note.setPromptText("e.g. Invoice 1042 (optional)");
        note.textProperty().bindBidirectional(form.noteProperty());

        Label preview = new Label();
        preview.setId("credit-preview");
        preview.getStyleClass().add("credit-preview");
        preview.textProperty().bind(Bindings.createStringBinding(() -> form.preview().get().isEmpty()
                ? "Balance " + Formats.usd(form.accountProperty().get().balance()) : form.preview().get(),
                form.preview(), form.accountProperty()));

        VBox content = new VBox(6, kindRow, spacer(),
                Labels.fieldLabel("Amount (US dollars)"), amount, error("credit-amount-error", form.amountError()),
                spacer(), Labels.fieldLabel("Note"), note, error("credit-note-error", form.noteError()),
                spacer(), preview);
        content.setPrefWidth(400);
        dialog.getDialogPane().setContent(content);
        ButtonType confirm = new ButtonType("Confirm", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        Button confirmButton = wide((Button) dialog.getDialogPane().lookupButton(confirm));
        confirmButton.setId("credit-confirm");
        confirmButton.getStyleClass().add("accent");
        confirmButton.textProperty().bind(form.confirmText());
        confirmButton.disableProperty().bind(form.submittingProperty());
        confirmButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            form.submit(fresh -> {
                done.accept(fresh);
                dialog.setResult(null);
                dialog.close();
            });
        });
        dialog.setOnShown(event -> amount.requestFocus());
        form.refreshBalance();
        dialog.show();
    }

    /** Asks before suspending or resuming; {@code confirmed} runs on yes. */
    static void confirmStatus(Node owner, Account customer, boolean suspend, Runnable confirmed) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        style(alert, owner);
        alert.setTitle(suspend ? "Suspend customer" : "Resume customer");
        alert.setHeaderText(suspend ? "Suspend " + customer.name() + "?" : "Resume " + customer.name() + "?");
        alert.setContentText(suspend
                ? "Its API keys stop working at once (403 forbidden); its balance and rentals are kept. You can resume it later."
                : "Its API keys work again at once.");
        Button ok = (Button) alert.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("confirm-ok");
        ok.setText(suspend ? "Suspend" : "Resume");
        if (suspend) {
            ok.getStyleClass().add("danger");
        }
        alert.showAndWait().filter(ButtonType.OK::equals).ifPresent(button -> confirmed.run());
    }

    private static Dialog<Void> dialog(Node owner, String title, String explanation) {
        Dialog<Void> dialog = new Dialog<>();
        style(dialog, owner);
        dialog.setTitle(title);
        Label heading = new Label(title);
        heading.getStyleClass().add("title-3");
        Label text = new Label(explanation);
        text.getStyleClass().add("text-muted");
        text.setWrapText(true);
        VBox header = new VBox(4, heading, text);
        header.getStyleClass().add("dialog-header");
        dialog.getDialogPane().setHeader(header);
        return dialog;
    }

    /** A dialog button that keeps its whole label, however long its bound text gets. */
    private static Button wide(Button button) {
        ButtonBar.setButtonUniformSize(button, false);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** The app's stylesheet and theme on a dialog, owned by the page's window. */
    private static void style(Dialog<?> dialog, Node owner) {
        Window window = owner.getScene() == null ? null : owner.getScene().getWindow();
        if (window != null) {
            dialog.initOwner(window);
            DialogPane pane = dialog.getDialogPane();
            pane.getStylesheets().setAll(owner.getScene().getStylesheets());
            pane.getStyleClass().add("desk-dialog");
        }
    }



    /** A field's error line: always one line tall, so the form does not jump; the dialog grows for longer ones. */
    private static Label error(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.setMinHeight(16);
        label.textProperty().bind(text);
        label.textProperty().addListener((obs, old, next) -> {
            if (label.getScene() != null && label.getScene().getWindow() != null) {
                label.getScene().getWindow().sizeToScene();
            }
        });
        return label;
    }

    private static Node spacer() {
        VBox gap = new VBox();
        gap.setMinHeight(4);
        gap.setAlignment(Pos.CENTER);
        return gap;
    }
}
