package com.smsverifyo.client;

/**
 * {@code 422 daily_spend_cap_reached}: the key's daily spend cap would be passed. Nothing was charged.
 */
public class SpendCapReachedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the problem detail
     * @param method  the request's HTTP method
     * @param path    the request's path
     */
    public SpendCapReachedException(Problem problem, String method, String path) {
        super(problem, method, path);
    }
}
