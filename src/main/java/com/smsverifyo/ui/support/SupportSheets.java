package com.smsverifyo.ui.support;

import static com.smsverifyo.ui.common.FormFields.field;

import com.smsverifyo.ui.common.Formats;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Support page's dialogs, as sheets over the dimmed page (they live in the window, so they take
 * its theme): refund with a reason, and code correction. Each input shows its reason next to it;
 * Escape or Cancel closes, Enter submits.
 */
final class SupportSheets {

    private final SupportViewModel model;
    private final Node page;
    private final StackPane overlay = new StackPane();

    SupportSheets(SupportViewModel model, Node page) {
        this.model = model;
        this.page = page;
        overlay.setId("support-sheet-layer");
        overlay.getStyleClass().add("support-backdrop");
        overlay.setVisible(false);
        overlay.addEventHandler(MouseEvent.ANY, MouseEvent::consume);
        overlay.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                model.closeRefund();
                model.closeCorrection();
            }
        });
        model.refundFormProperty().addListener((obs, old, form) -> show(form == null ? null : refundSheet(form)));
        model.correctionFormProperty().addListener((obs, old, form) -> show(form == null ? null : correctionSheet(form)));
    }

    Node overlay() {
        return overlay;
    }

    private void show(VBox sheet) {
        if (sheet == null) {
            overlay.getChildren().clear();
            overlay.setVisible(false);
            page.setDisable(false);
            return;
        }
        sheet.getStyleClass().add("support-sheet");
        sheet.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(sheet, Pos.CENTER);
        overlay.getChildren().setAll(sheet);
        overlay.setVisible(true);
        page.setDisable(true);
        Platform.runLater(() -> {
            Node first = sheet.lookup(".text-input");
            (first != null ? first : sheet).requestFocus();
            if (first instanceof TextInputControl input) {
                input.selectAll();
            }
        });
    }

    private VBox refundSheet(RefundForm form) {
        TextField amount = new TextField();
        amount.setId("support-refund-amount");
        amount.textProperty().bindBidirectional(form.amountProperty());
        amount.setPrefColumnCount(8);
        TextField reason = new TextField();
        reason.setId("support-refund-reason");
        reason.setPromptText("e.g. the code arrived after the customer gave up");
        reason.textProperty().bindBidirectional(form.reasonProperty());

        Label lead = new Label();
        lead.setWrapText(true);
        lead.getStyleClass().add("support-sheet-text");
        lead.textProperty().bind(Bindings.createStringBinding(() -> "Gives money back to " + form.customer()
                + " as an adjustment on their ledger, with your reason as its note. "
                + (form.refundableProperty().get().signum() == 0 ? "Nothing of this rental can be refunded any more."
                : Formats.usd(form.refundableProperty().get()) + " of it can still be refunded."),
                form.refundableProperty()));

        Button cancel = new Button("Cancel");
        cancel.setId("support-refund-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> model.closeRefund());
        Button submit = new Button();
        submit.setId("support-refund-submit");
        submit.getStyleClass().add("accent");
        submit.setDefaultButton(true);
        submit.textProperty().bind(Bindings.createStringBinding(() -> RefundForm.parse(form.amountProperty().get())
                .filter(value -> value.signum() > 0).map(value -> "Refund " + Formats.usd(value)).orElse("Refund"),
                form.amountProperty()));
        submit.disableProperty().bind(form.busyProperty());
        submit.setOnAction(event -> form.submit());

        return sheet("Refund this rental", lead,
                field("Amount (US dollars)", amount, "Everything still refundable, unless you change it.", form.amountError()),
                field("Reason", reason, "Goes on the customer’s ledger; keep it short and clear.", form.reasonError()),
                formError("support-refund-error", form.formError()), buttons(cancel, submit));
    }

    private VBox correctionSheet(CodeCorrectionForm form) {
        TextField code = new TextField();
        code.setId("support-correct-code");
        code.setPrefColumnCount(12);
        code.getStyleClass().add("support-code-input");
        code.textProperty().bindBidirectional(form.codeProperty());

        Label said = new Label("The SMS said");
        said.getStyleClass().add("field-label");
        Label text = new Label(form.text());
        text.setId("support-correct-sms");
        text.setWrapText(true);
        text.getStyleClass().addAll("support-raw", "support-sms-text");
        text.setMaxWidth(Double.MAX_VALUE);
        Label lead = new Label("Read the right code from the message. If it is the rental’s newest code, the rental "
                + "shows the corrected one at once.");
        lead.setWrapText(true);
        lead.getStyleClass().add("support-sheet-text");

        Button cancel = new Button("Cancel");
        cancel.setId("support-correct-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> model.closeCorrection());
        Button submit = new Button("Save code");
        submit.setId("support-correct-submit");
        submit.getStyleClass().add("accent");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(form.busyProperty());
        submit.setOnAction(event -> form.submit());

        return sheet("Correct the extracted code", lead, new VBox(5, said, text),
                field("Code", code, form.current().map(c -> "Extracted now: " + c).orElse("No code was found in it."),
                        form.codeError()),
                formError("support-correct-error", form.formError()), buttons(cancel, submit));
    }

    private static VBox sheet(String title, Node... parts) {
        Label heading = new Label(title);
        heading.getStyleClass().add("support-sheet-title");
        VBox sheet = new VBox(14, heading);
        sheet.getChildren().addAll(parts);
        sheet.setPrefWidth(480);
        return sheet;
    }

    private static Label formError(String id, ObservableStringValue error) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("danger-text");
        label.textProperty().bind(error);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> !error.get().isEmpty(), error));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static HBox buttons(Button... buttons) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, spacer);
        bar.getChildren().addAll(buttons);
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }
}
