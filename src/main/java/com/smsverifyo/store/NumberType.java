package com.smsverifyo.store;

/** What a pool number is: on a real mobile carrier, or a virtual (VoIP) line. */
public enum NumberType {
    MOBILE, VOIP;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static NumberType parse(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
