package com.smsverifyo.client;

import java.util.Locale;

/** The states of a rental: {@code waiting → received → completed}; {@code waiting → cancelled | expired}. */
public enum RentalStatus {
    /** A number is assigned; no code yet. Cancellable with a full refund. */
    WAITING,
    /** At least one code arrived; more messages may still arrive until it ends. */
    RECEIVED,
    /** A received rental after its expiry or {@code finish}. */
    COMPLETED,
    /** Cancelled (or reported) before a code arrived: fully refunded. */
    CANCELLED,
    /** Nothing arrived before {@code expires_at}: fully refunded. */
    EXPIRED,
    /** A state this client does not know (a newer server). */
    UNKNOWN;

    /**
     * @param wire the contract's name, such as {@code waiting}
     * @return the state, or {@link #UNKNOWN}
     */
    public static RentalStatus fromWire(String wire) {
        try {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** @return the contract's name, such as {@code waiting} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether no code can arrive any more: completed, cancelled or expired */
    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED || this == EXPIRED;
    }
}
