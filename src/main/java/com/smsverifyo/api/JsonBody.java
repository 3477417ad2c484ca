package com.smsverifyo.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.FieldError;
import com.smsverifyo.engine.Json;
import com.smsverifyo.engine.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a JSON request body field by field, collecting every problem so that one 400 names them
 * all. Unknown fields are ignored, as the contract says.
 */
final class JsonBody {
    private final ObjectNode root;
    private final List<FieldError> errors;
    /** Where this object sits in the request, as a JSON pointer prefix ({@code prices/3/}); empty at the top. */
    private final String pointer;
    /** The same place for sentences ({@code prices[3].}). */
    private final String label;

    private JsonBody(ObjectNode root) {
        this(root, new ArrayList<>(), "", "");
    }

    private JsonBody(ObjectNode root, List<FieldError> errors, String pointer, String label) {
        this.root = root;
        this.errors = errors;
        this.pointer = pointer;
        this.label = label;
    }

    /** The body as a JSON object; an empty body reads as {@code {}}. */
    static JsonBody parse(byte[] body) {
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return new JsonBody(Json.MAPPER.createObjectNode());
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "The request body is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ").");
        } catch (java.io.IOException e) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "The request body could not be read.");
        }
        if (node == null || !node.isObject()) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "The request body must be a JSON object.");
        }
        return new JsonBody((ObjectNode) node);
    }

    boolean has(String field) {
        return root.has(field);
    }

    boolean isNull(String field) {
        return root.has(field) && root.get(field).isNull();
    }

    Optional<String> string(String field, boolean required, int maxLength) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "'" + name(field) + "' is required.");
            }
            return Optional.empty();
        }
        if (!node.isTextual()) {
            error(field, "'" + name(field) + "' must be a string.");
            return Optional.empty();
        }
        String value = node.asText();
        if (required && value.isBlank()) {
            error(field, "'" + name(field) + "' must not be empty.");
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            error(field, "'" + name(field) + "' must be at most " + maxLength + " characters.");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A money amount in USD with at most 4 decimals, as micro-dollars. */
    Optional<Long> money(String field, boolean required, boolean allowNegative) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "'" + name(field) + "' is required.");
            }
            return Optional.empty();
        }
        if (!node.isNumber()) {
            error(field, "'" + name(field) + "' must be a number of US dollars, such as 0.80.");
            return Optional.empty();
        }
        BigDecimal value = node.decimalValue();
        if (!allowNegative && value.signum() < 0) {
            error(field, "'" + name(field) + "' must not be negative.");
            return Optional.empty();
        }
        try {
            long micros = Money.fromUsd(value);
            if (Math.abs(micros) > 1_000_000_000_000_000L) {
                error(field, "'" + name(field) + "' is too large.");
                return Optional.empty();
            }
            return Optional.of(micros);
        } catch (ArithmeticException e) {
            error(field, "'" + name(field) + "' must have at most 4 decimal places.");
            return Optional.empty();
        }
    }

    Optional<Integer> integer(String field, boolean required, int min, int max) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "'" + name(field) + "' is required.");
            }
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            error(field, "'" + name(field) + "' must be a whole number from " + min + " to " + max + ".");
            return Optional.empty();
        }
        return Optional.of(node.intValue());
    }

    Optional<Boolean> bool(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            error(field, "'" + name(field) + "' must be true or false.");
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    /** One of a fixed set of words. */
    <T> Optional<T> oneOf(String field, boolean required, Map<String, T> choices) {
        Optional<String> text = string(field, required, 64);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        T choice = choices.get(text.get());
        if (choice == null) {
            error(field, "'" + name(field) + "' must be one of: " + String.join(", ", choices.keySet()) + ".");
            return Optional.empty();
        }
        return Optional.of(choice);
    }

    /** An array of strings, each checked by {@code parse} (null: invalid, reported with its index). */
    <T> Optional<List<T>> list(String field, boolean required, Function<String, T> parse, String expected) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "'" + name(field) + "' is required.");
            }
            return Optional.empty();
        }
        if (!node.isArray()) {
            error(field, "'" + name(field) + "' must be an array of " + expected + ".");
            return Optional.empty();
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            T value = item.isTextual() ? parse.apply(item.asText()) : null;
            if (value == null) {
                errors.add(new FieldError("#/" + pointer + field + "/" + i, "'" + name(field) + "[" + i + "]' must be " + expected + "."));
                return Optional.empty();
            }
            values.add(value);
        }
        return Optional.of(values);
    }

    /**
     * The objects of an array field, each read with the same collected errors and pointers such as
     * {@code #/prices/3/price_usd}; an item that is not an object is reported and skipped.
     */
    Optional<List<JsonBody>> objects(String field, boolean required, int maxItems) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "'" + name(field) + "' is required.");
            }
            return Optional.empty();
        }
        if (!node.isArray()) {
            error(field, "'" + name(field) + "' must be an array of objects.");
            return Optional.empty();
        }
        if (node.size() > maxItems) {
            error(field, "'" + name(field) + "' may hold at most " + maxItems + " items.");
            return Optional.empty();
        }
        List<JsonBody> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                errors.add(new FieldError("#/" + pointer + field + "/" + i, "'" + name(field) + "[" + i + "]' must be an object."));
                continue;
            }
            items.add(new JsonBody((ObjectNode) item, errors, pointer + field + "/" + i + "/",
                    label + field + "[" + i + "]."));
        }
        return Optional.of(items);
    }

    /** A JSON object field, as it is (its own fields are read by whoever owns them). */
    Optional<ObjectNode> object(String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "'" + name(field) + "' is required.");
            }
            return Optional.empty();
        }
        if (!node.isObject()) {
            error(field, "'" + name(field) + "' must be an object.");
            return Optional.empty();
        }
        return Optional.of((ObjectNode) node);
    }

    /** A decimal number with at most {@code maxScale} decimal places. */
    Optional<BigDecimal> decimal(String field, boolean required, int maxScale) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "'" + name(field) + "' is required.");
            }
            return Optional.empty();
        }
        if (!node.isNumber()) {
            error(field, "'" + name(field) + "' must be a number.");
            return Optional.empty();
        }
        BigDecimal value = node.decimalValue().stripTrailingZeros();
        if (value.scale() > maxScale) {
            error(field, "'" + name(field) + "' must have at most " + maxScale + " decimal places.");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The JSON pointer of a field of this object, such as {@code #/prices/3/price_usd}. */
    String pointer(String field) {
        return "#/" + pointer + field;
    }

    /** The field as sentences name it, such as {@code prices[3].price_usd}. */
    String name(String field) {
        return label + field;
    }

    void error(String field, String detail) {
        errors.add(new FieldError(pointer(field), detail));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws one {@code 400 invalid_request} naming every invalid field, if there are any. */
    void check() {
        if (errors.isEmpty()) {
            return;
        }
        throw DomainException.invalid(errors);
    }
}
