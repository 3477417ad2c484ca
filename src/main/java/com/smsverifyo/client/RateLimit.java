package com.smsverifyo.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A key's rental-creation quota as the server reports it in the IETF RateLimit fields (draft 10):
 * {@code RateLimit: "default";r=59;t=60} and {@code RateLimit-Policy: "default";q=60;w=60}.
 *
 * @param policy    the policy's name ({@code default})
 * @param remaining requests left in the current window ({@code r})
 * @param resetIn   time until the window resets ({@code t})
 * @param quota     requests per window ({@code q} of the policy), if the policy field was sent
 * @param window    the window's length ({@code w} of the policy), if sent
 */
public record RateLimit(String policy, int remaining, Duration resetIn, Optional<Integer> quota, Optional<Duration> window) {

    /**
     * Reads the fields of one response. When several policies are listed, the tightest one (fewest
     * requests left, then the longest wait) is the one that limits the next request.
     *
     * @param rateLimitField       the {@code RateLimit} header, or {@code null}
     * @param rateLimitPolicyField the {@code RateLimit-Policy} header, or {@code null}
     * @return the limiting policy's figures; empty if the field is missing or unreadable
     */
    public static Optional<RateLimit> parse(String rateLimitField, String rateLimitPolicyField) {
        if (rateLimitField == null || rateLimitField.isBlank()) {
            return Optional.empty();
        }
        Map<String, Map<String, Long>> policies = new LinkedHashMap<>();
        if (rateLimitPolicyField != null) {
            for (Item item : items(rateLimitPolicyField)) {
                policies.put(item.name(), item.parameters());
            }
        }
        List<RateLimit> limits = new ArrayList<>();
        for (Item item : items(rateLimitField)) {
            Long r = item.parameters().get("r");
            Long t = item.parameters().get("t");
            if (r == null || t == null || r < 0 || t < 0) {
                continue;
            }
            Map<String, Long> policy = policies.getOrDefault(item.name(), Map.of());
            limits.add(new RateLimit(item.name(), (int) Math.min(Integer.MAX_VALUE, r), Duration.ofSeconds(t),
                    Optional.ofNullable(policy.get("q")).map(q -> (int) Math.min(Integer.MAX_VALUE, q)),
                    Optional.ofNullable(policy.get("w")).map(Duration::ofSeconds)));
        }
        return limits.stream().min(Comparator.comparingInt(RateLimit::remaining)
                .thenComparing(RateLimit::resetIn, Comparator.reverseOrder()));
    }

    /** One member of a structured-field list: its name and its integer parameters. */
    private record Item(String name, Map<String, Long> parameters) {
    }

    /**
     * A lenient reader of RFC 8941 lists whose items are strings or tokens with integer parameters;
     * members it cannot read are skipped rather than failing the whole response.
     */
    private static List<Item> items(String field) {
        List<Item> items = new ArrayList<>();
        for (String member : splitOutsideQuotes(field, ',')) {
            List<String> parts = splitOutsideQuotes(member, ';');
            if (parts.isEmpty()) {
                continue;
            }
            String name = parts.get(0).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            if (name.isEmpty()) {
                continue;
            }
            Map<String, Long> parameters = new LinkedHashMap<>();
            for (String parameter : parts.subList(1, parts.size())) {
                int eq = parameter.indexOf('=');
                if (eq > 0) {
                    try {
                        parameters.put(parameter.substring(0, eq).strip(), Long.parseLong(parameter.substring(eq + 1).strip()));
                    } catch (NumberFormatException ignored) {
                        // A parameter that is not an integer (a partition key, say) says nothing about quota.
                    }
                }
            }
            items.add(new Item(name, parameters));
        }
        return items;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString());
        }
        return parts;
    }
}
