package com.smsverifyo.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One thing that happened to a rental, as the support timeline tells it: when, what kind of thing,
 * one line for a person, and the raw facts behind it.
 *
 * @param at      when it happened
 * @param type    what kind of thing
 * @param summary one line for a person, written by the server
 * @param details every other member the server sent, by name ({@code text} and {@code code} of a
 *                message, {@code status_code}, {@code latency_ms} and {@code error} of a webhook
 *                attempt, {@code kind} and {@code amount_usd} of a ledger entry…): numbers as
 *                {@link BigDecimal}, {@code null} for members sent as null
 */
public record TimelineEntry(Instant at, Type type, String summary, Map<String, Object> details) {

    /** The kinds of entries; {@link #OTHER} for a kind this client does not know yet. */
    public enum Type {
        /** The rental was created: price and key. */
        CREATED,
        /** Its number was assigned. */
        NUMBER_ASSIGNED,
        /** An SMS arrived: raw text and extracted code. */
        MESSAGE,
        /** Its state changed: cancelled, expired, completed. */
        STATUS,
        /** A ledger entry: the charge, a refund, an adjustment. */
        LEDGER,
        /** One attempt to deliver a webhook message: HTTP status, latency, error. */
        WEBHOOK_ATTEMPT,
        /** A kind of entry newer than this client. */
        OTHER;

        /**
         * @param wire the wire name, such as {@code webhook_attempt}
         * @return the type, {@link #OTHER} if unknown
         */
        public static Type fromWire(String wire) {
            try {
                return valueOf(wire.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return OTHER;
            }
        }

        /** @return the wire name, such as {@code webhook_attempt} */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Copies the details so the record stays immutable (null values are kept: the server sent them).
     *
     * @param at when it happened
     * @param type what kind of thing
     * @param summary one line for a person
     * @param details the other members, by name
     */
    public TimelineEntry {
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    /**
     * @param name a detail's name, such as {@code message_id}
     * @return its value as text (numbers in plain notation), if present and not null
     */
    public Optional<String> text(String name) {
        Object value = details.get(name);
        if (value instanceof BigDecimal number) {
            return Optional.of(number.toPlainString());
        }
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    /**
     * @param name a detail's name, such as {@code amount_usd}
     * @return its value if it is a number
     */
    public Optional<BigDecimal> decimal(String name) {
        return details.get(name) instanceof BigDecimal number ? Optional.of(number) : Optional.empty();
    }

    /**
     * @param name a detail's name, such as {@code late}
     * @return whether it is {@code true}
     */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(details.get(name));
    }
}
