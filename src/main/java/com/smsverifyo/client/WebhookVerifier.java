package com.smsverifyo.client;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies webhook deliveries, the Standard Webhooks way, with the reference library
 * ({@code com.standardwebhooks:standardwebhooks}) computing the signatures: {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature} headers, HMAC-SHA256 of
 * {@code "{id}.{timestamp}.{body}"} with the endpoint's {@code whsec_} secret.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(System.getenv("SMSVERIFYO_WEBHOOK_SECRET"));
 * Event event = verifier.verify(rawBody, headers);   // throws WebhookVerificationException
 * event.codeReceived().ifPresent(code -> ...);
 * }</pre>
 *
 * <p>While a rotated secret is in its grace period the server signs with both (several
 * {@code v1,} signatures): give the verifier the new and the old secret, and a delivery verifies if
 * any signature matches any secret. Comparisons are constant-time. A timestamp further than the
 * tolerance (default 5 minutes) from now is refused, so a captured delivery cannot be replayed
 * later; drop duplicates within it by {@link Event#id()}, which is the same on every retry.
 * Immutable and thread-safe.
 */
public final class WebhookVerifier {
    private static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final List<Webhook> signers;
    private final Duration tolerance;
    private final Clock clock;

    private WebhookVerifier(List<Webhook> signers, Duration tolerance, Clock clock) {
        this.signers = signers;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /**
     * @param secrets the endpoint's secrets ({@code whsec_…}): the current one, and during a
     *                rotation's grace period the previous one too
     * @return a verifier with a 5-minute tolerance on the system clock
     * @throws IllegalArgumentException if no secret is given or one is not a {@code whsec_} secret
     */
    public static WebhookVerifier of(String... secrets) {
        if (secrets.length == 0) {
            throw new IllegalArgumentException("at least one secret is required");
        }
        List<Webhook> signers = new ArrayList<>();
        for (String secret : secrets) {
            signers.add(signer(secret));
        }
        return new WebhookVerifier(List.copyOf(signers), DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /**
     * @param value how far a delivery's timestamp may be from now, either way
     * @return a verifier with that tolerance
     */
    public WebhookVerifier withTolerance(Duration value) {
        Objects.requireNonNull(value, "tolerance");
        if (value.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        return new WebhookVerifier(signers, value, clock);
    }

    /**
     * @param value the clock "now" comes from (tests)
     * @return a verifier on that clock
     */
    public WebhookVerifier withClock(Clock value) {
        return new WebhookVerifier(signers, tolerance, Objects.requireNonNull(value, "clock"));
    }

    /**
     * Verifies a delivery and reads its event.
     *
     * @param body    the raw request body, exactly as received (not re-serialized JSON)
     * @param headers the request headers (names in any case)
     * @return the event: its {@link Event#id()} is the {@code webhook-id}
     * @throws WebhookVerificationException if it does not verify
     */
    public Event verify(String body, Map<String, List<String>> headers) {
        Objects.requireNonNull(headers, "headers");
        return verify(body, header(headers, "webhook-id"), header(headers, "webhook-timestamp"),
                header(headers, "webhook-signature"));
    }

    /**
     * Verifies a delivery given as bytes (decoded as UTF-8, as it was signed).
     *
     * @param body    the raw request body
     * @param headers the request headers
     * @return the event
     * @throws WebhookVerificationException if it does not verify
     */
    public Event verify(byte[] body, Map<String, List<String>> headers) {
        return verify(new String(Objects.requireNonNull(body, "body"), StandardCharsets.UTF_8), headers);
    }

    /**
     * Verifies a delivery from its three headers' values.
     *
     * @param body      the raw request body
     * @param id        {@code webhook-id}
     * @param timestamp {@code webhook-timestamp}
     * @param signature {@code webhook-signature}
     * @return the event
     * @throws WebhookVerificationException if it does not verify
     */
    public Event verify(String body, String id, String timestamp, String signature) {
        if (body == null) {
            throw new WebhookVerificationException("The delivery has no body");
        }
        if (id == null || id.isBlank() || timestamp == null || signature == null || signature.isBlank()) {
            throw new WebhookVerificationException("The delivery lacks a webhook-id, webhook-timestamp or webhook-signature header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("The webhook-timestamp header is not a number of seconds");
        }
        Instant sent = Instant.ofEpochSecond(seconds);
        Duration age = Duration.between(sent, clock.instant());
        if (age.compareTo(tolerance) > 0) {
            throw new WebhookVerificationException("The delivery's timestamp is too old (" + age.toSeconds() + " s)");
        }
        if (age.negated().compareTo(tolerance) > 0) {
            throw new WebhookVerificationException("The delivery's timestamp is in the future (" + -age.toSeconds() + " s)");
        }
        if (!signed(body, id.strip(), seconds, signature)) {
            throw new WebhookVerificationException("No signature of the delivery matches the secret"
                    + (signers.size() > 1 ? "s" : ""));
        }
        return new Event(id.strip(), null, body, sent);
    }

    private boolean signed(String body, String id, long seconds, String header) {
        boolean matched = false;
        for (Webhook signer : signers) {
            byte[] expected;
            try {
                expected = signer.sign(id, seconds, body).getBytes(StandardCharsets.UTF_8);
            } catch (WebhookSigningException e) {
                throw new WebhookVerificationException("The delivery could not be checked", e);
            }
            for (String candidate : header.strip().split("\\s+")) {
                // Every pair is compared, in constant time each, so timing tells nothing about which matched.
                matched |= candidate.startsWith("v1,") && MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8));
            }
        }
        return matched;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null
                    && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    private static Webhook signer(String secret) {
        if (secret == null || !secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("a webhook secret starts with whsec_");
        }
        try {
            return new Webhook(secret);
        } catch (IllegalArgumentException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
            // Never echo the secret.
            throw new IllegalArgumentException("the webhook secret is not whsec_ followed by base64");
        }
    }

    @Override
    public String toString() {
        return "WebhookVerifier[secrets=" + signers.size() + ", tolerance=" + tolerance + "]";
    }
}
