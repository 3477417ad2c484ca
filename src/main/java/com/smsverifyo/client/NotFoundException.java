package com.smsverifyo.client;

/**
 * {@code 404}: no such id for this key ({@code not_found}; ids of other accounts look the same), or a
 * service or country the catalog does not have ({@code unknown_service}, {@code unknown_country}).
 */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the problem detail
     * @param method  the request's HTTP method
     * @param path    the request's path
     */
    public NotFoundException(Problem problem, String method, String path) {
        super(problem, method, path);
    }
}
