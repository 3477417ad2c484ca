package com.smsverifyo.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a source's settings field by field, as {@link SourceType#check} wants them: each reader
 * copies a valid value into the settings to keep and notes what is wrong with an invalid one, so
 * that one {@code 400} names every wrong field ({@code #/settings/…}). Fields nobody reads are not
 * kept (unknown fields are ignored, as everywhere in the API).
 */
public final class SourceSettings {
    /** What the API shows instead of a secret's value; sent back in a change, it keeps the secret. */
    public static final String MASK = "***";

    private final ObjectNode given;
    private final String serverUrl;
    private final ObjectNode kept = Json.MAPPER.createObjectNode();
    private final List<FieldError> errors = new ArrayList<>();

    /**
     * @param given     the settings to check
     * @param serverUrl the URL the owner reached this server at (a default for URLs the source gives
     *                  out, such as where an upstream sends its webhooks); null if unknown
     */
    public SourceSettings(ObjectNode given, String serverUrl) {
        this.given = given;
        this.serverUrl = serverUrl;
    }

    /** The URL the owner reached this server at, if known. */
    public Optional<String> serverUrl() {
        return Optional.ofNullable(serverUrl);
    }

    /** Keeps {@code value} under {@code name} as it is (a default the type worked out). */
    public void keep(String name, String value) {
        kept.put(name, value);
    }

    /** Whether the settings name this field at all. */
    public boolean has(String name) {
        return given.has(name) && !given.get(name).isNull();
    }

    public Optional<String> text(String name, boolean required, int maxLength) {
        JsonNode node = given.get(name);
        if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            if (required) {
                error(name, "'settings." + name + "' is required.");
            }
            return Optional.empty();
        }
        if (!node.isTextual()) {
            error(name, "'settings." + name + "' must be a string.");
            return Optional.empty();
        }
        String value = node.asText().strip();
        if (value.length() > maxLength) {
            error(name, "'settings." + name + "' is longer than " + maxLength + " characters.");
            return Optional.empty();
        }
        kept.put(name, value);
        return Optional.of(value);
    }

    /** An http(s) URL without user info, query or fragment; kept without a trailing slash. */
    public Optional<String> url(String name, boolean required) {
        Optional<String> text = text(name, required, 2048);
        if (text.isEmpty()) {
            return text;
        }
        try {
            URI uri = URI.create(text.get());
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw new IllegalArgumentException("not a plain http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            kept.remove(name);
            error(name, "'settings." + name + "' must be an http:// or https:// URL such as https://sms.example.com.");
            return Optional.empty();
        }
        String value = text.get().replaceAll("/+$", "");
        kept.put(name, value);
        return Optional.of(value);
    }

    public Optional<Integer> integer(String name, int min, int max, Integer defaultValue) {
        JsonNode node = given.get(name);
        if (node == null || node.isNull()) {
            if (defaultValue != null) {
                kept.put(name, defaultValue);
            }
            return Optional.ofNullable(defaultValue);
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            error(name, "'settings." + name + "' must be a whole number from " + min + " to " + max + ".");
            return Optional.empty();
        }
        kept.put(name, node.asInt());
        return Optional.of(node.asInt());
    }

    public boolean flag(String name, boolean defaultValue) {
        JsonNode node = given.get(name);
        if (node == null || node.isNull()) {
            kept.put(name, defaultValue);
            return defaultValue;
        }
        if (!node.isBoolean()) {
            error(name, "'settings." + name + "' must be true or false.");
            return defaultValue;
        }
        kept.put(name, node.booleanValue());
        return node.booleanValue();
    }

    /** A money amount in US dollars (at most 4 decimals), as micro-dollars. */
    public Optional<Long> money(String name) {
        JsonNode node = given.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        try {
            if (!node.isNumber()) {
                throw new ArithmeticException("not a number");
            }
            long micros = Money.fromUsd(node.decimalValue());
            if (micros < 0) {
                throw new ArithmeticException("negative");
            }
            kept.put(name, Money.toUsd(micros));
            return Optional.of(micros);
        } catch (ArithmeticException | IllegalArgumentException | DomainException e) {
            error(name, "'settings." + name + "' must be an amount in US dollars, at least 0, with at most 4 decimals.");
            return Optional.empty();
        }
    }

    /** A list of short strings; empty when absent. */
    public List<String> texts(String name, boolean required, int maxItems, int maxLength) {
        JsonNode node = given.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                error(name, "'settings." + name + "' is required.");
            }
            return List.of();
        }
        if (!node.isArray() || node.isEmpty() && required || node.size() > maxItems) {
            error(name, "'settings." + name + "' must be a list of 1 to " + maxItems + " strings.");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > maxLength) {
                error(name, "'settings." + name + "' must hold strings of 1 to " + maxLength + " characters.");
                return List.of();
            }
            values.add(item.asText().strip());
        }
        ArrayNode array = kept.putArray(name);
        values.forEach(array::add);
        return List.copyOf(values);
    }

    public void error(String name, String detail) {
        errors.add(new FieldError("#/settings/" + name, detail));
    }

    /**
     * @return the settings to keep
     * @throws DomainException naming every invalid field
     */
    public ObjectNode done() {
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return kept;
    }

    /** The settings as the API shows them: every secret that is set replaced by {@value #MASK}. */
    public static ObjectNode masked(ObjectNode settings, Set<String> secrets) {
        ObjectNode copy = settings.deepCopy();
        for (String secret : secrets) {
            if (copy.hasNonNull(secret)) {
                copy.put(secret, MASK);
            }
        }
        return copy;
    }

    /**
     * A change merged over kept settings (JSON merge patch, RFC 7396, one level): a field given
     * replaces the kept one, {@code null} removes it, and a secret given as {@value #MASK} (as the
     * API showed it) stays what it was.
     */
    public static ObjectNode merged(ObjectNode kept, ObjectNode change, Set<String> secrets) {
        ObjectNode result = kept.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = change.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                result.remove(field.getKey());
            } else if (!(secrets.contains(field.getKey()) && value.isTextual() && MASK.equals(value.asText()))) {
                result.set(field.getKey(), value);
            }
        }
        return result;
    }
}
