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
 * @param description the owner's note about it, if any
 * @param disabledReason why it is disabled: {@code manual}, {@code gone} (the receiver answered 410) or
 *                  {@code failing} (every attempt failed for days); empty while enabled
 * @param disabledAt when it was disabled
 * @param failingSince since when every attempt has failed; empty while deliveries succeed
 * @param previousSecretExpiresAt after a rotation: until when the previous secret still signs
 */
public record Webhook(String id, String url, List<String> events, boolean enabled, Optional<String> accountId,
                      Optional<Instant> createdAt, Optional<String> description, Optional<String> disabledReason,
                      Optional<Instant> disabledAt, Optional<Instant> failingSince,
                      Optional<Instant> previousSecretExpiresAt) {
    /**
     * Copies the list so the record stays immutable.
     *
     * @param id {@code whk_…}
     * @param url the receiver's URL
     * @param events the event types it receives, such as {@code rental.code_received}
     * @param enabled whether deliveries are made
     * @param accountId the account it belongs to, if the server says
     * @param createdAt when it was registered, if the server says
     * @param description the owner's note about it, if any
     * @param disabledReason why it is disabled ({@code manual}, {@code gone}, {@code failing})
     * @param disabledAt when it was disabled
     * @param failingSince since when every attempt has failed
     * @param previousSecretExpiresAt until when the previous secret still signs
     */
    public Webhook {
        events = List.copyOf(events);
    }

    /**
     * An endpoint without health details (servers that do not report them).
     *
     * @param id {@code whk_…}
     * @param url the receiver's URL
     * @param events the event types it receives
     * @param enabled whether deliveries are made
     * @param accountId the account it belongs to, if the server says
     * @param createdAt when it was registered, if the server says
     */
    public Webhook(String id, String url, List<String> events, boolean enabled, Optional<String> accountId,
                   Optional<Instant> createdAt) {
        this(id, url, events, enabled, accountId, createdAt, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
