package com.smsverifyo.ui.common;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A page with room for one modal sheet over it (forms, confirmations, a secret shown once). The
 * sheet lives in the window, so it takes the theme with it; the dimmed backdrop swallows clicks,
 * so nothing is dismissed by accident. Escape does only what the sheet allows.
 */
public final class ModalLayer {
    private final Node content;
    private final StackPane overlay = new StackPane();
    private final StackPane root;
    private Runnable onEscape;

    public ModalLayer(Node content) {
        this.content = content;
        overlay.getStyleClass().add("modal-backdrop");
        overlay.setVisible(false);
        overlay.addEventHandler(MouseEvent.ANY, MouseEvent::consume);
        overlay.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                if (onEscape != null) {
                    onEscape.run();
                }
            }
        });
        root = new StackPane(content, overlay);
    }

    public Node node() {
        return root;
    }

    /**
     * Shows {@code sheet} over the page.
     *
     * @param onEscape what Escape does ({@code null}: nothing, the sheet must be closed by its buttons)
     */
    public void open(Region sheet, Runnable onEscape) {
        this.onEscape = onEscape;
        sheet.getStyleClass().add("modal-sheet");
        sheet.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        // Pinned near the top: a sheet that grows (an error under a field) grows downwards, and
        // nothing the person is about to click moves.
        StackPane.setAlignment(sheet, Pos.TOP_CENTER);
        StackPane.setMargin(sheet, new Insets(72, 24, 24, 24));
        overlay.getChildren().setAll(sheet);
        overlay.setVisible(true);
        content.setDisable(true);
        Platform.runLater(() -> {
            Node first = sheet.lookup(".text-input");
            (first != null ? first : sheet).requestFocus();
        });
    }

    public void close() {
        overlay.getChildren().clear();
        overlay.setVisible(false);
        content.setDisable(false);
        onEscape = null;
    }

    public boolean isOpen() {
        return overlay.isVisible();
    }
}
