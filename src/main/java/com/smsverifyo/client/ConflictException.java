package com.smsverifyo.client;

/**
 * {@code 409}: the resource is not in a state that allows the change, such as
 * {@code rental_not_cancellable} once a code arrived.
 */
public class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the problem detail
     * @param method  the request's HTTP method
     * @param path    the request's path
     */
    public ConflictException(Problem problem, String method, String path) {
        super(problem, method, path);
    }
}
