package com.smsverifyo.client;

/**
 * A webhook endpoint with its signing secret: the reply of registering an endpoint, and of rotating
 * its secret. {@link #toString()} never shows the secret; give it to your receiver's
 * {@link WebhookVerifier}.
 *
 * @param webhook the endpoint (after a rotation, {@link Webhook#previousSecretExpiresAt()} says until
 *                when the previous secret still signs)
 * @param secret  its current signing secret, {@code whsec_…}
 */
public record CreatedWebhook(Webhook webhook, String secret) {
    /** @return the record, with the secret masked */
    @Override
    public String toString() {
        return "CreatedWebhook[webhook=" + webhook + ", secret=whsec_…]";
    }
}
