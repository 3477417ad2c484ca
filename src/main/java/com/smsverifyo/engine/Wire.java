package com.smsverifyo.engine;

import com.smsverifyo.store.Account;
import com.smsverifyo.store.ApiKeyRecord;
import com.smsverifyo.store.LedgerEntry;
import com.smsverifyo.store.Message;
import com.smsverifyo.store.Rental;
import com.smsverifyo.store.SpendTotals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the contract, built in one place: API responses, the event stream and webhook
 * bodies all show a rental the same way. Money leaves here as decimals, time as RFC 3339 UTC with
 * milliseconds.
 */
public final class Wire {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Wire() {
    }

    public static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    public static Map<String, Object> rental(Rental rental) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rental.id());
        json.put("account_id", rental.accountId());
        json.put("service", rental.service());
        json.put("country", rental.country());
        json.put("carrier", rental.carrier().toString());
        json.put("phone_number", rental.phoneNumber());
        json.put("price_usd", Money.toUsd(rental.priceMicros()));
        json.put("status", rental.status().toString());
        json.put("code", rental.code());
        json.put("created_at", time(rental.createdAt()));
        json.put("expires_at", time(rental.expiresAt()));
        json.put("received_at", time(rental.receivedAt()));
        json.put("ended_at", time(rental.endedAt()));
        json.put("refunded_usd", Money.toUsd(rental.refundedMicros()));
        json.put("messages", rental.messages().stream().map(Wire::message).toList());
        return json;
    }

    public static Map<String, Object> message(Message message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", message.id());
        json.put("from", message.sender());
        json.put("text", message.text());
        json.put("code", message.code());
        json.put("received_at", time(message.receivedAt()));
        json.put("late", message.late());
        json.put("source", message.source());
        return json;
    }

    /**
     * An account as its viewer may see it. {@code parent_id} is shown only to a viewer above the
     * account (the reseller looking at a customer): a customer looking at itself learns nothing of
     * the server's owner (white label).
     *
     * @param spend           net spend today and over the last 30 UTC days
     * @param viewedFromAbove whether the viewer is an account above this one
     */
    public static Map<String, Object> account(Account account, SpendTotals spend, boolean viewedFromAbove) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", account.id());
        if (viewedFromAbove) {
            json.put("parent_id", account.parentId());
        }
        json.put("name", account.name());
        json.put("balance_usd", Money.toUsd(account.balanceMicros()));
        json.put("tier", account.tier());
        json.put("status", account.status().toString());
        json.put("alert_threshold_usd", account.alertThresholdMicros() == null ? null : Money.toUsd(account.alertThresholdMicros()));
        json.put("spent_today_usd", Money.toUsd(spend.lastDayMicros()));
        json.put("spent_30d_usd", Money.toUsd(spend.periodMicros()));
        json.put("created_at", time(account.createdAt()));
        return json;
    }

    /** The editable catalog at base prices ({@code GET/PUT /v1/catalog}). */
    public static Map<String, Object> catalog(Catalog catalog) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("services", catalog.services().stream().map(service -> named("code", service.code(), service.name())).toList());
        json.put("countries", catalog.countries().stream().map(country -> named("code", country.code(), country.name())).toList());
        json.put("prices", catalog.prices().stream().map(price -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("service", price.service());
            p.put("country", price.country());
            p.put("price_usd", Money.toUsd(price.priceMicros()));
            p.put("mobile_price_usd", Money.toUsd(price.mobilePriceMicros()));
            return p;
        }).toList());
        json.put("tiers", catalog.tiers().stream().map(tier -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", tier.name());
            t.put("discount_percent", percent(tier.discountBp()));
            return t;
        }).toList());
        return json;
    }

    /** Basis points as a percentage without trailing zeros: 2000 → 20, 1250 → 12.5. */
    public static BigDecimal percent(int basisPoints) {
        BigDecimal value = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static Map<String, Object> named(String codeMember, String code, String name) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(codeMember, code);
        json.put("name", name);
        return json;
    }

    public static Map<String, Object> key(ApiKeyRecord key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id());
        json.put("account_id", key.accountId());
        json.put("name", key.name());
        json.put("prefix", key.displayPrefix());
        json.put("scopes", List.copyOf(key.scopes()));
        json.put("rate_limit_per_minute", key.rateLimitPerMinute());
        json.put("daily_spend_cap_usd", key.dailySpendCapMicros() == null ? null : Money.toUsd(key.dailySpendCapMicros()));
        json.put("status", key.revoked() ? "revoked" : "active");
        json.put("created_at", time(key.createdAt()));
        json.put("last_used_at", time(key.lastUsedAt()));
        json.put("revoked_at", time(key.revokedAt()));
        return json;
    }

    public static Map<String, Object> ledgerEntry(LedgerEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("account_id", entry.accountId());
        json.put("kind", entry.kind().toString());
        json.put("amount_usd", Money.toUsd(entry.amountMicros()));
        json.put("balance_after_usd", Money.toUsd(entry.balanceAfterMicros()));
        json.put("rental_id", entry.rentalId());
        json.put("note", entry.note());
        json.put("created_at", time(entry.createdAt()));
        return json;
    }

    public static Map<String, Object> stats(Stats stats) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_id", stats.accountId());
        json.put("window", stats.window().code());
        json.put("from", time(stats.from()));
        json.put("to", time(stats.to()));
        json.put("generated_at", time(stats.generatedAt()));
        json.put("balance_usd", Money.toUsd(stats.balanceMicros()));
        json.put("alert_threshold_usd", stats.alertThreshold() == null ? null : Money.toUsd(stats.alertThreshold()));
        json.put("spent_today_usd", Money.toUsd(stats.spentTodayMicros()));
        json.put("active_rentals", stats.activeRentals());
        json.put("codes_last_hour", stats.codesLastHour());
        json.put("success_by_service", stats.successByService().stream().map(success -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("service", success.service());
            item.put("name", success.name());
            item.put("received", success.received());
            item.put("ended", success.ended());
            item.put("rate", success.rate());
            return item;
        }).toList());
        json.put("series", stats.series().stream().map(bucket -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("start", time(bucket.start()));
            item.put("spend_usd", Money.toUsd(bucket.spendMicros()));
            item.put("codes", bucket.codes());
            item.put("balance_usd", Money.toUsd(bucket.balanceMicros()));
            return item;
        }).toList());
        return json;
    }
}
