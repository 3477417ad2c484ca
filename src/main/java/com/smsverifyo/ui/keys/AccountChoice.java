package com.smsverifyo.ui.keys;

/**
 * An account keys can belong to: the signed-in account, or one of its customers.
 *
 * @param id   {@code acc_…}
 * @param name its name
 * @param own  whether it is the signed-in account
 */
public record AccountChoice(String id, String name, boolean own) {
    /** How choosers show it. */
    @Override
    public String toString() {
        return own ? name + " (you)" : name;
    }
}
