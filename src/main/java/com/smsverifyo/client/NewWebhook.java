package com.smsverifyo.client;

import java.util.List;
import java.util.Objects;

/**
 * A webhook endpoint to register: {@code NewWebhook.of(url, "rental.code_received").description("orders")}.
 *
 * @param url         {@code https://…} (or {@code http://}); private and loopback addresses only where
 *                    the server allows them
 * @param events      the event types to receive, such as {@code rental.code_received}; empty for every
 *                    event ({@code webhook.test} is always sent)
 * @param description a note shown with the endpoint; {@code null} for none
 * @param accountId   a customer's account to register it for (admin keys); {@code null} for the caller's own
 */
public record NewWebhook(String url, List<String> events, String description, String accountId) {
    /**
     * Checks the URL is given.
     *
     * @param url {@code https://…} (or {@code http://}); private and loopback addresses only where the server allows them
     * @param events the event types to receive; empty (or {@code null}) for every event
     * @param description a note shown with the endpoint; {@code null} for none
     * @param accountId a customer's account to register it for; {@code null} for the caller's own
     */
    public NewWebhook {
        Objects.requireNonNull(url, "url");
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * @param url    the receiver's URL
     * @param events the event types; none for every event
     * @return the request
     */
    public static NewWebhook of(String url, String... events) {
        return new NewWebhook(url, List.of(events), null, null);
    }

    /**
     * @param text a note shown with the endpoint (at most 200 characters)
     * @return this request with it
     */
    public NewWebhook description(String text) {
        return new NewWebhook(url, events, text, accountId);
    }

    /**
     * @param account a customer's account id
     * @return this request for that account
     */
    public NewWebhook forAccount(String account) {
        return new NewWebhook(url, events, description, account);
    }
}
