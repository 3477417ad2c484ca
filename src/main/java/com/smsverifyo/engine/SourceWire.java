package com.smsverifyo.engine;

import com.smsverifyo.store.Message;
import com.smsverifyo.store.PoolNumber;
import com.smsverifyo.store.SourceRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of sources, pool numbers and inbound messages (owner's admin API). */
public final class SourceWire {
    private SourceWire() {
    }

    /**
     * A source as the API shows it: settings with every secret masked.
     *
     * @param inboundUrl where its deliveries go, for types that receive over HTTP; null otherwise
     */
    public static Map<String, Object> source(SourceRecord source, Object settings, SourceHealth health, long numbers,
                                             String inboundUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", source.id());
        json.put("type", source.type());
        json.put("name", source.name());
        json.put("enabled", source.enabled());
        json.put("settings", settings);
        json.put("health", health(health));
        json.put("numbers", numbers);
        if (inboundUrl != null) {
            json.put("inbound_url", inboundUrl);
        }
        json.put("created_at", Wire.time(source.createdAt()));
        json.put("updated_at", Wire.time(source.updatedAt()));
        return json;
    }

    public static Map<String, Object> health(SourceHealth health) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", health.status().toString());
        json.put("detail", health.detail());
        json.put("last_message_at", Wire.time(health.lastMessageAt()));
        return json;
    }

    /** A pool number; {@code rentable} says whether the pool would hand it out now. */
    public static Map<String, Object> number(PoolNumber number, boolean rentable) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("phone_number", number.phoneNumber());
        json.put("country", number.country());
        json.put("carrier", number.type().toString());
        json.put("source", number.source());
        json.put("source_id", number.sourceId());
        json.put("device_id", number.deviceId());
        json.put("sim_number", number.simNumber());
        json.put("enabled", number.enabled());
        json.put("rentable", rentable);
        json.put("created_at", Wire.time(number.createdAt()));
        return json;
    }

    /** An inbound SMS with where it went: matched to a rental, late on one, or unmatched. */
    public static Map<String, Object> inboundMessage(Message message) {
        Map<String, Object> json = new LinkedHashMap<>(Wire.message(message));
        json.put("phone_number", message.phoneNumber());
        json.put("rental_id", message.rentalId());
        json.put("status", message.rentalId() == null ? InboundMessageService.MatchStatus.UNMATCHED.toString()
                : message.late() ? InboundMessageService.MatchStatus.LATE.toString()
                : InboundMessageService.MatchStatus.MATCHED.toString());
        return json;
    }
}
