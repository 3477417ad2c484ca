package com.smsverifyo.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A webhook endpoint: where the server delivers events, signed with the endpoint's secret.
 *
 * @param id        {@code whk_…}
 * @param url       the receiver's URL
 * @param events    the event types it receives, such as {@code rental.code_received}
 * @param enabled   whether deliveries are made
 * @param accountId the account it belongs to, if the server says
 * @param createdAt when it was registered, if the server says
 */
public record Webhook(String id, String url, List<String> events, boolean enabled, Optional<String> accountId,
                      Optional<Instant> createdAt) {
    /**
     * Copies the list so the record stays immutable.
     *
     * @param id {@code whk_…}
     * @param url the receiver's URL
     * @param events the event types it receives, such as {@code rental.code_received}
     * @param enabled whether deliveries are made
     * @param accountId the account it belongs to, if the server says
     * @param createdAt when it was registered, if the server says
     */
    public Webhook {
        events = List.copyOf(events);
    }
}
