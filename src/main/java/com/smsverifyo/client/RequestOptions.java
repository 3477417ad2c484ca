package com.smsverifyo.client;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Per-call options of a creating or state-changing request.
 *
 * @param idempotencyKey the Idempotency-Key to send (1–255 characters of {@code A–Z a–z 0–9 _ . : -});
 *                       {@code null} lets the client make a random UUID. Either way the same key is
 *                       sent on every retry of the call. Give your own to retry a call across
 *                       process restarts (within 24 hours) without a second charge.
 */
public record RequestOptions(String idempotencyKey) {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");
    private static final RequestOptions NONE = new RequestOptions(null);

    /**
     * Checks the key's form here, so a bad key fails before anything is sent.
     *
     * @param idempotencyKey the Idempotency-Key to send (1–255 characters of {@code A–Z a–z 0–9 _ . : -}); {@code null} lets the client make a random UUID. Either way the same key is sent on every retry of the call. Give your own to retry a call across process restarts (within 24 hours) without a second charge.
     */
    public RequestOptions {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw new IllegalArgumentException(
                    "An Idempotency-Key must be 1 to 255 characters of A-Z, a-z, 0-9 and _ . : -");
        }
    }

    /** @return no options: a random Idempotency-Key per call */
    public static RequestOptions none() {
        return NONE;
    }

    /**
     * @param key the Idempotency-Key to send
     * @return options with that key
     */
    public static RequestOptions idempotencyKey(String key) {
        return new RequestOptions(key);
    }

    /** @return the caller's key, if one was given */
    public Optional<String> givenKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** The key to send: the caller's, or a fresh random one. */
    String keyOrRandom() {
        return idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
    }
}
