package com.smsverifyo.ui.common;

import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The reason shown next to one input of a form: its own rule, checked on submit, or the server's
 * refusal of it. Once shown it follows every change of the input, so it goes as soon as the input
 * is fixed.
 */
public final class InputError {
    private final Supplier<String> rule;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /**
     * @param rule  what is wrong with the input now, in words; empty when it is fine
     * @param input the property the input edits
     */
    public InputError(Supplier<String> rule, Observable input) {
        this.rule = rule;
        input.addListener(changed -> {
            if (!error.get().isEmpty()) {
                check();
            }
        });
    }

    public ReadOnlyStringProperty property() {
        return error.getReadOnlyProperty();
    }

    /** Applies the rule now; returns whether the input is fine. */
    public boolean check() {
        String problem = rule.get();
        error.set(problem == null ? "" : problem);
        return error.get().isEmpty();
    }

    /** Shows a reason that is not the rule's (the server's). */
    public void show(String reason) {
        error.set(reason);
    }
}
