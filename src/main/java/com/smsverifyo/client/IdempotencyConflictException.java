package com.smsverifyo.client;

/**
 * The Idempotency-Key clashed: {@code 409 idempotency_request_in_progress} (the first request with
 * this key is still running; the client waits and retries that by itself a few times) or
 * {@code 422 idempotency_key_reused} (the key was used for a different request; never retried).
 */
public final class IdempotencyConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** The code of a retry that arrived while the first request was still running. */
    public static final String IN_PROGRESS = "idempotency_request_in_progress";
    /** The code of a key reused with another method, path or body. */
    public static final String REUSED = "idempotency_key_reused";

    /**
     * @param problem the problem detail
     * @param method  the request's HTTP method
     * @param path    the request's path
     */
    public IdempotencyConflictException(Problem problem, String method, String path) {
        super(problem, method, path);
    }

    /** @return whether the first request with this key is still running (retry later) */
    public boolean inProgress() {
        return IN_PROGRESS.equals(code());
    }

    /** @return whether the key was already used for a different request (use a new key) */
    public boolean reused() {
        return REUSED.equals(code());
    }
}
