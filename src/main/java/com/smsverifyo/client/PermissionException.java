package com.smsverifyo.client;

/**
 * {@code 403 forbidden}: the key lacks the scope, or its account is suspended. Nothing was done.
 */
public class PermissionException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the problem detail
     * @param method  the request's HTTP method
     * @param path    the request's path
     */
    public PermissionException(Problem problem, String method, String path) {
        super(problem, method, path);
    }
}
