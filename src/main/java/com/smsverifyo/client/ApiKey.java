package com.smsverifyo.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An API key as lists show it: never the key itself, only its display prefix.
 *
 * @param id                 {@code key_…}
 * @param accountId          the account it acts for
 * @param name               its name
 * @param prefix             the display prefix, such as {@code sms_live_AbCd}
 * @param scopes             {@code rentals} and/or {@code admin}
 * @param rateLimitPerMinute rental creations per minute
 * @param dailySpendCap      the daily spend cap, US dollars, if set
 * @param status             {@code active} or {@code revoked}
 * @param createdAt          when it was created
 * @param lastUsedAt         when it was last used
 * @param revokedAt          when it was revoked
 */
public record ApiKey(String id, String accountId, String name, String prefix, List<String> scopes, int rateLimitPerMinute,
                     Optional<BigDecimal> dailySpendCap, String status, Instant createdAt, Optional<Instant> lastUsedAt,
                     Optional<Instant> revokedAt) {
    /**
     * Copies the scopes so the record stays immutable.
     *
     * @param id {@code key_…}
     * @param accountId the account it acts for
     * @param name its name
     * @param prefix the display prefix, such as {@code sms_live_AbCd}
     * @param scopes {@code rentals} and/or {@code admin}
     * @param rateLimitPerMinute rental creations per minute
     * @param dailySpendCap the daily spend cap, US dollars, if set
     * @param status {@code active} or {@code revoked}
     * @param createdAt when it was created
     * @param lastUsedAt when it was last used
     * @param revokedAt when it was revoked
     */
    public ApiKey {
        scopes = List.copyOf(scopes);
    }

    /** @return whether the key was revoked */
    public boolean isRevoked() {
        return "revoked".equals(status);
    }
}
