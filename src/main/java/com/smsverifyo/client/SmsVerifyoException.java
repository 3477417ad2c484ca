package com.smsverifyo.client;

/**
 * The root of every exception the client throws. Messages name the request (method and path) and
 * what went wrong; they never contain an API key or a webhook secret.
 */
public class SmsVerifyoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, for people
     * @param cause   the underlying failure, or {@code null}
     */
    public SmsVerifyoException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what went wrong, for people */
    public SmsVerifyoException(String message) {
        super(message);
    }
}
