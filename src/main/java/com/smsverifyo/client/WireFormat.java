package com.smsverifyo.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The contract's JSON shapes as this client reads and writes them, in one place (the client's
 * counterpart of the engine's {@code Wire}; it shares no code with the server on purpose, so it
 * speaks to any engine of the contract).
 */
final class WireFormat {
    private WireFormat() {
    }

    // ---- reading -------------------------------------------------------------------------------

    static Rental rental(JsonFields json) {
        return new Rental(json.string("id"), json.optString("account_id").orElse(""), json.string("service"),
                json.string("country"), Carrier.fromWire(json.optString("carrier").orElse("any")),
                json.string("phone_number"), json.decimal("price_usd"), RentalStatus.fromWire(json.string("status")),
                json.optString("code"), json.instant("created_at"), json.instant("expires_at"),
                json.optInstant("received_at"), json.optInstant("ended_at"),
                json.optDecimal("refunded_usd").orElse(java.math.BigDecimal.ZERO),
                json.objects("messages", WireFormat::message));
    }

    static Message message(JsonFields json) {
        return new Message(json.optText("id").orElse(""), json.optString("from").orElse(""), json.optString("text").orElse(""),
                json.optString("code"), json.instant("received_at"), json.bool("late", false), json.optString("source"));
    }

    static ServiceOffer serviceOffer(JsonFields json) {
        return new ServiceOffer(json.string("service"), json.optString("name").orElse(json.string("service")),
                json.objects("countries", c -> new ServiceOffer.CountryOffer(c.string("country"), c.optString("name"),
                        c.decimal("price_usd"), c.optDecimal("mobile_price_usd").orElse(c.decimal("price_usd")),
                        c.optInteger("available").orElse(0), c.optInteger("mobile_available").orElse(0))));
    }

    static Account account(JsonFields json) {
        return new Account(json.string("id"), json.optString("parent_id"), json.optString("name").orElse(""),
                json.decimal("balance_usd"), json.optString("tier").orElse(""), json.optString("status").orElse("active"),
                json.optDecimal("alert_threshold_usd"),
                json.optDecimal("spent_today_usd").orElse(java.math.BigDecimal.ZERO), json.optInstant("created_at"));
    }

    static ApiKey apiKey(JsonFields json) {
        return new ApiKey(json.string("id"), json.optString("account_id").orElse(""), json.optString("name").orElse(""),
                json.optString("prefix").orElse(""), json.strings("scopes"), json.optInteger("rate_limit_per_minute").orElse(60),
                json.optDecimal("daily_spend_cap_usd"), json.optString("status").orElse("active"), json.instant("created_at"),
                json.optInstant("last_used_at"), json.optInstant("revoked_at"));
    }

    static CreatedApiKey createdApiKey(JsonFields json) {
        return new CreatedApiKey(apiKey(json), json.string("key"));
    }

    static LedgerEntry ledgerEntry(JsonFields json) {
        return new LedgerEntry(json.string("id"), json.optString("account_id").orElse(""), json.string("kind"),
                json.decimal("amount_usd"), json.decimal("balance_after_usd"), json.optString("rental_id"),
                json.optString("note"), json.instant("created_at"));
    }

    static Webhook webhook(JsonFields json) {
        boolean enabled = json.has("enabled") ? json.bool("enabled", true)
                : json.optString("status").map(s -> s.equals("enabled") || s.equals("active")).orElse(true);
        return new Webhook(json.string("id"), json.string("url"), json.strings("events"), enabled,
                json.optString("account_id"), json.optInstant("created_at"), json.optString("description"),
                json.optString("disabled_reason"), json.optInstant("disabled_at"), json.optInstant("failing_since"),
                json.optInstant("previous_secret_expires_at"));
    }

    static CreatedWebhook createdWebhook(JsonFields json) {
        return new CreatedWebhook(webhook(json), json.string("secret"));
    }

    static WebhookSecret webhookSecret(JsonFields json) {
        return new WebhookSecret(json.string("secret"),
                firstInstant(json, "previous_secret_expires_at", "previous_expires_at", "grace_period_ends_at"));
    }

    /**
     * A delivery: the server sends one object per message with its {@code attempts}; the record shows
     * the message with its latest attempt. ({@code webhook_id} is the endpoint, never the message.)
     */
    static WebhookDelivery delivery(JsonFields json) {
        String messageId = messageId(json)
                .orElseThrow(() -> new JsonFields.Malformed("delivery.message_id is missing"));
        Optional<String> id = json.optText("id").filter(value -> !value.equals(messageId));
        List<JsonFields> attempts = json.has("attempts") ? json.objects("attempts", Function.identity()) : List.of();
        JsonFields latest = attempts.isEmpty() ? json : attempts.get(attempts.size() - 1);
        return new WebhookDelivery(id, messageId, firstText(json, "event_type", "type", "event"), json.optString("status"),
                firstInteger(json, "attempt_count", "attempt"),
                firstInstant(latest, "attempted_at").or(() -> firstInstant(json, "attempted_at", "created_at", "time")),
                firstInteger(latest, "status_code", "response_status"), latest.optLong("latency_ms"),
                latest.optString("error"), firstInstant(json, "next_retry_at", "next_attempt_at"));
    }

    /** The message a test or redelivery queued, when the server names it. */
    static Optional<WebhookMessage> webhookMessage(JsonFields json) {
        return messageId(json)
                .map(id -> new WebhookMessage(id, firstText(json, "event_type", "type"), json.optString("status")));
    }

    private static Optional<String> messageId(JsonFields json) {
        return firstText(json, "message_id", "msg_id").or(() -> json.optText("id").filter(id -> id.startsWith("msg_")));
    }

    static Catalog catalog(JsonFields json) {
        return new Catalog(
                json.objects("services", s -> new Catalog.Service(firstText(s, "service", "code")
                        .orElseThrow(() -> new JsonFields.Malformed("catalog.services[].service is missing")),
                        s.optString("name").orElse(""))),
                json.objects("countries", c -> new Catalog.Country(firstText(c, "country", "code")
                        .orElseThrow(() -> new JsonFields.Malformed("catalog.countries[].country is missing")),
                        c.optString("name").orElse(""))),
                json.objects("prices", p -> new Catalog.Price(p.string("service"), p.string("country"),
                        p.decimal("price_usd"), p.optDecimal("mobile_price_usd").orElse(p.decimal("price_usd")))),
                json.objects("tiers", t -> new Catalog.Tier(t.string("name"),
                        t.optDecimal("discount_percent").orElse(java.math.BigDecimal.ZERO))));
    }

    static Health health(JsonFields json) {
        return new Health(json.optString("status").orElse(""), json.optString("version").orElse(""));
    }

    /** A list envelope: {@code {"data": [...], "has_more", "next_cursor"}}. */
    static <T> Function<JsonFields, Page<T>> page(Function<JsonFields, T> item) {
        return json -> new Page<>(json.objects("data", item), json.bool("has_more", false), json.optString("next_cursor"));
    }

    /** The {@code data} array of an envelope, without paging. */
    static <T> Function<JsonFields, List<T>> data(Function<JsonFields, T> item) {
        return json -> json.objects("data", item);
    }

    private static Optional<String> firstText(JsonFields json, String... names) {
        for (String name : names) {
            Optional<String> value = json.optText(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Optional<java.time.Instant> firstInstant(JsonFields json, String... names) {
        for (String name : names) {
            Optional<java.time.Instant> value = json.optInstant(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> firstInteger(JsonFields json, String... names) {
        for (String name : names) {
            Optional<Integer> value = json.optInteger(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    // ---- writing -------------------------------------------------------------------------------

    static ObjectNode object() {
        return JsonFields.MAPPER.createObjectNode();
    }

    static ObjectNode newRental(NewRental request) {
        ObjectNode json = object().put("service", request.service()).put("country", request.country())
                .put("carrier", request.carrier().wireName());
        request.priceCap().ifPresent(cap -> json.put("max_price_usd", cap));
        return json;
    }

    static ObjectNode newApiKey(NewApiKey request) {
        ObjectNode json = object().put("name", request.name());
        strings(json.putArray("scopes"), request.scopes());
        putIfSet(json, "rate_limit_per_minute", request.rateLimitPerMinute());
        if (request.dailySpendCap() != null) {
            json.put("daily_spend_cap_usd", request.dailySpendCap());
        }
        putIfSet(json, "account_id", request.accountId());
        return json;
    }

    static ObjectNode keyUpdate(KeyUpdate update) {
        ObjectNode json = object();
        putIfSet(json, "name", update.name());
        putIfSet(json, "rate_limit_per_minute", update.rateLimitPerMinute());
        if (update.removeDailySpendCap()) {
            json.putNull("daily_spend_cap_usd");
        } else if (update.dailySpendCap() != null) {
            json.put("daily_spend_cap_usd", update.dailySpendCap());
        }
        return json;
    }

    static ObjectNode newAccount(NewAccount request) {
        ObjectNode json = object().put("name", request.name());
        putIfSet(json, "tier", request.tier());
        return json;
    }

    static ObjectNode accountUpdate(AccountUpdate update) {
        ObjectNode json = object();
        putIfSet(json, "name", update.name());
        putIfSet(json, "tier", update.tier());
        putIfSet(json, "status", update.status());
        return json;
    }

    static ObjectNode newWebhook(NewWebhook request) {
        ObjectNode json = object().put("url", request.url());
        strings(json.putArray("events"), request.events());
        return json;
    }

    static ObjectNode webhookUpdate(WebhookUpdate update) {
        ObjectNode json = object();
        if (update.enabled() != null) {
            json.put("enabled", update.enabled());
        }
        if (update.events() != null) {
            strings(json.putArray("events"), update.events());
        }
        return json;
    }

    static ObjectNode catalog(Catalog catalog) {
        ObjectNode json = object();
        ArrayNode services = json.putArray("services");
        catalog.services().forEach(s -> services.addObject().put("service", s.service()).put("name", s.name()));
        ArrayNode countries = json.putArray("countries");
        catalog.countries().forEach(c -> countries.addObject().put("country", c.country()).put("name", c.name()));
        ArrayNode prices = json.putArray("prices");
        catalog.prices().forEach(p -> prices.addObject().put("service", p.service()).put("country", p.country())
                .put("price_usd", p.price()).put("mobile_price_usd", p.mobilePrice()));
        ArrayNode tiers = json.putArray("tiers");
        catalog.tiers().forEach(t -> tiers.addObject().put("name", t.name()).put("discount_percent", t.discountPercent()));
        return json;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void putIfSet(ObjectNode json, String name, Object value) {
        if (value instanceof String text) {
            json.put(name, text);
        } else if (value instanceof Integer number) {
            json.put(name, number);
        }
    }
}
