package com.smsverifyo.ui.shell;

import javafx.scene.Node;

/** One page of the shell. Built once, when first shown; told when it comes and goes. */
public interface Page {
    Node view();

    /** The page is shown (refresh what may be stale). */
    default void shown() {
    }

    /** Another page is shown instead. */
    default void hidden() {
    }

    /** The window closes or the connection changes: stop timers, subscriptions. */
    default void dispose() {
    }
}
