package com.smsverifyo.client;

/**
 * {@code 400 invalid_request} (and {@code 413}, {@code 415}): the request itself is wrong; {@link #errors()}
 * names each invalid field. Nothing was done.
 */
public class ValidationException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the problem detail
     * @param method  the request's HTTP method
     * @param path    the request's path
     */
    public ValidationException(Problem problem, String method, String path) {
        super(problem, method, path);
    }
}
