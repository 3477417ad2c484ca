package com.smsverifyo.client;

/**
 * The server could not be reached, or the connection failed before a whole response arrived, on
 * every attempt the {@link RetryPolicy} allowed. For a creating call the outcome is unknown: retry it
 * with the same {@link RequestOptions#idempotencyKey() Idempotency-Key} (within 24 hours) to get
 * the original result, never a second charge.
 */
public final class ConnectionException extends SmsVerifyoException {
    private static final long serialVersionUID = 1L;

    /** How many times the request was sent. */
    private final int attempts;
    /** The Idempotency-Key every attempt carried, or null. */
    private final String idempotencyKey;

    ConnectionException(String message, int attempts, String idempotencyKey, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
        this.idempotencyKey = idempotencyKey;
    }

    /** @return how many times the request was sent */
    public int attempts() {
        return attempts;
    }

    /** @return the Idempotency-Key every attempt carried, to retry with later (empty for reads) */
    public java.util.Optional<String> idempotencyKey() {
        return java.util.Optional.ofNullable(idempotencyKey);
    }
}
