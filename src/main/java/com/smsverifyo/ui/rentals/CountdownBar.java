package com.smsverifyo.ui.rentals;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.layout.Region;

/**
 * A thin bar of the time a rental has left: two regions, far lighter than a {@code ProgressBar}
 * (a control with a skin), which matters with a bar in every visible row of a table that scrolls.
 * Its phase ({@code :running}, {@code :ending}, {@code :over}, {@code :ended}) colours it through CSS.
 */
final class CountdownBar extends Region {
    private final Region fill = new Region();
    private double progress;

    CountdownBar(double width) {
        getStyleClass().add("countdown-bar");
        fill.getStyleClass().add("countdown-fill");
        getChildren().add(fill);
        setPrefSize(width, 6);
        setMinSize(width, 6);
        setMaxSize(Double.MAX_VALUE, 6);
    }

    /** Shows a countdown: the share of time left, and its phase. */
    void show(Countdown countdown) {
        if (countdown.progress() != progress) {
            progress = countdown.progress();
            requestLayout();
        }
        phase(this, countdown.phase());
        setVisible(countdown.phase() != Countdown.Phase.ENDED);
    }

    @Override
    protected void layoutChildren() {
        fill.resizeRelocate(0, 0, Math.round(getWidth() * progress), getHeight());
    }

    /** Marks a node with a countdown's phase, for CSS. */
    static void phase(javafx.scene.Node node, Countdown.Phase current) {
        for (Countdown.Phase phase : Countdown.Phase.values()) {
            node.pseudoClassStateChanged(PSEUDO[phase.ordinal()], phase == current);
        }
    }

    private static final PseudoClass[] PSEUDO = java.util.Arrays.stream(Countdown.Phase.values())
            .map(phase -> PseudoClass.getPseudoClass(phase.name().toLowerCase(Locale.ROOT)))
            .toArray(PseudoClass[]::new);
}
