package com.smsverifyo.engine;

import com.smsverifyo.engine.SupportService.RentalStory;
import com.smsverifyo.store.LedgerEntry;
import com.smsverifyo.store.LedgerKind;
import com.smsverifyo.store.Message;
import com.smsverifyo.store.Rental;
import com.smsverifyo.store.StoredEvent;
import com.smsverifyo.store.WebhookAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rental's story as JSON: the rental, its ledger entries and webhook deliveries, and one merged,
 * time-ordered {@code timeline} of everything that happened, each entry with a one-line summary.
 */
public final class StoryWire {
    private StoryWire() {
    }

    public static Map<String, Object> story(RentalStory story) {
        Rental rental = story.rental();
        List<Entry> entries = new ArrayList<>();
        String keyText = story.key().map(k -> k.name() + " (" + k.displayPrefix() + ")").orElse(rental.keyId());
        entries.add(new Entry(rental.createdAt(), 0, "created", "Rented " + rental.service() + " in " + rental.country()
                + (rental.carrier().toString().equals("mobile") ? " (mobile carrier)" : "") + " for "
                + Money.format(rental.priceMicros()) + " USD with key " + keyText,
                fields("key_id", rental.keyId(), "price_usd", Money.toUsd(rental.priceMicros()))));
        entries.add(new Entry(rental.createdAt(), 1, "number_assigned", "Number " + rental.phoneNumber() + " assigned"
                + story.number().map(n -> " (" + n.type() + ", source " + n.source() + ")").orElse(""),
                fields("phone_number", rental.phoneNumber(),
                        "number_type", story.number().map(n -> n.type().toString()).orElse(null),
                        "source", story.number().map(n -> n.source()).orElse(null))));
        for (Message message : rental.messages()) {
            entries.add(new Entry(message.receivedAt(), 3, "message", (message.late() ? "Late SMS" : "SMS") + " from "
                    + message.sender() + (message.code() != null ? ", code " + message.code() : ", no code found"),
                    fields("message_id", message.id(), "from", message.sender(), "text", message.text(),
                            "code", message.code(), "late", message.late(), "source", message.source())));
        }
        for (StoredEvent event : story.events()) {
            String summary = switch (event.type()) {
                case "rental.code_received" -> null; // told by the message itself
                case "rental.cancelled" -> "Cancelled";
                case "rental.expired" -> "Expired: no SMS arrived in time";
                case "rental.completed" -> "Completed";
                default -> null;
            };
            if (summary != null) {
                entries.add(new Entry(event.createdAt(), 4, "status", summary, fields("event_id", event.id(), "event", event.type())));
            }
        }
        for (LedgerEntry entry : story.ledger()) {
            // A charge belongs with the rental's creation; refunds follow the change that caused them.
            entries.add(new Entry(entry.createdAt(), entry.kind() == LedgerKind.CHARGE ? 2 : 5, "ledger", capitalised(entry.kind().toString()) + " "
                    + Money.format(entry.amountMicros()) + " USD, balance " + Money.format(entry.balanceAfterMicros()) + " USD"
                    + (entry.note() == null ? "" : " (" + entry.note() + ")"),
                    fields("ledger_id", entry.id(), "kind", entry.kind().toString(), "amount_usd", Money.toUsd(entry.amountMicros()),
                            "balance_after_usd", Money.toUsd(entry.balanceAfterMicros()), "note", entry.note())));
        }
        for (WebhookService.Delivery delivery : story.deliveries()) {
            for (WebhookAttempt attempt : delivery.attempts()) {
                String outcome = attempt.statusCode() != null ? "HTTP " + attempt.statusCode() : "failed";
                entries.add(new Entry(attempt.attemptedAt(), 6, "webhook_attempt", "Webhook " + delivery.message().eventType()
                        + " → " + outcome + " in " + attempt.latencyMs() + " ms"
                        + (attempt.error() != null ? ": " + attempt.error() : "") + (attempt.manual() ? " (redelivery)" : ""),
                        fields("webhook_id", delivery.message().endpointId(), "message_id", delivery.message().id(),
                                "event_type", delivery.message().eventType(), "status_code", attempt.statusCode(),
                                "latency_ms", attempt.latencyMs(), "error", attempt.error(),
                                "next_attempt_at", Wire.time(attempt.nextAttemptAt()), "manual", attempt.manual())));
            }
        }
        entries.sort(Comparator.comparing(Entry::at).thenComparingInt(Entry::order));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rental", Wire.rental(rental));
        json.put("key", story.key().map(Wire::key).orElse(null));
        json.put("timeline", entries.stream().map(Entry::json).toList());
        json.put("ledger", story.ledger().stream().map(Wire::ledgerEntry).toList());
        json.put("deliveries", story.deliveries().stream().map(d -> WebhookWire.delivery(d, false)).toList());
        return json;
    }

    private record Entry(Instant at, int order, String type, String summary, Map<String, Object> details) {
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("at", Wire.time(at));
            json.put("type", type);
            json.put("summary", summary);
            json.putAll(details);
            return json;
        }
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
