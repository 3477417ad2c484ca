package com.smsverifyo.ui.shell;

import com.smsverifyo.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A clear "coming soon" state for pages that a later release builds, never a broken page. */
public final class ComingPage implements Page {
    private final Destination destination;
    private final String what;

    public ComingPage(Destination destination, String what) {
        this.destination = destination;
        this.what = what;
    }

    @Override
    public Node view() {
        Label title = new Label(destination.title() + " is coming");
        title.getStyleClass().add("title-2");
        Label text = new Label(what);
        text.setWrapText(true);
        text.setMaxWidth(460);
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        text.getStyleClass().add("text-muted");
        VBox box = new VBox(14, destination.icon().node(48), title, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("coming-page");
        return box;
    }

    static Icons icon(Destination destination) {
        return destination.icon();
    }
}
