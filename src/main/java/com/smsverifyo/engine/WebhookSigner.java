package com.smsverifyo.engine;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

/**
 * Standard Webhooks signatures, made by the reference library ({@code com.standardwebhooks}), and
 * the secrets they are made with: {@code whsec_} + base64 of 32 random bytes.
 */
public final class WebhookSigner {
    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The {@code webhook-signature} header: one {@code v1,…} signature per secret, space separated
     * (the current secret first, then one in its grace period).
     */
    public static String signature(List<String> secrets, String messageId, long timestampSeconds, String body) {
        StringJoiner header = new StringJoiner(" ");
        for (String secret : secrets) {
            try {
                header.add(new Webhook(secret).sign(messageId, timestampSeconds, body));
            } catch (EmptyWebhookSecretException | WebhookSigningException e) {
                throw new IllegalStateException("cannot sign a webhook: " + e.getMessage(), e);
            }
        }
        return header.toString();
    }
}
