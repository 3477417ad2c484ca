package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.FieldError;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ?from=&to=} filter of the lists and exports, as the half-open interval
 * {@code [from, to)}. Each bound is an RFC 3339 time ({@code 2026-11-29T05:00:00Z}) or a UTC date: a
 * date {@code from} starts at that day's midnight, a date {@code to} includes that whole day (so
 * {@code from=2026-11-01&to=2026-11-30} is November). Either bound may be absent.
 */
record TimeRange(Instant from, Instant to) {

    static TimeRange of(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        Instant from = bound(ctx.queryParam("from"), "from", false, errors);
        Instant to = bound(ctx.queryParam("to"), "to", true, errors);
        if (errors.isEmpty() && from != null && to != null && !from.isBefore(to)) {
            errors.add(FieldError.of("to", "'to' must be after 'from'."));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new TimeRange(from, to);
    }

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant bound(String text, String field, boolean endOfDay, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            Instant at = value.length() == 10
                    ? (endOfDay ? LocalDate.parse(value).plusDays(1) : LocalDate.parse(value)).atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                    : OffsetDateTime.parse(value).toInstant();
            // Times are stored as epoch milliseconds: a year like +999999999 parses but cannot be one.
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                errors.add(FieldError.of(field, "'" + field + "' must be between the years 1970 and 9999."));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "'" + field + "' must be a date (2026-11-29) or an RFC 3339 time "
                    + "(2026-11-29T05:00:00Z)."));
            return null;
        }
    }
}
