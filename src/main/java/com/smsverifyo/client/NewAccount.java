package com.smsverifyo.client;

import java.util.Objects;

/**
 * A new customer account.
 *
 * @param name its name (1–100 characters)
 * @param tier its price tier; {@code null} for the default ({@code retail})
 */
public record NewAccount(String name, String tier) {
    /**
     * Checks the name is given.
     *
     * @param name its name (1–100 characters)
     * @param tier its price tier; {@code null} for the default ({@code retail})
     */
    public NewAccount {
        Objects.requireNonNull(name, "name");
    }
}
