package com.smsverifyo.client;

import java.time.Instant;
import java.util.Optional;

/**
 * An endpoint's signing secret. {@link #toString()} never shows it.
 *
 * @param secret          the current secret, {@code whsec_…}
 * @param previousExpires after a rotation: until when the previous secret still signs, if the server says
 */
public record WebhookSecret(String secret, Optional<Instant> previousExpires) {
    /** @return the record, with the secret masked */
    @Override
    public String toString() {
        return "WebhookSecret[secret=whsec_…, previousExpires=" + previousExpires + "]";
    }
}
