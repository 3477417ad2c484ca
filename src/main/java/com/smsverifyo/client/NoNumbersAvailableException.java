package com.smsverifyo.client;

/**
 * {@code 409 no_numbers_available}: no free number matches the service, country and carrier right now.
 * Nothing was charged; try another country or carrier, or later.
 */
public class NoNumbersAvailableException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the problem detail
     * @param method  the request's HTTP method
     * @param path    the request's path
     */
    public NoNumbersAvailableException(Problem problem, String method, String path) {
        super(problem, method, path);
    }
}
