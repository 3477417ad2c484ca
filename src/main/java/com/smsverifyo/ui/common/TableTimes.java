package com.smsverifyo.ui.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Short times for table cells: {@code 10:02:03} today, {@code Nov 28 10:02} this year, else with the year. */
public final class TableTimes {
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("MMM d yyyy, HH:mm", Locale.ENGLISH);

    private TableTimes() {
    }

    public static String of(Instant instant) {
        return of(instant, Instant.now(), ZoneId.systemDefault());
    }

    static String of(Instant instant, Instant now, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (at.toLocalDate().equals(today)) {
            return TODAY.format(at);
        }
        return (at.getYear() == today.getYear() ? THIS_YEAR : OTHER_YEAR).format(at);
    }
}
