package com.smsverifyo.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them on a command line: {@code 20m}, {@code 5s}, {@code 1h30m}, {@code 250ms}. */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    static Duration parse(String text) {
        String value = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                break;
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            end = matcher.end();
        }
        if (end == 0 || end != value.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 20m, 5s, 1h30m, 250ms)");
        }
        return total;
    }

    /** A range such as {@code 5s-30s}; a single duration is a range of one. */
    static Duration[] range(String text) {
        String[] parts = text.strip().split("-", 2);
        Duration low = parse(parts[0]);
        Duration high = parts.length == 2 ? parse(parts[1]) : low;
        if (high.compareTo(low) < 0) {
            throw new IllegalArgumentException("'" + text + "' goes from a longer to a shorter duration");
        }
        return new Duration[] {low, high};
    }

    static String format(Duration duration) {
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + "m";
        }
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + "s";
        }
        return duration.toMillis() + "ms";
    }
}
