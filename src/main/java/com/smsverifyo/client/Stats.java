package com.smsverifyo.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's figures of an account ({@code GET /v1/stats}), from one snapshot of the server.
 *
 * <p>A rental's <em>wait ends</em> at its first code (a success) or, without one, when it is
 * cancelled, reported or expires; a <em>code</em> is a rental's first code; <em>spend</em> is the
 * price of the rentals charged in a span less what they had refunded.
 *
 * @param accountId        the account
 * @param window           the span of the series and the success rates
 * @param from             the start of the first bucket
 * @param to               the end of the last (current, partial) bucket
 * @param generatedAt      the moment the figures describe
 * @param balance          the balance now, US dollars
 * @param alertThreshold   the balance-alert threshold, if set
 * @param spentToday       charges less refunds this UTC day
 * @param activeRentals    rentals waiting for a code, or received and not yet finished
 * @param codesLastHour    rentals whose first code arrived within the last hour
 * @param successByService per service, the waits that ended in the window, the most used first
 * @param series           every bucket of the window, oldest first, zeros included
 */
public record Stats(String accountId, StatsWindow window, Instant from, Instant to, Instant generatedAt,
                    BigDecimal balance, Optional<BigDecimal> alertThreshold, BigDecimal spentToday, int activeRentals,
                    int codesLastHour, List<ServiceSuccess> successByService, List<Bucket> series) {

    /** @return whether an alert threshold is set and the balance is below it */
    public boolean belowThreshold() {
        return alertThreshold.map(threshold -> balance.compareTo(threshold) < 0).orElse(false);
    }

    /**
     * The success of one service over the window.
     *
     * @param service  its code, such as {@code whatsapp}
     * @param name     its name, such as {@code WhatsApp}
     * @param received waits that ended with a code
     * @param ended    waits that ended, with or without a code
     * @param rate     {@code received ÷ ended}, from 0 to 1
     */
    public record ServiceSuccess(String service, String name, int received, int ended, BigDecimal rate) {
    }

    /**
     * One bucket of the series.
     *
     * @param start   its start (a UTC hour or midnight)
     * @param spend   prices of the rentals charged in it, less what they had refunded
     * @param codes   rentals whose first code arrived in it
     * @param balance the balance at its end (now, for the current bucket)
     */
    public record Bucket(Instant start, BigDecimal spend, int codes, BigDecimal balance) {
    }
}
