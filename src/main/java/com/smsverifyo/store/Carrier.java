package com.smsverifyo.store;

/** What a rental asks for: any number, or real mobile-carrier numbers only. */
public enum Carrier {
    ANY, MOBILE;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Carrier parse(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
