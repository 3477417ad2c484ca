package com.smsverifyo.store;

import java.time.Instant;
import java.util.Set;

/** A stored API key: its hash and settings, never the key itself. */
public record ApiKeyRecord(String id, String accountId, String name, byte[] keyHash, String displayPrefix,
                           Set<String> scopes, int rateLimitPerMinute, Long dailySpendCapMicros,
                           Instant createdAt, Instant revokedAt, Instant lastUsedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
