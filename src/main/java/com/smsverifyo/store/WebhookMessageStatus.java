package com.smsverifyo.store;

import java.util.Locale;

/** A webhook message is pending until a 2xx arrives (delivered) or its retries run out (failed). */
public enum WebhookMessageStatus {
    PENDING, DELIVERED, FAILED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WebhookMessageStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
