package com.smsverifyo.sources.android;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The app's webhook signature: {@code X-Signature} is the lowercase hex HMAC-SHA256, under the
 * signing key the app shows in Settings → Webhooks, of the raw body followed by the
 * {@code X-Timestamp} header (unix seconds). A timestamp further than 5 minutes from the server's
 * clock is refused, so a captured delivery cannot be played again later.
 */
final class GatewaySignature {
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private GatewaySignature() {
    }

    /** The signature of {@code body} sent at {@code timestamp}, as the app computes it. */
    static String sign(String signingKey, byte[] body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(body);
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /**
     * Checks a delivery's signature and timestamp.
     *
     * @return when the phone signed it, by the phone's clock
     * @throws DomainException {@code unauthenticated}, saying what is wrong (never the key)
     */
    static Instant verify(String signingKey, byte[] body, String timestamp, String signature, Instant now) {
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw refused("The delivery has no X-Signature or X-Timestamp header: set a signing key in the app "
                    + "(Settings → Webhooks) and the same one on this source.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw refused("The X-Timestamp header is not a number of seconds.");
        }
        // Compared as seconds before any Instant is made: a timestamp near Long.MAX_VALUE is a refusal too.
        long nowSeconds = now.getEpochSecond();
        long tolerance = TOLERANCE.toSeconds();
        if (seconds < nowSeconds - tolerance || seconds > nowSeconds + tolerance) {
            String off = Math.abs((double) seconds - nowSeconds) < 1e12
                    ? Math.abs(seconds - nowSeconds) + " s" : "ages";
            throw refused("The X-Timestamp is " + off + " away from the server's clock (at most " + tolerance
                    + " s): check the phone's clock.");
        }
        Instant signedAt = Instant.ofEpochSecond(seconds);
        byte[] expected = sign(signingKey, body, timestamp.strip()).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw refused("The X-Signature does not match the body: check that the app and this source have the "
                    + "same signing key.");
        }
        return signedAt;
    }

    private static DomainException refused(String detail) {
        return new DomainException(ErrorCode.UNAUTHENTICATED, detail);
    }
}
