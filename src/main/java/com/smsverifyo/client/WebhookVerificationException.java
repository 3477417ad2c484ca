package com.smsverifyo.client;

/**
 * A webhook delivery did not verify: missing headers, a timestamp outside the tolerance, or no
 * signature made with any of the secrets. Answer it with {@code 400} and do not act on it. The
 * message says which check failed, never a secret or a signature.
 */
public final class WebhookVerificationException extends SmsVerifyoException {
    private static final long serialVersionUID = 1L;

    WebhookVerificationException(String message) {
        super(message);
    }

    WebhookVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
