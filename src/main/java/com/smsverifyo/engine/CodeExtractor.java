package com.smsverifyo.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the verification code in an SMS and tells which service sent it. Each service has the
 * patterns of its real messages; a general fallback takes the digit group nearest the word
 * "code" (grouped forms such as {@code 482-913} or {@code 123 456} are joined).
 */
public final class CodeExtractor {
    private static final String GROUPED = "(\\d{3}[- ]\\d{3}|\\d{4,8})";

    private static final Map<String, List<Pattern>> SERVICE_PATTERNS = Map.of(
            "whatsapp", List.of(Pattern.compile("(?i)whatsapp[^0-9]{0,40}?" + GROUPED)),
            "telegram", List.of(Pattern.compile("(?i)(?:telegram|login) code:?\\s*(\\d{5,6})")),
            "google", List.of(Pattern.compile("\\bG-(\\d{6})\\b")),
            "facebook", List.of(Pattern.compile("\\bFB-(\\d{5,8})\\b"),
                    Pattern.compile("(?i)" + GROUPED + "[^0-9]{0,30}facebook")),
            "instagram", List.of(Pattern.compile("(?i)" + GROUPED + "[^0-9]{0,30}instagram")),
            "tiktok", List.of(Pattern.compile("(?i)\\[tiktok\\]\\s*" + GROUPED)),
            "discord", List.of(Pattern.compile("(?i)discord[^0-9]{0,50}?" + GROUPED)),
            "uber", List.of(Pattern.compile("(?i)uber[^0-9]{0,30}?(\\d{4,6})")));

    /** How a message names each service, by sender or text (whole words, so "Huber" is not Uber). */
    private static final Map<String, Pattern> SERVICE_NAMES = Map.of(
            "whatsapp", Pattern.compile("\\bwhatsapp\\b"),
            "telegram", Pattern.compile("\\btelegram\\b"),
            "google", Pattern.compile("\\bgoogle\\b|\\bg-\\d{6}\\b"),
            "facebook", Pattern.compile("\\bfacebook\\b|\\bfb-\\d{5,8}\\b"),
            "instagram", Pattern.compile("\\binstagram\\b"),
            "tiktok", Pattern.compile("\\btiktok\\b"),
            "discord", Pattern.compile("\\bdiscord\\b"),
            "uber", Pattern.compile("\\buber\\b"),
            "amazon", Pattern.compile("\\bamazon\\b"),
            "microsoft", Pattern.compile("\\bmicrosoft\\b"));

    private static final Pattern NEAR_CODE_AFTER = Pattern.compile("(?i)(?:code|kod|código|code is|pin|otp)[^0-9]{0,20}?" + GROUPED);
    private static final Pattern NEAR_CODE_BEFORE = Pattern.compile("(?i)(?<![\\d+])" + GROUPED + "(?!\\d)[^0-9]{0,40}(?:code|verification|kod|código|otp)");
    private static final Pattern ANY_GROUP = Pattern.compile("(?<![\\d+])" + GROUPED + "(?!\\d)");

    private CodeExtractor() {
    }

    /** The code in {@code text}, trying {@code service}'s own patterns first. */
    public static Optional<String> extract(String text, String service) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (service != null) {
            for (Pattern pattern : SERVICE_PATTERNS.getOrDefault(service, List.of())) {
                Matcher matcher = pattern.matcher(text);
                if (matcher.find()) {
                    return Optional.of(digits(matcher.group(1)));
                }
            }
        }
        for (Pattern pattern : List.of(NEAR_CODE_AFTER, NEAR_CODE_BEFORE, ANY_GROUP)) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                return Optional.of(digits(matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    /** Whether a message names {@code service} (by its sender or text). */
    public static boolean mentions(String service, String sender, String text) {
        Pattern name = SERVICE_NAMES.get(service);
        String haystack = haystack(sender, text);
        return name != null ? name.matcher(haystack).find() : haystack.contains(service);
    }

    /** Whether a message names any service we know. */
    public static boolean mentionsAnyService(String sender, String text) {
        String haystack = haystack(sender, text);
        return SERVICE_NAMES.values().stream().anyMatch(name -> name.matcher(haystack).find());
    }

    /** The known service a message names first, if any. */
    public static Optional<String> serviceOf(String sender, String text) {
        String haystack = haystack(sender, text);
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Map.Entry<String, Pattern> entry : SERVICE_NAMES.entrySet()) {
            Matcher matcher = entry.getValue().matcher(haystack);
            if (matcher.find() && matcher.start() < bestAt) {
                best = entry.getKey();
                bestAt = matcher.start();
            }
        }
        return Optional.ofNullable(best);
    }

    private static String haystack(String sender, String text) {
        return ((sender == null ? "" : sender) + " " + (text == null ? "" : text)).toLowerCase(Locale.ROOT);
    }

    private static String digits(String group) {
        return group.replaceAll("\\D", "");
    }
}
