package com.smsverifyo.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The parts modal sheets are made of: a titled card, labelled inputs with their errors, buttons. */
public final class Sheets {
    private Sheets() {
    }

    /** A sheet: title, optional text, body, then the buttons at the bottom right. */
    public static VBox sheet(String title, String text, Node body, Button... buttons) {
        Label heading = new Label(title);
        heading.getStyleClass().add("sheet-title");
        VBox sheet = new VBox(14, heading);
        if (text != null && !text.isEmpty()) {
            Label lead = new Label(text);
            lead.setWrapText(true);
            lead.getStyleClass().add("sheet-text");
            sheet.getChildren().add(lead);
        }
        if (body != null) {
            sheet.getChildren().add(body);
        }
        sheet.getChildren().add(buttonBar(buttons));
        sheet.setPrefWidth(500);
        return sheet;
    }

    /** Buttons aligned right, in the order given (cancel first, the action last). */
    public static HBox buttonBar(Button... buttons) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, spacer);
        bar.getChildren().addAll(buttons);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("sheet-buttons");
        return bar;
    }

    /** A confirmation: says exactly what will happen, then Cancel or the (red, if it destroys) action. */
    public static VBox confirm(String title, String text, String action, boolean destroys, Runnable confirm,
                               Runnable cancel) {
        Button no = new Button("Cancel");
        no.setId("confirm-cancel");
        no.setCancelButton(true);
        no.setOnAction(event -> cancel.run());
        Button yes = new Button(action);
        yes.setId("confirm-ok");
        yes.getStyleClass().add(destroys ? "danger" : "accent");
        yes.setDefaultButton(true);
        yes.setOnAction(event -> confirm.run());
        return sheet(title, text, null, no, yes);
    }

    /** An input under its label, with its error (or, when fine, its hint) beneath it. */
    public static VBox field(String label, Node input, String hint, ObservableStringValue error) {
        Label caption = new Label(label);
        caption.getStyleClass().add("field-label");
        caption.setLabelFor(input);
        Label below = new Label();
        below.setWrapText(true);
        below.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> error.get().isEmpty() ? (hint == null ? "" : hint) : error.get(), error));
        below.getStyleClass().add("hint");
        if (input.getId() != null) {
            below.setId(input.getId() + "-error");
        }
        error.addListener((obs, old, next) -> {
            below.getStyleClass().removeAll("hint", "field-error");
            below.getStyleClass().add(next.isEmpty() ? "hint" : "field-error");
            input.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), !next.isEmpty());
        });
        below.managedProperty().bind(below.textProperty().isNotEmpty());
        below.visibleProperty().bind(below.textProperty().isNotEmpty());
        return new VBox(5, caption, input, below);
    }

    /** Puts text on the system clipboard. */
    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
