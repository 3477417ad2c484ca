package com.smsverifyo.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * The dashboard's figures of one account at one moment, read from one snapshot.
 *
 * @param accountId        the account
 * @param window           the span of the series and of the success rates
 * @param from             the start of the first bucket
 * @param to               the end of the last (current) bucket
 * @param generatedAt      the moment the figures describe
 * @param balanceMicros    the balance now
 * @param alertThreshold   the balance-alert threshold, or null when alerts are off
 * @param spentTodayMicros charges less refunds of rentals charged this UTC day
 * @param activeRentals    rentals waiting for a code or received and not yet finished
 * @param codesLastHour    rentals whose first code arrived within the last hour
 * @param successByService per service, the rentals whose wait ended in the window and how many got a code
 * @param series           one bucket per hour (24h) or UTC day (7d), complete, oldest first
 */
public record Stats(String accountId, StatsWindow window, Instant from, Instant to, Instant generatedAt,
                    long balanceMicros, Long alertThreshold, long spentTodayMicros, long activeRentals,
                    long codesLastHour, List<ServiceSuccess> successByService, List<Bucket> series) {

    /**
     * The success of one service: a rental's wait ends at its first code (a success) or when it ends
     * without one (cancelled, reported or expired: a failure).
     *
     * @param service  the service code
     * @param name     its catalog name (the code when the catalog no longer has it)
     * @param received waits that ended with a code
     * @param ended    waits that ended, with or without a code
     */
    public record ServiceSuccess(String service, String name, long received, long ended) {
        /** received ÷ ended, to 4 decimal places. */
        public BigDecimal rate() {
            if (ended == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal rate = BigDecimal.valueOf(received).divide(BigDecimal.valueOf(ended), 4, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros();
            return rate.scale() < 0 ? rate.setScale(0) : rate;
        }
    }

    /**
     * One bucket of the series.
     *
     * @param start         its start (UTC)
     * @param spendMicros   charges of rentals charged in it, less what they had refunded
     * @param codes         rentals whose first code arrived in it
     * @param balanceMicros the balance at its end (now, for the current bucket)
     */
    public record Bucket(Instant start, long spendMicros, long codes, long balanceMicros) {
    }
}
