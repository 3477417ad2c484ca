package com.smsverifyo.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** The app's recurring buttons, so every page's look the same and keep their words whole. */
public final class Buttons {
    private Buttons() {
    }

    /** A flat icon-only button (refresh, reload) with its tooltip saying what it does. */
    public static Button icon(Icons icon, String id, String tooltip, Runnable action) {
        Button button = new Button(null, icon.node(14));
        button.setId(id);
        button.getStyleClass().addAll("flat", "button-icon");
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(event -> action.run());
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** The page's main action ("New key", "Add endpoint"): accent-coloured, never shortened. */
    public static Button primary(String text, Icons icon, String id, Runnable action) {
        Button button = new Button(text, icon.node(14));
        button.setId(id);
        button.getStyleClass().add("accent");
        button.setOnAction(event -> action.run());
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}
