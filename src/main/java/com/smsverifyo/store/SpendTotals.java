package com.smsverifyo.store;

/** Net spend of one owner (account or key) on the last day of a period and over the whole period. */
public record SpendTotals(long lastDayMicros, long periodMicros) {
    public static final SpendTotals NONE = new SpendTotals(0, 0);
}
