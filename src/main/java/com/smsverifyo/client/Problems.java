package com.smsverifyo.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns an error response into the one {@link ApiException} subtype a program branches on. */
final class Problems {
    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "code", "errors", "instance");
    private static final Pattern SECRETS = Pattern.compile("(sms_live_|whsec_)[A-Za-z0-9+/=_-]+");
    private static final int SNIPPET = 200;

    private Problems() {
    }

    /**
     * @param status      the HTTP status
     * @param contentType the response's content type, or {@code null}
     * @param body        the response body (possibly empty)
     * @param retryAfter  the response's {@code Retry-After}, if any
     * @param rateLimit   the response's RateLimit figures, if any
     */
    static ApiException from(ApiCall call, int status, String contentType, byte[] body,
                             Optional<Duration> retryAfter, Optional<RateLimit> rateLimit) {
        Problem problem = problem(status, contentType, body);
        String method = call.method();
        String path = call.path();
        return switch (problem.code()) {
            case "rate_limited" -> rateLimited(problem, method, path, retryAfter, rateLimit);
            case "insufficient_balance" -> new InsufficientBalanceException(problem, method, path);
            case "max_price_exceeded" -> new MaxPriceExceededException(problem, method, path);
            case "no_numbers_available" -> new NoNumbersAvailableException(problem, method, path);
            case IdempotencyConflictException.IN_PROGRESS, IdempotencyConflictException.REUSED ->
                    new IdempotencyConflictException(problem, method, path);
            case "daily_spend_cap_reached" -> new SpendCapReachedException(problem, method, path);
            default -> byStatus(problem, method, path, retryAfter, rateLimit);
        };
    }

    /** A redirect, which the client does not follow: it would carry the key to another address. */
    static ApiException redirect(ApiCall call, int status, String location) {
        String detail = "The server redirects to " + (location == null ? "another address" : location)
                + "; the client does not follow redirects (the API key must not travel elsewhere): correct the base URL.";
        return new ApiException(new Problem(status, "redirect", "", "Redirect", detail, List.of(), Map.of()),
                call.method(), call.path());
    }

    private static ApiException byStatus(Problem problem, String method, String path,
                                         Optional<Duration> retryAfter, Optional<RateLimit> rateLimit) {
        int status = problem.status();
        if (status >= 500) {
            return new ServerException(problem, method, path);
        }
        return switch (status) {
            case 400, 413, 415, 422 -> new ValidationException(problem, method, path);
            case 401 -> new AuthenticationException(problem, method, path);
            case 403 -> new PermissionException(problem, method, path);
            case 404, 410 -> new NotFoundException(problem, method, path);
            case 409 -> new ConflictException(problem, method, path);
            case 429 -> rateLimited(problem, method, path, retryAfter, rateLimit);
            default -> new ApiException(problem, method, path);
        };
    }

    private static RateLimitedException rateLimited(Problem problem, String method, String path,
                                                    Optional<Duration> retryAfter, Optional<RateLimit> rateLimit) {
        // The contract always sends Retry-After; without it, the window's reset is the honest guess.
        Duration wait = retryAfter.or(() -> rateLimit.map(RateLimit::resetIn)).orElse(Duration.ofSeconds(1));
        return new RateLimitedException(problem, method, path, wait, rateLimit.orElse(null));
    }

    /** The problem detail of an error response, or one made up when the body is not a problem. */
    static Problem problem(int status, String contentType, byte[] body) {
        if (isJson(contentType) && body.length > 0) {
            try {
                JsonNode node = JsonFields.parse(body);
                if (node != null && node.isObject()) {
                    return fromJson(status, JsonFields.of(node, "problem"));
                }
            } catch (IOException | JsonFields.Malformed e) {
                // Not a problem detail after all: described below like any other body.
            }
        }
        String reason = reason(status);
        String detail = "The server answered " + status + " " + reason + " with "
                + (contentType == null ? "no content type" : contentType) + " instead of a problem detail"
                + snippet(contentType, body) + ".";
        return new Problem(status, "http_" + status, "", reason, detail, List.of(), Map.of());
    }

    private static Problem fromJson(int status, JsonFields json) {
        String code = textOr(json, "code", "http_" + status);
        String title = textOr(json, "title", reason(status));
        String detail = textOr(json, "detail", title);
        List<FieldError> errors;
        try {
            errors = json.objects("errors", e -> new FieldError(e.optString("pointer").orElse(""),
                    e.optString("detail").orElse("")));
        } catch (JsonFields.Malformed e) {
            errors = List.of();
        }
        return new Problem(status, code, textOr(json, "type", ""), title, detail, errors, json.others(STANDARD));
    }

    private static String textOr(JsonFields json, String name, String fallback) {
        try {
            return json.optString(name).filter(s -> !s.isBlank()).orElse(fallback);
        } catch (JsonFields.Malformed e) {
            return fallback;
        }
    }

    /** Whether a content type is JSON: {@code application/json} or any {@code +json} type. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** A short, secret-free excerpt of a plain-text body: what a proxy's error page says. */
    private static String snippet(String contentType, byte[] body) {
        if (body.length == 0 || contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, SNIPPET * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        text = redact(text);
        return text.isEmpty() ? "" : ": \"" + (text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text) + "\"";
    }

    /** Blanks anything that looks like an API key or a webhook secret. */
    static String redact(String text) {
        return SECRETS.matcher(text).replaceAll("$1…");
    }

    /**
     * {@code Retry-After} as a duration: whole seconds, or an HTTP date (as a wait from now).
     * Unreadable values count as absent.
     */
    static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
