package com.smsverifyo.client;

/**
 * A key just created: the only time the server shows the key itself. Store it now; it cannot be
 * read again. {@link #toString()} never shows it.
 *
 * @param apiKey the key's record
 * @param secret the whole key, {@code sms_live_…}
 */
public record CreatedApiKey(ApiKey apiKey, String secret) {
    /** @return the record, with the key masked */
    @Override
    public String toString() {
        return "CreatedApiKey[apiKey=" + apiKey + ", secret=" + ApiKeys.mask(secret) + "]";
    }
}
