package com.smsverifyo.ui.shell;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A page whose view-model wants to hear when the page is shown, hidden and done with; the view is
 * built the first time it is asked for.
 */
public class ModelPage implements Page {

    /** What a page's view-model hears of its page's life. */
    public interface Lifecycle {
        /** The page is shown: refresh what may be stale, follow what is live. */
        default void shown() {
        }

        /** Another page is shown instead: stop following. */
        default void hidden() {
        }

        /** The page is done with: stop timers, subscriptions and work in flight. */
        default void close() {
        }
    }

    private final Lifecycle model;
    private final Supplier<Node> build;
    private Node view;

    public ModelPage(Lifecycle model, Supplier<Node> build) {
        this.model = Objects.requireNonNull(model);
        this.build = Objects.requireNonNull(build);
    }

    @Override
    public final Node view() {
        if (view == null) {
            view = build.get();
        }
        return view;
    }

    @Override
    public final void shown() {
        model.shown();
    }

    @Override
    public final void hidden() {
        model.hidden();
    }

    @Override
    public final void dispose() {
        model.close();
    }
}
