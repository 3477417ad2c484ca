package com.smsverifyo.store;

import java.time.Instant;
import java.util.Optional;

/** An account: the owner (no parent) or one of its customers. */
public record Account(String id, String parentId, String name, String tier, AccountStatus status,
                      long balanceMicros, Long alertThresholdMicros, String lowAlertDay, Instant createdAt) {

    public Optional<String> parent() {
        return Optional.ofNullable(parentId);
    }

    public Optional<Long> alertThreshold() {
        return Optional.ofNullable(alertThresholdMicros);
    }

    public boolean isOwner() {
        return parentId == null;
    }
}
