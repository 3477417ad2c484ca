package com.smsverifyo.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * An account: the key's own, or one of a reseller's customers.
 *
 * @param id                 {@code acc_…}
 * @param parentId           the reseller's account, for a customer
 * @param name               its name
 * @param balance            US dollars
 * @param tier               its price tier, such as {@code retail}
 * @param status             {@code active} or {@code suspended}
 * @param alertThreshold     the daily balance-alert threshold, if set
 * @param spentToday         what it spent today (UTC), US dollars
 * @param spent30d           what it spent today and the 29 UTC days before, US dollars
 * @param createdAt          when it was created, if the server says
 */
public record Account(String id, Optional<String> parentId, String name, BigDecimal balance, String tier, String status,
                      Optional<BigDecimal> alertThreshold, BigDecimal spentToday, BigDecimal spent30d,
                      Optional<Instant> createdAt) {
    /** @return whether the account may rent (not suspended) */
    public boolean isActive() {
        return "active".equals(status);
    }
}
