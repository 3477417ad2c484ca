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
                json.optDecimal("spent_today_usd").orElse(java.math.BigDecimal.ZERO),
                json.optDecimal("spent_30d_usd").orElse(java.math.BigDecimal.ZERO), json.optInstant("created_at"));
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
        return new Webhook(json.string("id"), json.string("url"), json.strings("events"), json.bool("enabled"),
                Optional.of(json.string("account_id")), Optional.of(json.instant("created_at")),
                json.optString("description"), json.optString("disabled_reason"), json.optInstant("disabled_at"),
                json.optInstant("failing_since"), json.optInstant("previous_secret_expires_at"));
    }

    /** The replies of create and rotate-secret: the endpoint with its current secret. */
    static CreatedWebhook createdWebhook(JsonFields json) {
        return new CreatedWebhook(webhook(json), json.string("secret"));
    }

    static WebhookSecret webhookSecret(JsonFields json) {
        return new WebhookSecret(json.string("webhook_id"), json.string("secret"),
                json.optInstant("previous_secret_expires_at"));
    }

    /** A message with its attempts: lists, the single view (with {@code body}), and the 202 of test and redeliver. */
    static WebhookDelivery delivery(JsonFields json) {
        return new WebhookDelivery(json.string("id"), json.string("webhook_id"), json.optString("account_id"),
                json.string("event_type"), json.optString("event_id"), json.optString("rental_id"),
                WebhookDelivery.Status.fromWire(json.string("status")), json.integer("attempt_count"),
                json.optInstant("next_attempt_at"), json.instant("created_at"), json.optInstant("finished_at"),
                json.objects("attempts", WireFormat::attempt), json.optString("body"));
    }

    static WebhookAttempt attempt(JsonFields json) {
        return new WebhookAttempt(json.instant("attempted_at"), json.optInteger("status_code"), json.optLong("latency_ms"),
                json.optString("error"), json.optInstant("next_attempt_at"), json.bool("manual", false));
    }

    static Catalog catalog(JsonFields json) {
        return new Catalog(
                json.objects("services", s -> new Catalog.Service(s.string("code"), s.string("name"))),
                json.objects("countries", c -> new Catalog.Country(c.string("code"), c.string("name"))),
                json.objects("prices", p -> new Catalog.Price(p.string("service"), p.string("country"),
                        p.decimal("price_usd"), p.decimal("mobile_price_usd"))),
                json.objects("tiers", t -> new Catalog.Tier(t.string("name"), t.decimal("discount_percent"))));
    }

    static Stats stats(JsonFields json) {
        return new Stats(json.string("account_id"), StatsWindow.fromWire(json.string("window")), json.instant("from"),
                json.instant("to"), json.instant("generated_at"), json.decimal("balance_usd"),
                json.optDecimal("alert_threshold_usd"), json.decimal("spent_today_usd"), json.integer("active_rentals"),
                json.integer("codes_last_hour"),
                json.objects("success_by_service", s -> new Stats.ServiceSuccess(s.string("service"),
                        s.optString("name").orElse(s.string("service")), s.integer("received"), s.integer("ended"),
                        s.decimal("rate"))),
                json.objects("series", b -> new Stats.Bucket(b.instant("start"), b.decimal("spend_usd"),
                        b.integer("codes"), b.decimal("balance_usd"))));
    }

    static Health health(JsonFields json) {
        return new Health(json.optString("status").orElse(""), json.optString("version").orElse(""));
    }

    /** Support's story of a rental: {@code GET /v1/rentals/{id}/timeline}. */
    static RentalStory story(JsonFields json) {
        return new RentalStory(rental(json.object("rental")), json.optObject("key").map(WireFormat::apiKey),
                json.objects("timeline", WireFormat::timelineEntry), json.objects("ledger", WireFormat::ledgerEntry),
                json.objects("deliveries", WireFormat::delivery));
    }

    private static final java.util.Set<String> TIMELINE_FIELDS = java.util.Set.of("at", "type", "summary");

    static TimelineEntry timelineEntry(JsonFields json) {
        return new TimelineEntry(json.instant("at"), TimelineEntry.Type.fromWire(json.string("type")),
                json.optString("summary").orElse(""), json.others(TIMELINE_FIELDS));
    }

    static SmsSource source(JsonFields json) {
        JsonFields health = json.object("health");
        return new SmsSource(json.string("id"), json.string("type"), json.optString("name").orElse(""),
                json.bool("enabled", true), json.optObject("settings").map(s -> s.others(java.util.Set.of()))
                        .orElse(java.util.Map.of()),
                new SmsSource.Health(SmsSource.Status.fromWire(health.string("status")), health.optString("detail"),
                        health.optInstant("last_message_at")),
                json.optLong("numbers").orElse(0L), json.optString("inbound_url"), json.instant("created_at"),
                json.optInstant("updated_at").orElse(json.instant("created_at")));
    }

    static PoolNumber poolNumber(JsonFields json) {
        return new PoolNumber(json.string("phone_number"), json.string("country"),
                json.optString("carrier").orElse("mobile"), json.optString("source").orElse(""), json.optString("source_id"),
                json.optString("device_id"), json.optInteger("sim_number"), json.bool("enabled", true),
                json.bool("rentable", false), json.instant("created_at"));
    }

    /** An SMS of {@code GET /v1/messages}: the message's fields with its number, rental and status. */
    static InboundMessage inboundMessage(JsonFields json) {
        return new InboundMessage(message(json), json.string("phone_number"), json.optString("rental_id"),
                InboundMessage.Status.fromWire(json.string("status")));
    }

    /** The reply of {@code POST /v1/inbound/messages}, which does not repeat the number. */
    static InboundMessage received(JsonFields json, String to) {
        return new InboundMessage(message(json.object("message")), to, json.optString("rental_id"),
                InboundMessage.Status.fromWire(json.string("status")));
    }

    /** A list envelope: {@code {"data": [...], "has_more", "next_cursor"}}. */
    static <T> Function<JsonFields, Page<T>> page(Function<JsonFields, T> item) {
        return json -> new Page<>(json.objects("data", item), json.bool("has_more", false), json.optString("next_cursor"));
    }

    /** The {@code data} array of an envelope, without paging. */
    static <T> Function<JsonFields, List<T>> data(Function<JsonFields, T> item) {
        return json -> json.objects("data", item);
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

    /** A support refund: the amount left out means "all that is still refundable". */
    static ObjectNode refund(Optional<java.math.BigDecimal> amount, String reason) {
        ObjectNode json = object();
        amount.ifPresent(value -> json.put("amount_usd", value));
        json.put("reason", reason);
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

    /** Events left out mean every event (the server refuses an empty list). */
    static ObjectNode newWebhook(NewWebhook request) {
        ObjectNode json = object().put("url", request.url());
        if (!request.events().isEmpty()) {
            strings(json.putArray("events"), request.events());
        }
        putIfSet(json, "description", request.description());
        putIfSet(json, "account_id", request.accountId());
        return json;
    }

    static ObjectNode webhookUpdate(WebhookUpdate update) {
        ObjectNode json = object();
        putIfSet(json, "url", update.url());
        if (update.events() != null) {
            strings(json.putArray("events"), update.events());
        }
        if (update.removeDescription()) {
            json.putNull("description");
        } else {
            putIfSet(json, "description", update.description());
        }
        if (update.enabled() != null) {
            json.put("enabled", update.enabled());
        }
        return json;
    }

    static ObjectNode catalog(Catalog catalog) {
        ObjectNode json = object();
        ArrayNode services = json.putArray("services");
        catalog.services().forEach(s -> services.addObject().put("code", s.service()).put("name", s.name()));
        ArrayNode countries = json.putArray("countries");
        catalog.countries().forEach(c -> countries.addObject().put("code", c.country()).put("name", c.name()));
        ArrayNode prices = json.putArray("prices");
        catalog.prices().forEach(p -> prices.addObject().put("service", p.service()).put("country", p.country())
                .put("price_usd", p.price()).put("mobile_price_usd", p.mobilePrice()));
        ArrayNode tiers = json.putArray("tiers");
        catalog.tiers().forEach(t -> tiers.addObject().put("name", t.name()).put("discount_percent", t.discountPercent()));
        return json;
    }

    static ObjectNode newSource(String type, String name, java.util.Map<String, Object> settings) {
        ObjectNode json = object().put("type", type).put("name", name);
        if (settings != null) {
            json.set("settings", JsonFields.MAPPER.valueToTree(settings));
        }
        return json;
    }

    static ObjectNode newPoolNumber(NewPoolNumber number) {
        ObjectNode json = object().put("phone_number", number.phoneNumber()).put("country", number.country())
                .put("carrier", number.carrier()).put("source_id", number.sourceId());
        putIfSet(json, "device_id", number.deviceId());
        putIfSet(json, "sim_number", number.simNumber());
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
