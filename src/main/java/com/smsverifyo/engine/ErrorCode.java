package com.smsverifyo.engine;

import java.util.Locale;

/** The stable error codes of the contract; each maps to one HTTP status at the API edge. */
public enum ErrorCode {
    INVALID_REQUEST(400, "Invalid request"),
    UNAUTHENTICATED(401, "Authentication required"),
    INVALID_API_KEY(401, "Invalid API key"),
    INSUFFICIENT_BALANCE(402, "Insufficient balance"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    UNKNOWN_SERVICE(404, "Unknown service"),
    UNKNOWN_COUNTRY(404, "Unknown country"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    NO_NUMBERS_AVAILABLE(409, "No numbers available"),
    RENTAL_NOT_CANCELLABLE(409, "Rental not cancellable"),
    RENTAL_NOT_FINISHABLE(409, "Rental not finishable"),
    RENTAL_NOT_RETRYABLE(409, "Rental not retryable"),
    CONFLICT(409, "Conflict"),
    IDEMPOTENCY_REQUEST_IN_PROGRESS(409, "Idempotent request in progress"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    MAX_PRICE_EXCEEDED(422, "Max price exceeded"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    DAILY_SPEND_CAP_REACHED(422, "Daily spend cap reached"),
    RATE_LIMITED(429, "Rate limited"),
    INTERNAL_ERROR(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The snake_case code of the contract. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a response with this code is kept for idempotent replay: the work began. Validation,
     * authentication, scope, in-progress and rate-limit refusals are not kept; neither is a 5xx.
     */
    public boolean replayable() {
        return switch (this) {
            case INVALID_REQUEST, UNAUTHENTICATED, INVALID_API_KEY, FORBIDDEN, IDEMPOTENCY_REQUEST_IN_PROGRESS,
                 RATE_LIMITED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE,
                 INTERNAL_ERROR, SERVICE_UNAVAILABLE -> false;
            default -> true;
        };
    }
}
