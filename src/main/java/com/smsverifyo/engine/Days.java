package com.smsverifyo.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** UTC days, as spend caps, spend figures and balance alerts count them. */
public final class Days {
    private Days() {
    }

    public static String of(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    public static Instant startOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
