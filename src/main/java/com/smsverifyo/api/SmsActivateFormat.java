package com.smsverifyo.api;

import com.smsverifyo.engine.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How values look on the SMS-Activate protocol: amounts, times, phone numbers, and its price parameter. */
final class SmsActivateFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** A cap below every price: what an unreadable {@code maxPrice} becomes. */
    static final long UNMEETABLE_CAP = -1;

    private SmsActivateFormat() {
    }

    /** An amount in text replies: at least two decimals, as the original shows money ({@code 12.50}). */
    static String amount(long micros) {
        BigDecimal usd = Money.toUsd(micros);
        return (usd.scale() < 2 ? usd.setScale(2, RoundingMode.UNNECESSARY) : usd).toPlainString();
    }

    /** Protocol time: {@code 2026-11-29 10:00:00}, UTC. */
    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** The protocol's phone numbers are digits only: E.164 without the {@code +}. */
    static String digits(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }

    /**
     * The {@code maxPrice} parameter in micro-dollars: a decimal with a dot or a comma. Beyond four
     * decimals it is rounded down, so the cap never lets a dearer rental through. Empty means no cap;
     * text that is not a non-negative number is a cap nothing meets (the request is refused, never
     * rented without the limit its sender meant to set).
     */
    static Optional<Long> maxPrice(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal usd = new BigDecimal(text.strip().replace(',', '.'));
            if (usd.signum() < 0 || usd.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                return Optional.of(UNMEETABLE_CAP);
            }
            return Optional.of(Money.fromUsd(usd.setScale(4, RoundingMode.DOWN)));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.of(UNMEETABLE_CAP);
        }
    }
}
