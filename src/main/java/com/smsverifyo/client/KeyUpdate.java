package com.smsverifyo.client;

import java.math.BigDecimal;

/**
 * Changes to an API key; {@code null} leaves a field as it is.
 *
 * @param name                a new name
 * @param rateLimitPerMinute  a new rate limit
 * @param dailySpendCap       a new daily spend cap, US dollars
 * @param removeDailySpendCap whether to remove the spend cap (wins over {@code dailySpendCap})
 */
public record KeyUpdate(String name, Integer rateLimitPerMinute, BigDecimal dailySpendCap, boolean removeDailySpendCap) {
    /** @return an update that changes nothing yet */
    public static KeyUpdate none() {
        return new KeyUpdate(null, null, null, false);
    }

    /**
     * @param value the new name
     * @return this update with it
     */
    public KeyUpdate name(String value) {
        return new KeyUpdate(value, rateLimitPerMinute, dailySpendCap, removeDailySpendCap);
    }

    /**
     * @param perMinute the new rate limit
     * @return this update with it
     */
    public KeyUpdate rateLimitPerMinute(int perMinute) {
        return new KeyUpdate(name, perMinute, dailySpendCap, removeDailySpendCap);
    }

    /**
     * @param cap the new cap, US dollars
     * @return this update with it
     */
    public KeyUpdate dailySpendCap(BigDecimal cap) {
        return new KeyUpdate(name, rateLimitPerMinute, cap, false);
    }

    /** @return this update removing the spend cap */
    public KeyUpdate withoutDailySpendCap() {
        return new KeyUpdate(name, rateLimitPerMinute, null, true);
    }
}
