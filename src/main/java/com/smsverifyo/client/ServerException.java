package com.smsverifyo.client;

/**
 * A {@code 5xx} the server still answered after every retry the {@link RetryPolicy} allowed. A creating
 * call whose transaction rolled back can be retried later with the same Idempotency-Key.
 */
public class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the problem detail
     * @param method  the request's HTTP method
     * @param path    the request's path
     */
    public ServerException(Problem problem, String method, String path) {
        super(problem, method, path);
    }
}
