package com.smsverifyo.client;

import java.util.Optional;

/**
 * A successful response with what came with it besides the body.
 *
 * @param value          the decoded body
 * @param status         the HTTP status
 * @param replayed       whether the server replayed a stored response ({@code Idempotent-Replayed: true}):
 *                       an earlier attempt with the same Idempotency-Key had already done the work
 * @param idempotencyKey the Idempotency-Key the request carried (empty for reads)
 * @param rateLimit      the key's rental-creation quota after this request, if the server reported it
 * @param attempts       how many times the request was sent (1 when nothing was retried)
 * @param <T>            the body's type
 */
public record ApiResponse<T>(T value, int status, boolean replayed, Optional<String> idempotencyKey,
                             Optional<RateLimit> rateLimit, int attempts) {
}
