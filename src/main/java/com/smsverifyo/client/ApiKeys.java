package com.smsverifyo.client;

/** Shows an API key the way the server's display prefix does, never whole. */
final class ApiKeys {
    private ApiKeys() {
    }

    /** {@code sms_live_AbCd…}: enough to tell keys apart, too little to use one. */
    static String mask(String key) {
        if (key == null) {
            return "none";
        }
        int shown = key.startsWith("sms_live_") ? "sms_live_".length() + 4 : Math.min(4, key.length() / 4);
        return key.substring(0, Math.min(shown, key.length())) + "…";
    }

    /** Refuses keys that could not be sent as a header (or that are plainly not keys). */
    static String check(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an API key is required");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c <= ' ' || c >= 127) {
                // Never echo the key: say only what is wrong with it.
                throw new IllegalArgumentException("an API key must be printable ASCII without spaces");
            }
        }
        return key;
    }
}
