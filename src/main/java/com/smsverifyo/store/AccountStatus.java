package com.smsverifyo.store;

public enum AccountStatus {
    ACTIVE, SUSPENDED;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static AccountStatus parse(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
