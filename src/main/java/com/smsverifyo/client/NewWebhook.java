package com.smsverifyo.client;

import java.util.List;
import java.util.Objects;

/**
 * A webhook endpoint to register.
 *
 * @param url    {@code https://…} (or {@code http://}); private and loopback addresses only where
 *               the server allows them
 * @param events the event types to receive, such as {@code rental.code_received}
 */
public record NewWebhook(String url, List<String> events) {
    /**
     * Checks the fields are given.
     *
     * @param url {@code https://…} (or {@code http://}); private and loopback addresses only where the server allows them
     * @param events the event types to receive, such as {@code rental.code_received}
     */
    public NewWebhook {
        Objects.requireNonNull(url, "url");
        events = List.copyOf(events);
    }

    /**
     * @param url    the receiver's URL
     * @param events the event types
     * @return the request
     */
    public static NewWebhook of(String url, String... events) {
        return new NewWebhook(url, List.of(events));
    }
}
