package com.smsverifyo.ui.rentals;

import java.time.Duration;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.SetChangeListener;
import javafx.collections.WeakSetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;

/**
 * A table row that glows when its rental's code arrives, then fades. The glow is a translucent
 * green layer over the row's own background ({@code -flash-color}, set inline and animated), so it
 * reads the same in light and dark, selected or not.
 */
final class RentalRow extends TableRow<RentalItem> {
    private static final PseudoClass FLASH = PseudoClass.getPseudoClass("flash");
    private static final double STRONGEST = 0.55;

    private final RentalsViewModel model;
    private final DoubleProperty glow = new SimpleDoubleProperty();
    private final SetChangeListener<String> flashes = change -> {
        RentalItem item = getItem();
        if (change.wasAdded() && item != null && change.getElementAdded().equals(item.id())) {
            startFlash(item.id());
        }
    };
    private Timeline fade;
    private String flashingId;

    RentalRow(RentalsViewModel model) {
        this.model = model;
        model.flashing().addListener(new WeakSetChangeListener<>(flashes));
        glow.addListener((obs, old, value) -> setStyle(String.format(Locale.ROOT,
                "-flash-color: rgba(46, 160, 67, %.3f);", value.doubleValue())));
    }

    @Override
    protected void updateItem(RentalItem item, boolean empty) {
        super.updateItem(item, empty);
        String id = empty || item == null ? null : item.id();
        if (id == null || !id.equals(flashingId)) {
            stopFlash();
            if (id != null && model.flashing().contains(id)) {
                startFlash(id);
            }
        }
    }

    private void startFlash(String id) {
        Duration age = model.flashAge(id).orElse(Duration.ZERO);
        if (age.compareTo(RentalsViewModel.FLASH) >= 0) {
            return;
        }
        stopFlash();
        flashingId = id;
        pseudoClassStateChanged(FLASH, true);
        fade = new Timeline(
                new KeyFrame(javafx.util.Duration.ZERO, new KeyValue(glow, STRONGEST)),
                new KeyFrame(javafx.util.Duration.millis(RentalsViewModel.FLASH.toMillis() * 0.25),
                        new KeyValue(glow, STRONGEST)),
                new KeyFrame(javafx.util.Duration.millis(RentalsViewModel.FLASH.toMillis()),
                        new KeyValue(glow, 0, Interpolator.EASE_OUT)));
        fade.setOnFinished(event -> stopFlash());
        fade.playFrom(javafx.util.Duration.millis(age.toMillis()));
    }

    private void stopFlash() {
        if (fade != null && fade.getStatus() == Animation.Status.RUNNING) {
            fade.stop();
        }
        fade = null;
        flashingId = null;
        pseudoClassStateChanged(FLASH, false);
        setStyle("");
    }

    /** Whether the row glows now (tests). */
    boolean isFlashing() {
        return flashingId != null;
    }
}
