package com.smsverifyo.ui.common;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

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

    private Notifications base(String title, String text) {
        Notifications notification = Notifications.create().title(title).text(text).position(Pos.BOTTOM_RIGHT);
        if (owner != null && owner.isShowing()) {
            notification.owner(owner);
        }
        return notification;
    }
}
