package com.smsverifyo.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one JSON object of a response field by field. A missing required field or a value of the
 * wrong type fails with a {@link Malformed} that names the field's path, never with a
 * {@code NullPointerException} deep in a caller. Unknown fields are ignored (servers may add some).
 */
final class JsonFields {
    /**
     * Parses numbers with fractions as {@link BigDecimal}, exactly as written, so money never passes
     * through a binary float.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    /** A response (or event) body that does not have the promised shape. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses bytes as one JSON document. */
    static JsonNode parse(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /** The node as an object to read fields from. */
    static JsonFields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new Malformed(path + " should be a JSON object but is " + describe(node));
        }
        return new JsonFields(node, path);
    }

    JsonNode node() {
        return node;
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    String string(String name) {
        return optString(name).orElseThrow(() -> missing(name));
    }

    Optional<String> optString(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrong(name, "a string", value);
        }
        return Optional.of(value.asText());
    }

    /** A string given either as text or as a number (ids some servers send as numbers). */
    Optional<String> optText(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw wrong(name, "a string", value);
        }
        return Optional.of(value.asText());
    }

    BigDecimal decimal(String name) {
        return optDecimal(name).orElseThrow(() -> missing(name));
    }

    Optional<BigDecimal> optDecimal(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw wrong(name, "a number", value);
        }
        return Optional.of(value.decimalValue());
    }

    int integer(String name) {
        return optInteger(name).orElseThrow(() -> missing(name));
    }

    Optional<Integer> optInteger(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrong(name, "a whole number", value);
        }
        return Optional.of(value.intValue());
    }

    Optional<Long> optLong(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrong(name, "a whole number", value);
        }
        return Optional.of(value.longValue());
    }

    boolean bool(String name) {
        if (value(name) == null) {
            throw missing(name);
        }
        return bool(name, false);
    }

    boolean bool(String name, boolean fallback) {
        JsonNode value = value(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw wrong(name, "true or false", value);
        }
        return value.booleanValue();
    }

    Instant instant(String name) {
        return optInstant(name).orElseThrow(() -> missing(name));
    }

    Optional<Instant> optInstant(String name) {
        return optString(name).map(text -> {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new Malformed(path + "." + name + " should be an RFC 3339 time but is \"" + shorten(text) + "\"");
            }
        });
    }

    List<String> strings(String name) {
        return list(name, (item, itemPath) -> {
            if (!item.isTextual()) {
                throw new Malformed(itemPath + " should be a string but is " + describe(item));
            }
            return item.asText();
        });
    }

    /** A list of objects; a missing or null list reads as empty. */
    <T> List<T> objects(String name, Function<JsonFields, T> reader) {
        return list(name, (item, itemPath) -> reader.apply(of(item, itemPath)));
    }

    JsonFields object(String name) {
        return optObject(name).orElseThrow(() -> missing(name));
    }

    Optional<JsonFields> optObject(String name) {
        JsonNode value = value(name);
        return value == null ? Optional.empty() : Optional.of(of(value, path + "." + name));
    }

    /** Every member of the object as plain Java values, except the named ones. */
    Map<String, Object> others(java.util.Set<String> known) {
        Map<String, Object> others = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!known.contains(entry.getKey())) {
                others.put(entry.getKey(), plain(entry.getValue()));
            }
        }
        return Collections.unmodifiableMap(others);
    }

    private interface ItemReader<T> {
        T read(JsonNode item, String itemPath);
    }

    private <T> List<T> list(String name, ItemReader<T> reader) {
        JsonNode value = value(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw wrong(name, "an array", value);
        }
        List<T> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            items.add(reader.read(value.get(i), path + "." + name + "[" + i + "]"));
        }
        return List.copyOf(items);
    }

    private JsonNode value(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private Malformed missing(String name) {
        return new Malformed(path + "." + name + " is missing");
    }

    private Malformed wrong(String name, String expected, JsonNode value) {
        return new Malformed(path + "." + name + " should be " + expected + " but is " + describe(value));
    }

    /** A JSON value as plain Java: numbers as BigDecimal, arrays as lists, objects as maps. */
    static Object plain(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            value.forEach(item -> items.add(plain(item)));
            return Collections.unmodifiableList(items);
        }
        if (value.isObject()) {
            Map<String, Object> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                members.put(entry.getKey(), plain(entry.getValue()));
            }
            return Collections.unmodifiableMap(members);
        }
        return value.asText();
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        // The type, never the value: a value might be a secret.
        return value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
