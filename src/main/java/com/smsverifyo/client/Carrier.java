package com.smsverifyo.client;

import java.util.Locale;

/** Which numbers a rental may get. */
public enum Carrier {
    /** Any number of the pool (the default, priced {@code price_usd}). */
    ANY,
    /** Real mobile-carrier numbers only (priced {@code mobile_price_usd}). */
    MOBILE,
    /** A carrier this client does not know (a newer server). */
    UNKNOWN;

    /**
     * @param wire the contract's name
     * @return the carrier, or {@link #UNKNOWN}
     */
    public static Carrier fromWire(String wire) {
        try {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** @return the contract's name, such as {@code mobile} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
