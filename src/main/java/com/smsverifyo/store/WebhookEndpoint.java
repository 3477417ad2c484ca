package com.smsverifyo.store;

import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint of an account. {@code previousSecret} keeps signing until
 * {@code previousSecretExpiresAt} after a rotation; {@code failingSince} is the first failed attempt
 * since the last success (null while healthy). {@link #toString()} never shows a secret.
 */
public record WebhookEndpoint(String id, String accountId, String url, String description, List<String> events,
                              boolean enabled, String disabledReason, Instant disabledAt, String secret,
                              String previousSecret, Instant previousSecretExpiresAt, Instant failingSince,
                              Instant createdAt, Instant updatedAt) {

    public WebhookEndpoint {
        events = List.copyOf(events);
    }

    public boolean subscribes(String eventType) {
        return events.contains(eventType);
    }

    /** Whether the previous secret still signs at {@code now}. */
    public boolean previousSecretActive(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt);
    }

    public WebhookEndpoint withSettings(String newUrl, String newDescription, List<String> newEvents, Instant at) {
        return new WebhookEndpoint(id, accountId, newUrl, newDescription, newEvents, enabled, disabledReason, disabledAt,
                secret, previousSecret, previousSecretExpiresAt, failingSince, createdAt, at);
    }

    public WebhookEndpoint enabled(Instant at) {
        return new WebhookEndpoint(id, accountId, url, description, events, true, null, null, secret, previousSecret,
                previousSecretExpiresAt, null, createdAt, at);
    }

    public WebhookEndpoint disabled(String reason, Instant at) {
        return new WebhookEndpoint(id, accountId, url, description, events, false, reason, at, secret, previousSecret,
                previousSecretExpiresAt, failingSince, createdAt, at);
    }

    public WebhookEndpoint withSecret(String newSecret, String oldSecret, Instant oldExpiresAt, Instant at) {
        return new WebhookEndpoint(id, accountId, url, description, events, enabled, disabledReason, disabledAt,
                newSecret, oldSecret, oldExpiresAt, failingSince, createdAt, at);
    }

    public WebhookEndpoint withFailingSince(Instant since) {
        return new WebhookEndpoint(id, accountId, url, description, events, enabled, disabledReason, disabledAt,
                secret, previousSecret, previousSecretExpiresAt, since, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + id + " " + url + (enabled ? "" : " disabled:" + disabledReason) + "]";
    }
}
