package com.smsverifyo.ui.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the app writes money, times and durations for people. */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Formats() {
    }

    /** {@code $12.30}, {@code $0.0125}: two decimals at least, four at most, as the API counts. */
    public static String usd(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        BigDecimal scaled = amount.setScale(Math.max(2, Math.min(4, amount.stripTrailingZeros().scale())), RoundingMode.HALF_EVEN);
        String text = String.format(Locale.US, "%,." + scaled.scale() + "f", scaled.abs());
        return (scaled.signum() < 0 ? "−$" : "$") + text;
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** {@code 19:58}, {@code 1:02:03}, or {@code 0:00} once it is over. */
    public static String countdown(Duration left) {
        long seconds = Math.max(0, left.toSeconds());
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }

    /** {@code +1 201-555-7920}: E.164 in the international form people read; as given if unparsable. */
    public static String phone(String e164) {
        if (e164 == null || e164.isBlank()) {
            return "";
        }
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        try {
            return util.format(util.parse(e164, "ZZ"),
                    com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return e164;
        }
    }

    /** {@code 42%}, or a dash when nothing was counted. */
    public static String percent(long part, long whole) {
        return whole == 0 ? "—" : Math.round(100.0 * part / whole) + "%";
    }

    /** {@code 812 B}, {@code 4.2 MB}: a file's size for people (powers of 1024). */
    public static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.US, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
