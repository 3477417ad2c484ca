package com.smsverifyo.ui.rentals;

import com.smsverifyo.client.Rental;
import com.smsverifyo.ui.common.Formats;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a rental still receives, as its row shows it: {@code 12:34} and the share of its time
 * left (1 when rented, 0 at expiry).
 *
 * @param text     {@code m:ss} left, or a dash once the rental ended
 * @param progress share of the rental's time left, 0–1
 * @param phase    running, in its last two minutes, past its expiry, or ended
 */
public record Countdown(String text, double progress, Phase phase) {
    /** Where a rental's time stands. */
    public enum Phase {
        /** More than two minutes left. */
        RUNNING,
        /** The last two minutes. */
        ENDING,
        /** Past its expiry, and the server has not said it ended yet. */
        OVER,
        /** Cancelled, expired or completed. */
        ENDED
    }

    static final Duration ENDING_SOON = Duration.ofMinutes(2);
    private static final Countdown ENDED = new Countdown("—", 0, Phase.ENDED);

    /** The countdown of {@code rental} at {@code now}. */
    public static Countdown of(Rental rental, Instant now) {
        if (rental.isFinal()) {
            return ENDED;
        }
        Duration left = Duration.between(now, rental.expiresAt());
        if (left.isNegative() || left.isZero()) {
            return new Countdown(Formats.countdown(Duration.ZERO), 0, Phase.OVER);
        }
        long total = Math.max(1, Duration.between(rental.createdAt(), rental.expiresAt()).toMillis());
        double progress = Math.min(1, (double) left.toMillis() / total);
        return new Countdown(Formats.countdown(left), progress, left.compareTo(ENDING_SOON) <= 0 ? Phase.ENDING : Phase.RUNNING);
    }
}
