package com.smsverifyo.engine;

import com.smsverifyo.store.WebhookAttempt;
import com.smsverifyo.store.WebhookEndpoint;
import com.smsverifyo.store.WebhookMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shapes of webhooks (endpoints, messages, attempts), beside {@link Wire}. A secret appears
 * only in the shapes named for it.
 */
public final class WebhookWire {
    private WebhookWire() {
    }

    public static Map<String, Object> endpoint(WebhookEndpoint endpoint) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", endpoint.id());
        json.put("account_id", endpoint.accountId());
        json.put("url", endpoint.url());
        json.put("description", endpoint.description());
        json.put("events", endpoint.events());
        json.put("enabled", endpoint.enabled());
        json.put("disabled_reason", endpoint.disabledReason());
        json.put("disabled_at", Wire.time(endpoint.disabledAt()));
        json.put("failing_since", Wire.time(endpoint.failingSince()));
        json.put("previous_secret_expires_at", Wire.time(endpoint.previousSecretExpiresAt()));
        json.put("created_at", Wire.time(endpoint.createdAt()));
        json.put("updated_at", Wire.time(endpoint.updatedAt()));
        return json;
    }

    /** The endpoint with its current secret: the replies of create and rotate-secret. */
    public static Map<String, Object> endpointWithSecret(WebhookEndpoint endpoint) {
        Map<String, Object> json = endpoint(endpoint);
        json.put("secret", endpoint.secret());
        return json;
    }

    /** {@code GET /v1/webhooks/{id}/secret}. */
    public static Map<String, Object> secret(WebhookEndpoint endpoint, java.time.Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("webhook_id", endpoint.id());
        json.put("secret", endpoint.secret());
        boolean grace = endpoint.previousSecretActive(now);
        json.put("previous_secret_expires_at", grace ? Wire.time(endpoint.previousSecretExpiresAt()) : null);
        return json;
    }

    /** A message and its attempts; {@code withBody} adds the payload exactly as it is signed. */
    public static Map<String, Object> delivery(WebhookService.Delivery delivery, boolean withBody) {
        WebhookMessage message = delivery.message();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", message.id());
        json.put("webhook_id", message.endpointId());
        json.put("account_id", message.accountId());
        json.put("event_type", message.eventType());
        json.put("event_id", message.eventId());
        json.put("rental_id", message.rentalId());
        json.put("status", message.status().toString());
        json.put("attempt_count", message.attempts());
        json.put("next_attempt_at", Wire.time(message.nextAttemptAt()));
        json.put("created_at", Wire.time(message.createdAt()));
        json.put("finished_at", Wire.time(message.finishedAt()));
        json.put("attempts", delivery.attempts().stream().map(WebhookWire::attempt).toList());
        if (withBody) {
            json.put("body", message.body());
        }
        return json;
    }

    public static Map<String, Object> attempt(WebhookAttempt attempt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("attempted_at", Wire.time(attempt.attemptedAt()));
        json.put("status_code", attempt.statusCode());
        json.put("latency_ms", attempt.latencyMs());
        json.put("error", attempt.error());
        json.put("next_attempt_at", Wire.time(attempt.nextAttemptAt()));
        json.put("manual", attempt.manual());
        return json;
    }
}
