package com.smsverifyo.client;

import java.time.Instant;
import java.util.Optional;

/**
 * An endpoint's signing secret, as {@code GET /v1/webhooks/{id}/secret} shows it. {@link #toString()}
 * never shows the secret.
 *
 * @param webhookId               the endpoint ({@code whk_…})
 * @param secret                  the current secret, {@code whsec_…}
 * @param previousSecretExpiresAt during the grace period after a rotation: until when the previous
 *                                secret still signs every delivery too (the server never shows the
 *                                previous secret itself: keep it from before the rotation)
 */
public record WebhookSecret(String webhookId, String secret, Optional<Instant> previousSecretExpiresAt) {
    /** @return the record, with the secret masked */
    @Override
    public String toString() {
        return "WebhookSecret[webhookId=" + webhookId + ", secret=whsec_…, previousSecretExpiresAt="
                + previousSecretExpiresAt + "]";
    }
}
