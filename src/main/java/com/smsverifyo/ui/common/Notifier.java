package com.smsverifyo.ui.common;

import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * Desktop notifications (ControlsFX): errors in words, confirmations, and codes that arrive while
 * the user looks elsewhere. They show in the screen corner even when the window is in the background.
 */
public final class Notifier implements Notices {
    private final Window owner;

    public Notifier(Window owner) {
        this.owner = owner;
    }

    @Override
    public void error(String title, String text) {
        base(title, text).hideAfter(Duration.seconds(8)).showError();
    }

    @Override
    public void info(String title, String text) {
        base(title, text).hideAfter(Duration.seconds(4)).showInformation();
    }

    public void warning(String title, String text) {
        base(title, text).hideAfter(Duration.seconds(10)).showWarning();
    }

    /**
     * A code arrived: shown longer than other notes, with a button that runs {@code copy}; a click
     * anywhere on it does the same and brings the app's window forward. When several arrive at
     * once, more than three collapse into one summary instead of filling the screen.
     */
    public void codeArrived(String title, String text, Runnable copy) {
        base(title, text).graphic(codeIcon()).hideAfter(Duration.seconds(12))
                .action(new Action("Copy code", event -> copy.run()))
                .onAction(event -> {
                    copy.run();
                    if (owner instanceof Stage stage) {
                        stage.toFront();
                    }
                })
                .threshold(3, base("New codes", "Several codes arrived at once; the Rentals page shows each of them.")
                        .graphic(codeIcon()).hideAfter(Duration.seconds(12)))
                .show();
    }

    private static Region codeIcon() {
        Region icon = Icons.CHECK.node(22);
        // The popup is outside the window's scene, so the app's stylesheet does not colour it.
        icon.setStyle("-fx-background-color: #2da44e;");
        return icon;
    }

    private Notifications base(String title, String text) {
        Notifications notification = Notifications.create().title(title).text(text).position(Pos.BOTTOM_RIGHT);
        if (owner != null && owner.isShowing()) {
            notification.owner(owner);
            if (owner.getScene() != null && owner.getScene().getRoot().getStyleClass().contains("theme-dark")) {
                notification.darkStyle();
            }
        }
        return notification;
    }
}
