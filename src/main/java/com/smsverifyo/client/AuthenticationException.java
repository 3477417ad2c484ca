package com.smsverifyo.client;

/**
 * {@code 401}: no key, a malformed key, or an unknown or revoked one ({@code unauthenticated},
 * {@code invalid_api_key}). Nothing was done; retrying with the same key cannot help.
 */
public class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the problem detail
     * @param method  the request's HTTP method
     * @param path    the request's path
     */
    public AuthenticationException(Problem problem, String method, String path) {
        super(problem, method, path);
    }
}
