package com.smsverifyo.store;

import java.time.Instant;

/**
 * A phone number of the pool, in E.164.
 *
 * @param source    the kind of source that feeds it ({@code simulator}, {@code android-gateway}…, or {@code api})
 * @param sourceId  the source that feeds it ({@code src_…}); null for numbers that predate sources
 * @param deviceId  where the SIM sits on that source: an Android device's id, or a modem's port
 * @param simNumber the SIM slot on that device (1, 2…), when it has several
 */
public record PoolNumber(long id, String phoneNumber, String country, NumberType type, String source,
                         boolean enabled, Instant createdAt, String sourceId, String deviceId, Integer simNumber) {

    /** A number without a source plug-in behind it. */
    public PoolNumber(long id, String phoneNumber, String country, NumberType type, String source, boolean enabled,
                      Instant createdAt) {
        this(id, phoneNumber, country, type, source, enabled, createdAt, null, null, null);
    }
}
