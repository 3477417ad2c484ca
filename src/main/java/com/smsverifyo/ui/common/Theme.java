package com.smsverifyo.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light and dark: AtlantaFX's Primer themes plus the app's own stylesheet. */
public enum Theme {
    LIGHT, DARK;

    private static final String DESK_CSS = Theme.class.getResource("/com/smsverifyo/ui/desk.css").toExternalForm();

    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(DESK_CSS)) {
            scene.getStylesheets().add(DESK_CSS);
        }
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(this == DARK ? "theme-dark" : "theme-light");
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }
}
