package com.smsverifyo.ui.common;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads what people type into number fields, the way the API counts. */
public final class Inputs {
    private Inputs() {
    }

    /** {@code 12.50}, {@code $12.5}, {@code 0,45}: dollars, not negative, at most 4 decimals; empty if not. */
    public static Optional<BigDecimal> money(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(text.strip().replace("$", "").replace(',', '.'));
            return value.signum() < 0 || value.stripTrailingZeros().scale() > 4 ? Optional.empty() : Optional.of(value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A whole number within {@code [min, max]}; empty if the text is anything else. */
    public static OptionalInt wholeNumber(String text, int min, int max) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            long value = Long.parseLong(text.strip().replace(",", "").replace("_", ""));
            return value < min || value > max ? OptionalInt.empty() : OptionalInt.of((int) value);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
