package com.smsverifyo.client;

import java.util.List;
import java.util.Map;

/**
 * The server refused a request or answered it with an error: the problem detail it sent, and the
 * request it answered. Subclasses exist for the codes a program branches on; everything else is an
 * {@code ApiException} whose {@link #code()} says what happened.
 */
public class ApiException extends SmsVerifyoException {
    private static final long serialVersionUID = 1L;

    /** The problem detail the server sent. */
    private final transient Problem problem;
    /** The refused request's method. */
    private final String method;
    /** The refused request's path. */
    private final String path;

    /**
     * @param problem the problem detail
     * @param method  the request's HTTP method
     * @param path    the request's path (no query string)
     */
    public ApiException(Problem problem, String method, String path) {
        super(method + " " + path + " failed: " + problem.status() + " " + problem.code() + ": " + problem.detail());
        this.problem = problem;
        this.method = method;
        this.path = path;
    }

    /** @return the whole problem detail */
    public Problem problem() {
        return problem;
    }

    /** @return the HTTP status */
    public int status() {
        return problem.status();
    }

    /** @return the contract's stable error code, such as {@code no_numbers_available} */
    public String code() {
        return problem.code();
    }

    /** @return the problem's short title */
    public String title() {
        return problem.title();
    }

    /** @return the problem's explanation, fit to show a person */
    public String detail() {
        return problem.detail();
    }

    /** @return the invalid fields, if the server named any */
    public List<FieldError> errors() {
        return problem.errors();
    }

    /** @return the problem's extra members */
    public Map<String, Object> extras() {
        return problem.extras();
    }

    /** @return the HTTP method of the refused request */
    public String method() {
        return method;
    }

    /** @return the path of the refused request */
    public String path() {
        return path;
    }
}
