package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Standard Webhooks verification: the contract's test vector, rotation, tolerance, tampering. */
class WebhookVerifierTest {
    // The test vector of API.md (and of the Standard Webhooks specification).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final String NEW_SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    private static Clock at(long epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("Webhook-Id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "WEBHOOK-SIGNATURE", List.of(signature));
    }

    private static String sign(String secret, String id, long timestamp, String body) throws Exception {
        return new Webhook(secret).sign(id, timestamp, body);
    }

    @Test
    void theContractsTestVectorVerifies() throws Exception {
        assertThat(sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);

        Event event = WebhookVerifier.of(SECRET).withClock(at(TIMESTAMP)).verify(BODY, headers(ID, TIMESTAMP, SIGNATURE));

        assertThat(event.id()).contains(ID);
        assertThat(event.timestamp()).contains(Instant.ofEpochSecond(TIMESTAMP));
        assertThat(event.data()).isEqualTo(BODY);
    }

    @Test
    void duringARotationEitherSecretVerifiesADeliverySignedWithBoth() throws Exception {
        String both = sign(NEW_SECRET, ID, TIMESTAMP, BODY) + " " + SIGNATURE;
        Map<String, List<String>> delivery = headers(ID, TIMESTAMP, both);

        assertThat(WebhookVerifier.of(SECRET).withClock(at(TIMESTAMP)).verify(BODY, delivery).id()).contains(ID);
        assertThat(WebhookVerifier.of(NEW_SECRET).withClock(at(TIMESTAMP)).verify(BODY, delivery).id()).contains(ID);
    }

    @Test
    void aVerifierGivenBothSecretsAcceptsEitherSignatureAlone() throws Exception {
        WebhookVerifier rotating = WebhookVerifier.of(NEW_SECRET, SECRET).withClock(at(TIMESTAMP));

        assertThat(rotating.verify(BODY, headers(ID, TIMESTAMP, SIGNATURE)).id()).contains(ID);
        assertThat(rotating.verify(BODY, headers(ID, TIMESTAMP, sign(NEW_SECRET, ID, TIMESTAMP, BODY))).id()).contains(ID);
        assertThatThrownBy(() -> WebhookVerifier.of(NEW_SECRET).withClock(at(TIMESTAMP)).verify(BODY, headers(ID, TIMESTAMP, SIGNATURE)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void timestampsOutsideTheToleranceAreRefusedEitherWay() {
        Map<String, List<String>> delivery = headers(ID, TIMESTAMP, SIGNATURE);
        WebhookVerifier late = WebhookVerifier.of(SECRET).withClock(at(TIMESTAMP + 301));
        WebhookVerifier early = WebhookVerifier.of(SECRET).withClock(at(TIMESTAMP - 301));

        assertThatThrownBy(() -> late.verify(BODY, delivery)).isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("too old");
        assertThatThrownBy(() -> early.verify(BODY, delivery)).isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("in the future");
        assertThat(late.withTolerance(Duration.ofMinutes(10)).verify(BODY, delivery).id()).contains(ID);
        assertThat(WebhookVerifier.of(SECRET).withClock(at(TIMESTAMP + 300)).verify(BODY, delivery).id()).contains(ID);
    }

    @Test
    void aTamperedBodyIdOrTimestampIsRefusedWithoutEchoingSecrets() {
        WebhookVerifier verifier = WebhookVerifier.of(SECRET).withClock(at(TIMESTAMP));

        assertThatThrownBy(() -> verifier.verify("{\"test\": 2432232315}", headers(ID, TIMESTAMP, SIGNATURE)))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageNotContaining(SECRET.substring(6)).hasMessageNotContaining(SIGNATURE.substring(3));
        assertThatThrownBy(() -> verifier.verify(BODY, headers("msg_other", TIMESTAMP, SIGNATURE)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> verifier.verify(BODY, headers(ID, TIMESTAMP + 1, SIGNATURE)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> verifier.verify(BODY, headers(ID, TIMESTAMP, "v2," + SIGNATURE.substring(3))))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> verifier.verify(BODY, Map.of("webhook-id", List.of(ID))))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("lacks");
    }

    @Test
    void aVerifiedCodeEventReadsAsTypedFields() throws Exception {
        String body = "{\"type\":\"rental.code_received\",\"rental_id\":\"rnt_1\",\"code\":\"482913\","
                + "\"received_at\":\"2026-11-29T10:01:00.000Z\",\"phone_number\":\"+14155550123\",\"service\":\"whatsapp\","
                + "\"country\":\"US\",\"text\":\"Your WhatsApp code: 482-913\"}";
        long now = 1_790_000_000L;

        Event event = WebhookVerifier.of(SECRET).withClock(at(now))
                .verify(body, headers("msg_2", now, sign(SECRET, "msg_2", now, body)));

        assertThat(event.type()).isEqualTo(Event.RENTAL_CODE_RECEIVED);
        assertThat(event.rentalId()).contains("rnt_1");
        assertThat(event.codeReceived()).hasValueSatisfying(code -> {
            assertThat(code.code()).isEqualTo("482913");
            assertThat(code.phoneNumber()).isEqualTo("+14155550123");
            assertThat(code.receivedAt()).isEqualTo(Instant.parse("2026-11-29T10:01:00Z"));
        });
    }

    @Test
    void secretsThatAreNotWhsecAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> WebhookVerifier.of("plainpassword")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("plainpassword");
        assertThatThrownBy(() -> WebhookVerifier.of("whsec_!!notbase64!!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("notbase64");
        assertThat(WebhookVerifier.of(SECRET).toString()).doesNotContain(SECRET.substring(6));
    }
}
