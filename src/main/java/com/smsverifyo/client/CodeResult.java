package com.smsverifyo.client;

import java.util.Optional;

/**
 * How {@link SmsVerifyoClient#awaitCode} ended.
 *
 * @param outcome what happened
 * @param rental  the rental as last seen
 * @param source  how that state was learnt
 */
public record CodeResult(Outcome outcome, Rental rental, WatchSource source) {
    /** How the wait ended. */
    public enum Outcome {
        /** A code arrived (the rental is {@code received}, or already {@code completed}). */
        CODE_RECEIVED,
        /** The rental was cancelled (or reported) first. */
        CANCELLED,
        /** The rental expired with no code. */
        EXPIRED,
        /** The timeout passed first; the rental may still receive a code. */
        TIMED_OUT
    }

    /** @return the code, when one arrived */
    public Optional<String> code() {
        return outcome == Outcome.CODE_RECEIVED ? rental.code() : Optional.empty();
    }

    /**
     * The outcome a rental's state means, if the wait is over.
     *
     * @param rental the rental
     * @return the outcome, or empty while it is still waiting
     */
    static Optional<Outcome> of(Rental rental) {
        return switch (rental.status()) {
            case RECEIVED, COMPLETED -> Optional.of(Outcome.CODE_RECEIVED);
            case CANCELLED -> Optional.of(Outcome.CANCELLED);
            case EXPIRED -> Optional.of(Outcome.EXPIRED);
            default -> Optional.empty();
        };
    }
}
