package com.smsverifyo.client;

/**
 * A webhook endpoint just registered, with its signing secret. {@link #toString()} never shows the
 * secret; give it to your receiver's {@link WebhookVerifier}.
 *
 * @param webhook the endpoint
 * @param secret  its signing secret, {@code whsec_…}
 */
public record CreatedWebhook(Webhook webhook, String secret) {
    /** @return the record, with the secret masked */
    @Override
    public String toString() {
        return "CreatedWebhook[webhook=" + webhook + ", secret=whsec_…]";
    }
}
