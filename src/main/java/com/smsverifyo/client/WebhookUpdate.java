package com.smsverifyo.client;

import java.util.List;

/**
 * Changes to a webhook endpoint; {@code null} leaves a field as it is:
 * {@code WebhookUpdate.events("rental.code_received").url("https://…")}.
 *
 * @param enabled            whether deliveries are made (enabling sends the messages held meanwhile at once)
 * @param events             the event types to receive
 * @param url                a new URL (checked as at registration)
 * @param description        a new note
 * @param removeDescription  whether to remove the note (wins over {@code description})
 */
public record WebhookUpdate(Boolean enabled, List<String> events, String url, String description,
                            boolean removeDescription) {
    /**
     * Copies the list so the record stays immutable.
     *
     * @param enabled whether deliveries are made
     * @param events the event types to receive
     * @param url a new URL
     * @param description a new note
     * @param removeDescription whether to remove the note
     */
    public WebhookUpdate {
        events = events == null ? null : List.copyOf(events);
    }

    /** @return an update that changes nothing yet */
    public static WebhookUpdate none() {
        return new WebhookUpdate(null, null, null, null, false);
    }

    /** @return an update disabling the endpoint */
    public static WebhookUpdate disable() {
        return none().enabled(false);
    }

    /** @return an update enabling the endpoint */
    public static WebhookUpdate enable() {
        return none().enabled(true);
    }

    /**
     * @param types the event types to receive from now on (at least one)
     * @return an update of the event filter
     */
    public static WebhookUpdate events(String... types) {
        return new WebhookUpdate(null, List.of(types), null, null, false);
    }

    /**
     * @param value whether deliveries are made
     * @return this update with it
     */
    public WebhookUpdate enabled(boolean value) {
        return new WebhookUpdate(value, events, url, description, removeDescription);
    }

    /**
     * @param value the receiver's new URL
     * @return this update with it
     */
    public WebhookUpdate url(String value) {
        return new WebhookUpdate(enabled, events, value, description, removeDescription);
    }

    /**
     * @param value the new note
     * @return this update with it
     */
    public WebhookUpdate description(String value) {
        return new WebhookUpdate(enabled, events, url, value, false);
    }

    /** @return this update removing the note */
    public WebhookUpdate withoutDescription() {
        return new WebhookUpdate(enabled, events, url, null, true);
    }
}
