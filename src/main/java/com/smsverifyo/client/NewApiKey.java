package com.smsverifyo.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A new API key: {@code NewApiKey.of("worker-1", "rentals").rateLimitPerMinute(120)}.
 *
 * @param name               its name
 * @param scopes             {@code rentals} and/or {@code admin}
 * @param rateLimitPerMinute rental creations per minute; {@code null} for the default (60)
 * @param dailySpendCap      a daily spend cap in US dollars; {@code null} for none
 * @param accountId          a customer's account to create it for; {@code null} for the caller's own
 */
public record NewApiKey(String name, List<String> scopes, Integer rateLimitPerMinute, BigDecimal dailySpendCap,
                        String accountId) {
    /**
     * Checks the required fields.
     *
     * @param name its name
     * @param scopes {@code rentals} and/or {@code admin}
     * @param rateLimitPerMinute rental creations per minute; {@code null} for the default (60)
     * @param dailySpendCap a daily spend cap in US dollars; {@code null} for none
     * @param accountId a customer's account to create it for; {@code null} for the caller's own
     */
    public NewApiKey {
        Objects.requireNonNull(name, "name");
        scopes = List.copyOf(scopes);
    }

    /**
     * @param name   its name
     * @param scopes its scopes
     * @return a key with the default limits
     */
    public static NewApiKey of(String name, String... scopes) {
        return new NewApiKey(name, List.of(scopes), null, null, null);
    }

    /**
     * @param perMinute rental creations per minute
     * @return this request with that rate limit
     */
    public NewApiKey rateLimitPerMinute(int perMinute) {
        return new NewApiKey(name, scopes, perMinute, dailySpendCap, accountId);
    }

    /**
     * @param cap US dollars per day
     * @return this request with that spend cap
     */
    public NewApiKey dailySpendCap(BigDecimal cap) {
        return new NewApiKey(name, scopes, rateLimitPerMinute, cap, accountId);
    }

    /**
     * @param account a customer's account id
     * @return this request for that account
     */
    public NewApiKey forAccount(String account) {
        return new NewApiKey(name, scopes, rateLimitPerMinute, dailySpendCap, account);
    }
}
