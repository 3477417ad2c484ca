package com.smsverifyo.ui.common;

import javafx.scene.control.Label;

/** The app's recurring labels, styled by desk.css. */
public final class Labels {
    private Labels() {
    }

    /** A label with the given style classes. */
    public static Label styled(String text, String... styleClasses) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }

    /** The name above a form field. */
    public static Label fieldLabel(String text) {
        return styled(text, "field-label");
    }

    /** A quiet explanation that wraps to its container's width. */
    public static Label hint(String text) {
        Label label = styled(text, "hint");
        label.setWrapText(true);
        return label;
    }
}
