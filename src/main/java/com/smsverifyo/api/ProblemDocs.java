package com.smsverifyo.api;

import com.smsverifyo.engine.ErrorCode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each problem {@code code} means and what a client does about it: the rows of
 * {@code /docs/problems}, where every problem's {@code type} URI points.
 */
final class ProblemDocs {
    private static final Map<ErrorCode, String> MEANINGS = new EnumMap<>(ErrorCode.class);

    static {
        explain(ErrorCode.INVALID_REQUEST, "Malformed JSON, a wrong type, a missing or invalid field or header. "
                + "`detail` names the field; `errors` lists each one as a JSON pointer. Fix the request; retrying it unchanged fails again.");
        explain(ErrorCode.UNAUTHENTICATED, "No `Authorization: Bearer sms_live_…` header, or not in that form. "
                + "Send the API key on every `/v1` call.");
        explain(ErrorCode.INVALID_API_KEY, "The key is unknown, revoked, or mistyped (its checksum fails). "
                + "Check that it was copied whole; revoked keys stop working at once.");
        explain(ErrorCode.INSUFFICIENT_BALANCE, "The balance is below the price; nothing was charged. "
                + "Members `balance_usd` and `price_usd`. Top up, then retry.");
        explain(ErrorCode.FORBIDDEN, "The key lacks the scope this call needs (`rentals` or `admin`).");
        explain(ErrorCode.NOT_FOUND, "No such resource, or it belongs to another account (the two are never told apart).");
        explain(ErrorCode.UNKNOWN_SERVICE, "The service is not in the catalog. `GET /v1/services` lists what can be rented.");
        explain(ErrorCode.UNKNOWN_COUNTRY, "The country is not in the catalog for that service (ISO 3166-1 alpha-2 codes).");
        explain(ErrorCode.METHOD_NOT_ALLOWED, "The path exists but not with this HTTP method.");
        explain(ErrorCode.NOT_ACCEPTABLE, "The `Accept` header asks for a format this endpoint cannot send.");
        explain(ErrorCode.NO_NUMBERS_AVAILABLE, "No free number matches the service, country and carrier right now; "
                + "nothing was charged. Retry later, or try `carrier: any` or another country.");
        explain(ErrorCode.RENTAL_NOT_CANCELLABLE, "A code already arrived, or the rental has ended; it cannot be "
                + "cancelled (cancelling a cancelled rental again returns it unchanged).");
        explain(ErrorCode.RENTAL_NOT_FINISHABLE, "Only a `received` rental can be finished early.");
        explain(ErrorCode.RENTAL_NOT_RETRYABLE, "Only a `received` rental can ask for another SMS.");
        explain(ErrorCode.CONFLICT, "The change conflicts with the current state of the resource; `detail` says how.");
        explain(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS, "The first request with this `Idempotency-Key` is still "
                + "running. Nothing was stored: retry a moment later with the same key.");
        explain(ErrorCode.PAYLOAD_TOO_LARGE, "Request bodies are limited to 64 KiB.");
        explain(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as `application/json`.");
        explain(ErrorCode.MAX_PRICE_EXCEEDED, "The current price is above your `max_price_usd`; nothing was charged. "
                + "Members `price_usd` and `max_price_usd`.");
        explain(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This `Idempotency-Key` was used with a different method, path or "
                + "body in the last 24 hours. Use a new key for a new request.");
        explain(ErrorCode.DAILY_SPEND_CAP_REACHED, "The key's `daily_spend_cap_usd` would be passed; nothing was "
                + "charged. The cap resets at midnight UTC.");
        explain(ErrorCode.RATE_LIMITED, "The key's `rate_limit_per_minute` for rental creation is used up. Wait the "
                + "`Retry-After` seconds, then retry; a refused request charges nothing.");
        explain(ErrorCode.INTERNAL_ERROR, "An unexpected error; nothing was changed. Retry with the same "
                + "`Idempotency-Key`: at most one rental and one charge come of any number of retries.");
        explain(ErrorCode.SERVICE_UNAVAILABLE, "The server could not store the change right now; nothing was changed. "
                + "Retry after `Retry-After` with the same `Idempotency-Key`.");
    }

    private ProblemDocs() {
    }

    private static void explain(ErrorCode code, String meaning) {
        MEANINGS.put(code, meaning);
    }

    /** The explanation of a code, in Markdown-ish text ({@code `…`} for code). */
    static Optional<String> meaning(ErrorCode code) {
        return Optional.ofNullable(MEANINGS.get(code));
    }
}
