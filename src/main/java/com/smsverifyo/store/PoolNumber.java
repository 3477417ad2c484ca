package com.smsverifyo.store;

import java.time.Instant;

/** A phone number of the pool, in E.164. */
public record PoolNumber(long id, String phoneNumber, String country, NumberType type, String source,
                         boolean enabled, Instant createdAt) {
}
