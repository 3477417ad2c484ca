package com.smsverifyo.ui.common;

import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The error shown next to one input of a form: its own rule (checked when the person leaves the
 * field or submits), or the server's refusal of it. Once shown, the error follows every change of
 * the input, so it goes away as soon as the input is fixed.
 */
public final class FormField {
    private final String wireName;
    private final Supplier<String> rule;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /**
     * @param wireName the request member the server names in {@code errors[].pointer} ({@code #/name})
     * @param rule     what is wrong with the input now, in words; empty when it is fine
     * @param inputs   the properties the input is made of
     */
    public FormField(String wireName, Supplier<String> rule, Observable... inputs) {
        this.wireName = wireName;
        this.rule = rule;
        for (Observable input : inputs) {
            input.addListener(changed -> {
                if (!error.get().isEmpty()) {
                    check();
                }
            });
        }
    }

    public String wireName() {
        return wireName;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Applies the rule now; returns whether the input is fine. */
    public boolean check() {
        String problem = rule.get();
        error.set(problem == null ? "" : problem);
        return error.get().isEmpty();
    }

    /** Shows the server's reason next to this input. */
    public void refuse(String reason) {
        error.set(reason);
    }

    public void clear() {
        error.set("");
    }
}
