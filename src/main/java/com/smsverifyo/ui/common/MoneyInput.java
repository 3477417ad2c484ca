package com.smsverifyo.ui.common;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Dollar amounts as people type them ({@code 12.30}, {@code $12.30}, {@code 1,000.50}, {@code 12,5}),
 * read exactly as the API counts money: a decimal with at most 4 decimals, never a binary float.
 */
public final class MoneyInput {
    /** The most decimals the API keeps. */
    public static final int MAX_DECIMALS = 4;

    private MoneyInput() {
    }

    /**
     * The amount in {@code text}, or empty when it is blank or not an amount. A sign is kept, so
     * callers decide whether negative amounts make sense.
     */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String cleaned = text.strip().replace("$", "").replace(" ", "");
        // Commas group thousands ("1,000.50", "1,000"), except a lone decimal comma ("12,5", "0,45").
        if (cleaned.contains(".") || cleaned.matches("[+-]?\\d{1,3}(,\\d{3})+")) {
            cleaned = cleaned.replace(",", "");
        } else {
            cleaned = cleaned.replace(',', '.');
        }
        if (cleaned.isEmpty() || !cleaned.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(cleaned);
        return value.stripTrailingZeros().scale() > MAX_DECIMALS ? Optional.empty() : Optional.of(value);
    }

    /**
     * Why {@code text} is not a non-negative amount of dollars, in words; empty when it is one (or
     * blank: callers say whether blank is allowed).
     *
     * @param example an amount to show as an example, such as {@code 10.00}
     */
    public static String problem(String text, String example) {
        if (text == null || text.isBlank()) {
            return "";
        }
        Optional<BigDecimal> value = parse(text);
        if (value.isEmpty()) {
            return "Enter an amount in dollars, such as " + example + " (at most 4 decimals).";
        }
        if (value.get().signum() < 0) {
            return "Enter an amount of zero or more.";
        }
        return "";
    }
}
