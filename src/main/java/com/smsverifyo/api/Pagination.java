package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.FieldError;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ?limit=} (1–200, default 50) and opaque {@code ?cursor=} of every list. */
record Pagination(int limit, String after) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    static Pagination of(Context ctx) {
        String limitText = ctx.queryParam("limit");
        int limit = DEFAULT_LIMIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new DomainException(ErrorCode.INVALID_REQUEST, "'limit' must be a whole number from 1 to 200.",
                        List.of(new FieldError("#/limit", "'limit' must be a whole number from 1 to 200.")), Map.of());
            }
        }
        String cursor = ctx.queryParam("cursor");
        String after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                after = null;
            }
            if (after == null || !after.startsWith("c1:")) {
                throw new DomainException(ErrorCode.INVALID_REQUEST, "'cursor' is not a cursor this server gave out.",
                        List.of(new FieldError("#/cursor", "'cursor' is not a cursor this server gave out.")), Map.of());
            }
            after = after.substring(3);
        }
        return new Pagination(limit, after);
    }

    /** The position as a number (for lists ordered by a sequence). */
    Long afterSeq() {
        if (after == null) {
            return null;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "'cursor' is not a cursor of this list.");
        }
    }

    static String cursor(Object position) {
        return position == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(("c1:" + position).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> list(List<?> data, Object nextPosition) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("has_more", nextPosition != null);
        body.put("next_cursor", cursor(nextPosition));
        return body;
    }
}
