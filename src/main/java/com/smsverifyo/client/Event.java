package com.smsverifyo.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One event, from the live stream ({@code GET /v1/events}) or a verified webhook delivery:
 * its type, its JSON payload as sent, and typed views of the payloads this client knows.
 * Unknown types still arrive; read their {@link #data()} yourself.
 */
public final class Event {
    /** A rental was created. */
    public static final String RENTAL_CREATED = "rental.created";
    /** A rental changed (status, messages). */
    public static final String RENTAL_UPDATED = "rental.updated";
    /** A code arrived for a rental. */
    public static final String RENTAL_CODE_RECEIVED = "rental.code_received";
    /** The balance fell below the daily alert threshold. */
    public static final String BALANCE_LOW = "balance.low";
    /** A rental was cancelled or reported (webhooks; the stream says {@code rental.updated}). */
    public static final String RENTAL_CANCELLED = "rental.cancelled";
    /** A rental expired with no code (webhooks; the stream says {@code rental.updated}). */
    public static final String RENTAL_EXPIRED = "rental.expired";
    /** A received rental ended (webhooks; the stream says {@code rental.updated}). */
    public static final String RENTAL_COMPLETED = "rental.completed";
    /** A test message ({@link WebhooksResource#test(String)}; webhooks only). */
    public static final String WEBHOOK_TEST = "webhook.test";
    /** A webhook message failed its last scheduled attempt (the stream, admin keys). */
    public static final String WEBHOOK_DELIVERY_FAILED = "webhook.delivery_failed";
    /** A webhook endpoint was disabled by the server: it answered 410, or failed for days (the stream, admin keys). */
    public static final String WEBHOOK_DISABLED = "webhook.disabled";

    private final String id;
    private final String type;
    private final String data;
    private final Instant timestamp;
    private final JsonNode json;

    /**
     * @param type the stream's {@code event:} field; {@code null} takes the payload's own
     *             {@code type} member (webhook bodies carry their type inside)
     */
    Event(String id, String type, String data, Instant timestamp) {
        this.id = id;
        this.data = data == null ? "" : data;
        this.timestamp = timestamp;
        this.json = parse(this.data);
        String named = type != null ? type : json == null || !json.path("type").isTextual() ? null : json.get("type").asText();
        this.type = named == null || named.isBlank() ? "message" : named;
    }

    /**
     * @return the event's id: on the stream, its sequence number (resume with it as
     *         {@code Last-Event-ID}); for a webhook, the {@code webhook-id} ({@code msg_…}), the same on
     *         every retry of one message, so receivers drop duplicates by it
     */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** @return the stream id as a number, when it is one */
    public OptionalLong sequence() {
        return sequenceOf(id);
    }

    /** @return the type, such as {@code rental.code_received} */
    public String type() {
        return type;
    }

    /** @return the payload exactly as sent (JSON) */
    public String data() {
        return data;
    }

    /** @return when a webhook was sent ({@code webhook-timestamp}); empty for stream events */
    public Optional<Instant> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    /** @return the rental the event is about, if any */
    public Optional<String> rentalId() {
        return text("rental_id").or(() -> rentalObject().flatMap(r -> r.optString("id")));
    }

    /**
     * @return the rental's state after the event, when the payload carries the whole rental
     * @throws MalformedResponseException if it carries one that does not have the contract's shape
     */
    public Optional<Rental> rental() {
        return decode(() -> rentalObject().map(WireFormat::rental));
    }

    /**
     * @return the code and its context, for {@code rental.code_received}
     * @throws MalformedResponseException if the payload lacks the promised fields
     */
    public Optional<CodeReceived> codeReceived() {
        if (!RENTAL_CODE_RECEIVED.equals(type) || payload().isEmpty()) {
            return Optional.empty();
        }
        return decode(() -> {
            JsonFields p = payload().get();
            return Optional.of(new CodeReceived(p.string("rental_id"), p.string("code"), p.instant("received_at"),
                    p.optString("phone_number").orElse(""), p.optString("service").orElse(""),
                    p.optString("country").orElse(""), p.optString("text")));
        });
    }

    /** @return the event's JSON payload as a tree, if it is an object */
    public Optional<JsonNode> json() {
        return Optional.ofNullable(json);
    }

    @Override
    public String toString() {
        return "Event[id=" + id + ", type=" + type + "]";
    }

    /** The object holding the event's fields: the body itself, or its {@code data} member. */
    private Optional<JsonFields> payload() {
        if (json == null) {
            return Optional.empty();
        }
        JsonNode inner = json.get("data");
        boolean flat = json.has("rental_id") || json.has("rental") || inner == null || !inner.isObject();
        return Optional.of(JsonFields.of(flat ? json : inner, "event"));
    }

    private Optional<JsonFields> rentalObject() {
        return payload().flatMap(p -> {
            JsonNode rental = p.node().get("rental");
            return rental != null && rental.isObject() ? Optional.of(JsonFields.of(rental, "event.rental")) : Optional.empty();
        });
    }

    private Optional<String> text(String name) {
        return payload().flatMap(p -> {
            JsonNode value = p.node().get(name);
            return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
        });
    }

    private <T> Optional<T> decode(java.util.function.Supplier<Optional<T>> reader) {
        try {
            return reader.get();
        } catch (JsonFields.Malformed e) {
            throw new MalformedResponseException(0, "EVENT", type, "The event's payload does not have the expected shape: "
                    + e.getMessage(), null);
        }
    }

    static OptionalLong sequenceOf(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(id));
    }

    private static JsonNode parse(String data) {
        if (data.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JsonFields.parse(data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
