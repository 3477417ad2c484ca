package com.smsverifyo.ui.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.client.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One {@code balance.low} event: an account's balance fell below its daily alert threshold.
 *
 * @param eventId    the event's id on the stream (its sequence), the same however it was heard
 * @param accountId  whose balance
 * @param balance    the balance right after the debit that crossed the threshold, US dollars
 * @param threshold  the threshold then, US dollars
 * @param occurredAt when it happened (the server's clock)
 * @param live       heard while the app ran, rather than read back from the server's event log
 * @param accountName the customer's name, for a customer's alert; empty for the key's own account
 */
public record BalanceAlert(String eventId, String accountId, BigDecimal balance, BigDecimal threshold,
                           Instant occurredAt, boolean live, String accountName) {

    /** The alert an event carries, if it is a well-formed {@code balance.low}. */
    public static Optional<BalanceAlert> of(Event event, boolean live) {
        if (!Event.BALANCE_LOW.equals(event.type()) || event.id().isEmpty() || event.json().isEmpty()) {
            return Optional.empty();
        }
        JsonNode json = event.json().get();
        JsonNode body = json.path("data").isObject() && !json.has("account_id") ? json.get("data") : json;
        if (!body.path("account_id").isTextual() || !body.path("balance_usd").isNumber()
                || !body.path("alert_threshold_usd").isNumber()) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = body.path("occurred_at").isTextual() ? Instant.parse(body.get("occurred_at").asText()) : Instant.EPOCH;
        } catch (DateTimeParseException e) {
            at = Instant.EPOCH;
        }
        return Optional.of(new BalanceAlert(event.id().get(), body.get("account_id").asText(),
                body.get("balance_usd").decimalValue(), body.get("alert_threshold_usd").decimalValue(), at, live, ""));
    }

    /** This alert with the customer's name. */
    public BalanceAlert named(String name) {
        return new BalanceAlert(eventId, accountId, balance, threshold, occurredAt, live, name);
    }

    /** The stream's sequence number, for ordering; 0 when the id is not one. */
    public long sequence() {
        try {
            return Long.parseLong(eventId);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
