package com.smsverifyo.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Form inputs as every page shows them: a label above, and the reason (or, while fine, a hint) beneath. */
public final class FormFields {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("danger");

    private FormFields() {
    }

    /**
     * An input under its label, with its reason (or, while fine, its hint) beneath; the reason's
     * label has the id {@code <input id>-error}.
     */
    public static VBox field(String label, TextField input, String hint, ObservableStringValue error) {
        Label caption = new Label(label);
        caption.getStyleClass().add("field-label");
        caption.setLabelFor(input);
        Label below = new Label();
        below.setId(input.getId() + "-error");
        below.setWrapText(true);
        below.textProperty().bind(Bindings.createStringBinding(() -> error.get().isEmpty() ? hint : error.get(), error));
        Runnable style = () -> {
            boolean invalid = !error.get().isEmpty();
            below.getStyleClass().removeAll("hint", "field-error");
            below.getStyleClass().add(invalid ? "field-error" : "hint");
            input.pseudoClassStateChanged(INVALID, invalid);
        };
        error.addListener((obs, old, next) -> style.run());
        style.run();
        return new VBox(5, caption, input, below);
    }
}
