package com.smsverifyo.client;

import java.util.Objects;

/**
 * A SIM number to add to the pool ({@code POST /v1/numbers}).
 *
 * @param phoneNumber E.164
 * @param country     ISO 3166-1 alpha-2
 * @param carrier     {@code mobile} or {@code voip}
 * @param sourceId    the source that receives its SMS
 * @param deviceId    where the SIM sits (a phone's device id, a modem's port), or null
 * @param simNumber   the SIM slot, or null
 */
public record NewPoolNumber(String phoneNumber, String country, String carrier, String sourceId, String deviceId,
                            Integer simNumber) {
    public NewPoolNumber {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(sourceId, "sourceId");
        carrier = carrier == null ? "mobile" : carrier;
    }

    /** A mobile number of {@code sourceId}, found by its number alone. */
    public static NewPoolNumber of(String phoneNumber, String country, String sourceId) {
        return new NewPoolNumber(phoneNumber, country, "mobile", sourceId, null, null);
    }

    /** The same number on a phone's or modem's SIM. */
    public NewPoolNumber onDevice(String device, Integer sim) {
        return new NewPoolNumber(phoneNumber, country, carrier, sourceId, device, sim);
    }
}
