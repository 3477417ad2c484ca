package com.smsverifyo.ui.support;

import com.smsverifyo.client.RentalStory;
import com.smsverifyo.client.TimelineEntry;
import com.smsverifyo.client.TimelineEntry.Type;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.support.StoryStep.Detail;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The raw facts behind a timeline entry, labelled for people and in a useful order per kind of
 * entry; members this page does not know yet follow under their wire names, so nothing is hidden.
 */
final class StepDetails {
    private StepDetails() {
    }

    /** How one member of an entry is shown. */
    private record Field(String name, String label, Function<Object, String> format, boolean raw) {
    }

    private static final Function<Object, String> TEXT = String::valueOf;
    private static final Function<Object, String> USD = value -> value instanceof BigDecimal n ? Formats.usd(n) : String.valueOf(value);
    private static final Function<Object, String> MILLIS = value -> value instanceof BigDecimal n ? n.toPlainString() + " ms" : String.valueOf(value);
    private static final Function<Object, String> TIME = value -> {
        try {
            return Formats.dateTime(Instant.parse(String.valueOf(value)));
        } catch (java.time.format.DateTimeParseException e) {
            return String.valueOf(value);
        }
    };
    private static final Function<Object, String> YES = value -> Boolean.TRUE.equals(value) ? "yes" : null;
    private static final Function<Object, String> PHONE = value -> Formats.phone(String.valueOf(value));

    private static final Map<Type, List<Field>> FIELDS = Map.of(
            Type.CREATED, List.of(new Field("price_usd", "Price", USD, false), new Field("key_id", "Key id", TEXT, true)),
            Type.NUMBER_ASSIGNED, List.of(new Field("phone_number", "Number", PHONE, false),
                    new Field("number_type", "Number type", TEXT, false), new Field("source", "Source", TEXT, false)),
            Type.MESSAGE, List.of(new Field("from", "From", TEXT, false), new Field("text", "SMS text", TEXT, true),
                    new Field("code", "Extracted code", TEXT, true), new Field("late", "Late", YES, false),
                    new Field("source", "Source", TEXT, false), new Field("message_id", "Message id", TEXT, true)),
            Type.STATUS, List.of(new Field("event", "Event", TEXT, false), new Field("event_id", "Event id", TEXT, true)),
            Type.LEDGER, List.of(new Field("kind", "Kind", TEXT, false), new Field("amount_usd", "Amount", USD, false),
                    new Field("balance_after_usd", "Balance after", USD, false), new Field("note", "Note", TEXT, false),
                    new Field("ledger_id", "Ledger entry", TEXT, true)),
            Type.WEBHOOK_ATTEMPT, List.of(new Field("event_type", "Event", TEXT, false),
                    new Field("status_code", "HTTP status", TEXT, false), new Field("latency_ms", "Latency", MILLIS, false),
                    new Field("error", "Error", TEXT, true), new Field("next_attempt_at", "Next attempt", TIME, false),
                    new Field("manual", "Redelivery", YES, false), new Field("message_id", "Message id", TEXT, true),
                    new Field("webhook_id", "Endpoint", TEXT, true)));

    /** What a missing or null member means, where its absence says something. */
    private static final Map<String, String> ABSENT = Map.of("code", "none found", "status_code", "no answer");

    static List<Detail> of(TimelineEntry entry, RentalStory story) {
        List<Detail> details = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        if (entry.type() == Type.CREATED) {
            story.key().ifPresent(key -> details.add(new Detail("Key", key.name() + " · " + key.prefix(), false)));
        }
        for (Field field : FIELDS.getOrDefault(entry.type(), List.of())) {
            shown.add(field.name());
            Object value = entry.details().get(field.name());
            String text = value == null ? ABSENT.get(field.name()) : field.format().apply(value);
            if (text != null && !text.isEmpty()) {
                details.add(new Detail(field.label(), text, field.raw() && value != null));
            }
        }
        entry.details().forEach((name, value) -> {
            if (!shown.contains(name) && value != null) {
                details.add(new Detail(name, value instanceof BigDecimal n ? n.toPlainString() : String.valueOf(value), true));
            }
        });
        return List.copyOf(details);
    }
}
