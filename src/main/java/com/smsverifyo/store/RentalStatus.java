package com.smsverifyo.store;

/** The rental state machine: waiting → received → completed; waiting → cancelled | expired. */
public enum RentalStatus {
    WAITING, RECEIVED, COMPLETED, CANCELLED, EXPIRED;

    public boolean open() {
        return this == WAITING || this == RECEIVED;
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RentalStatus parse(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
