package com.smsverifyo.client;

/**
 * Changes to a customer account; {@code null} leaves a field as it is.
 *
 * @param name   a new name
 * @param tier   a new price tier
 * @param status {@code active} or {@code suspended}
 */
public record AccountUpdate(String name, String tier, String status) {
    /** @return an update that changes nothing yet */
    public static AccountUpdate none() {
        return new AccountUpdate(null, null, null);
    }

    /**
     * @param value the new name
     * @return this update with it
     */
    public AccountUpdate name(String value) {
        return new AccountUpdate(value, tier, status);
    }

    /**
     * @param value the new tier
     * @return this update with it
     */
    public AccountUpdate tier(String value) {
        return new AccountUpdate(name, value, status);
    }

    /** @return this update suspending the account (its keys stop working) */
    public AccountUpdate suspend() {
        return new AccountUpdate(name, tier, "suspended");
    }

    /** @return this update reactivating the account */
    public AccountUpdate activate() {
        return new AccountUpdate(name, tier, "active");
    }
}
