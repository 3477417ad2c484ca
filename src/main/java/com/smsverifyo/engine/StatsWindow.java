package com.smsverifyo.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The time spans of the dashboard's figures: the last 24 hours in hourly buckets, or the last 7 days
 * in daily ones. Buckets are aligned on UTC hours and days; the last one is the current, partial one.
 */
public enum StatsWindow {
    HOURS_24("24h", ChronoUnit.HOURS, 24),
    DAYS_7("7d", ChronoUnit.DAYS, 7);

    private final String code;
    private final ChronoUnit unit;
    private final int buckets;

    StatsWindow(String code, ChronoUnit unit, int buckets) {
        this.code = code;
        this.unit = unit;
        this.buckets = buckets;
    }

    /** The window a request names ({@code 24h} when it names none). */
    public static StatsWindow parse(String text) {
        if (text == null || text.isBlank()) {
            return HOURS_24;
        }
        String value = text.strip();
        return Arrays.stream(values()).filter(window -> window.code.equals(value)).findFirst()
                .orElseThrow(() -> DomainException.invalid("window", "'window' must be one of: "
                        + Arrays.stream(values()).map(StatsWindow::code).collect(Collectors.joining(", ")) + "."));
    }

    public String code() {
        return code;
    }

    public int buckets() {
        return buckets;
    }

    public Duration bucketWidth() {
        return unit.getDuration();
    }

    /** The start of the first bucket of the window that holds {@code now}. */
    public Instant start(Instant now) {
        // UTC days and hours are fixed lengths, so truncating the instant aligns on UTC midnight.
        return now.truncatedTo(unit).minus(bucketWidth().multipliedBy(buckets - 1L));
    }

    /** The end of the last (current) bucket. */
    public Instant end(Instant now) {
        return now.truncatedTo(unit).plus(bucketWidth());
    }
}
