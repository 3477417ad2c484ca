package com.smsverifyo.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request the client is about to make: method, path segments (encoded when the URL is built,
 * so ids can never break out of their segment), query, JSON body and, for writes, the
 * Idempotency-Key fixed once for every attempt.
 */
final class ApiCall {
    private final String method;
    private final List<String> segments;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final byte[] body;
    private final String idempotencyKey;
    private String accept = "application/json";

    private ApiCall(String method, List<String> segments, byte[] body, String idempotencyKey) {
        this.method = method;
        this.segments = segments;
        this.body = body;
        this.idempotencyKey = idempotencyKey;
    }

    static ApiCall get(String... segments) {
        return new ApiCall("GET", checked(segments), null, null);
    }

    /** A write: carries the options' Idempotency-Key, or a fresh random one. */
    static ApiCall write(String method, JsonNode body, RequestOptions options, String... segments) {
        return new ApiCall(method, checked(segments), bytes(body), options.keyOrRandom());
    }

    /** A {@code DELETE}: no body, but an Idempotency-Key like every other write. */
    static ApiCall delete(RequestOptions options, String... segments) {
        return new ApiCall("DELETE", checked(segments), null, options.keyOrRandom());
    }

    static ApiCall post(JsonNode body, RequestOptions options, String... segments) {
        return write("POST", body, options, segments);
    }

    ApiCall query(String name, Object value) {
        if (value != null) {
            String text = value instanceof BigDecimal decimal ? decimal.toPlainString()
                    : value instanceof Instant instant ? instant.toString() : value.toString();
            if (!text.isBlank()) {
                query.put(name, text);
            }
        }
        return this;
    }

    ApiCall accept(String mediaType) {
        this.accept = mediaType;
        return this;
    }

    String method() {
        return method;
    }

    List<String> segments() {
        return segments;
    }

    /** The path as messages show it: ids included, query never. */
    String path() {
        return "/" + String.join("/", segments);
    }

    Map<String, String> queryParameters() {
        return query;
    }

    byte[] body() {
        return body;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    String accept() {
        return accept;
    }

    private static List<String> checked(String... segments) {
        List<String> list = new ArrayList<>(segments.length);
        for (String segment : segments) {
            if (segment == null || segment.isBlank()) {
                throw new IllegalArgumentException("an id must not be null or blank");
            }
            list.add(segment);
        }
        return List.copyOf(list);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JsonFields.MAPPER.writeValueAsBytes(body == null ? JsonFields.MAPPER.createObjectNode() : body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body could not be written as JSON", e);
        }
    }
}
