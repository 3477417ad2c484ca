package com.smsverifyo.client;

import java.util.List;

/**
 * Changes to a webhook endpoint; {@code null} leaves a field as it is.
 *
 * @param enabled whether deliveries are made
 * @param events  the event types to receive
 */
public record WebhookUpdate(Boolean enabled, List<String> events) {
    /**
     * Copies the list so the record stays immutable.
     *
     * @param enabled whether deliveries are made
     * @param events the event types to receive
     */
    public WebhookUpdate {
        events = events == null ? null : List.copyOf(events);
    }

    /** @return an update disabling the endpoint */
    public static WebhookUpdate disable() {
        return new WebhookUpdate(false, null);
    }

    /** @return an update enabling the endpoint */
    public static WebhookUpdate enable() {
        return new WebhookUpdate(true, null);
    }

    /**
     * @param types the event types to receive from now on
     * @return an update of the event filter
     */
    public static WebhookUpdate events(String... types) {
        return new WebhookUpdate(null, List.of(types));
    }
}
