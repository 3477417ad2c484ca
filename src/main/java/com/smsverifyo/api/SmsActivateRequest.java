package com.smsverifyo.api;

import com.smsverifyo.engine.Principal;
import io.javalin.http.Context;

/**
 * One authenticated protocol request. Parameters come from the query string or a form body, the
 * body winning as in PHP's {@code $_REQUEST}; some have several spellings that clients use.
 */
record SmsActivateRequest(Context ctx, Principal principal) {
    static final String KEY_HEADER = "X-ApiKey";

    /** The first non-blank value among {@code names}, or null. */
    String param(String... names) {
        return param(ctx, names);
    }

    static String param(Context ctx, String... names) {
        for (String name : names) {
            String value = isForm(ctx) ? ctx.formParam(name) : null;
            if (value == null || value.isBlank()) {
                value = ctx.queryParam(name);
            }
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** The API key: the {@code api_key} parameter, else the {@code X-ApiKey} header. */
    static String key(Context ctx) {
        String key = param(ctx, "api_key");
        if (key == null) {
            String header = ctx.header(KEY_HEADER);
            key = header == null || header.isBlank() ? null : header.strip();
        }
        return key;
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }
}
