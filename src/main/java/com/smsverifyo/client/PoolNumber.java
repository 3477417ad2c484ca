package com.smsverifyo.client;

import java.time.Instant;
import java.util.Optional;

/**
 * One number of the server's pool ({@code GET /v1/numbers}, owner's admin keys).
 *
 * @param phoneNumber E.164, such as {@code +14155550142}
 * @param country     ISO 3166-1 alpha-2
 * @param carrier     {@code mobile} or {@code voip} (kept as the server wrote it)
 * @param source      the type of the source that serves it, such as {@code simulator}
 * @param sourceId    that source's id, if it has one
 * @param deviceId    where the SIM sits (a phone's device id, a modem's port), if known
 * @param simNumber   the SIM slot on a dual-SIM phone, if known
 * @param enabled     whether it is in the pool
 * @param rentable    whether the pool would hand it out now (enabled, its source enabled)
 * @param createdAt   when it was registered
 */
public record PoolNumber(String phoneNumber, String country, String carrier, String source, Optional<String> sourceId,
                         Optional<String> deviceId, Optional<Integer> simNumber, boolean enabled, boolean rentable,
                         Instant createdAt) {
}
