package com.smsverifyo.sources.android;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A webhook delivery of the app, as documented:
 * {@code {id, webhookId, event, deviceId, payload: {messageId, message, sender, recipient, simNumber, receivedAt}}}.
 * Older versions of the app send the sender as {@code phoneNumber} and no {@code recipient};
 * {@code recipient} and {@code simNumber} may be null or absent. {@code receivedAt} carries the
 * phone's UTC offset ({@code 2024-06-22T15:46:11.000+07:00}).
 *
 * @param id         the delivery's id: the same on each of the app's retries
 * @param receivedAt when the SMS reached the phone, by the phone's clock; null if not given or unreadable
 */
record GatewayWebhook(String id, String event, String deviceId, String message, String sender, String recipient,
                      Integer simNumber, Instant receivedAt) {
    static final String SMS_RECEIVED = "sms:received";

    boolean smsReceived() {
        return SMS_RECEIVED.equals(event);
    }

    /** Reads a delivery; refuses what is not one (after its signature was checked). */
    static GatewayWebhook parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw DomainException.invalid("body", "The delivery is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw DomainException.invalid("body", "The delivery could not be read.");
        }
        if (root == null || !root.isObject()) {
            throw DomainException.invalid("body", "The delivery must be a JSON object.");
        }
        String id = text(root, "id");
        String event = text(root, "event");
        if (id == null || event == null) {
            String missing = id == null ? "id" : "event";
            throw DomainException.invalid(missing, "The delivery has no '" + missing + "'.");
        }
        JsonNode payload = root.path("payload");
        String message = text(payload, "message");
        if (SMS_RECEIVED.equals(event) && message == null) {
            throw DomainException.invalid("payload/message", "An sms:received delivery must carry 'payload.message'.");
        }
        String sender = text(payload, "sender");
        if (sender == null) {
            sender = text(payload, "phoneNumber");
        }
        JsonNode sim = payload.path("simNumber");
        Integer simNumber = sim.canConvertToInt() && sim.isIntegralNumber() ? sim.intValue() : null;
        return new GatewayWebhook(id, event, text(root, "deviceId"), message, sender, text(payload, "recipient"),
                simNumber, instant(text(payload, "receivedAt")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
