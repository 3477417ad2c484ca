package com.smsverifyo.store;

public enum LedgerKind {
    CREDIT, CHARGE, REFUND, ADJUSTMENT;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LedgerKind parse(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
