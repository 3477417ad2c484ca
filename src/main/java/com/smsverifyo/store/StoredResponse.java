package com.smsverifyo.store;

import java.time.Instant;

/** A response kept for idempotent replay, byte for byte. */
public record StoredResponse(String keyId, String idempotencyKey, String method, String path, byte[] fingerprint,
                             int status, String contentType, String location, byte[] body, boolean sealed,
                             Instant createdAt) {
}
