package com.smsverifyo.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is a {@code long} of micro-dollars everywhere inside; decimals exist only at the edges,
 * with at most 4 places (0.0001 USD), as the contract says.
 */
public final class Money {
    public static final long MICROS_PER_USD = 1_000_000L;
    /** The smallest amount the API shows: 0.0001 USD. */
    public static final long QUANTUM = 100L;

    private Money() {
    }

    /** Exact micro-dollars of a decimal with at most 4 places; throws on more places or overflow. */
    public static long fromUsd(BigDecimal usd) {
        BigDecimal stripped = usd.stripTrailingZeros();
        if (stripped.scale() > 4) {
            throw new ArithmeticException("more than 4 decimal places");
        }
        return usd.movePointRight(6).longValueExact();
    }

    public static long fromUsd(String usd) {
        return fromUsd(new BigDecimal(usd));
    }

    /** The decimal of {@code micros}, rounded to 4 places, without trailing zeros or exponent. */
    public static BigDecimal toUsd(long micros) {
        BigDecimal value = BigDecimal.valueOf(micros, 6).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** {@code micros} less {@code basisPoints}/10000 of it, rounded half-up to the 0.0001 quantum. */
    public static long discount(long micros, int basisPoints) {
        long discounted = BigDecimal.valueOf(micros)
                .multiply(BigDecimal.valueOf(10_000L - basisPoints))
                .divide(BigDecimal.valueOf(10_000L * QUANTUM), 0, RoundingMode.HALF_UP)
                .longValueExact();
        return discounted * QUANTUM;
    }

    public static String format(long micros) {
        return toUsd(micros).toPlainString();
    }
}
