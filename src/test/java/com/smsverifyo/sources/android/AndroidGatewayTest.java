package com.smsverifyo.sources.android;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.ServerTest;
import com.smsverifyo.testing.SourcesApi;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SMS Gateway for Android over real HTTP: the documented payload and the compact one the app sends,
 * signatures checked against vectors computed outside this code base, and every way a delivery can
 * be wrong.
 */
class AndroidGatewayTest extends ServerTest {
    private static final String SIGNING_KEY = "shop-signing-key-7Hq2vX";
    private static final String DEVICE = "ffffffffceb0b1db0000018e937c815b";
    private static final String SIM_NUMBER = "+14155550142";
    /** TestServer.START in unix seconds. */
    private static final long START_SECONDS = 1_795_946_400L;

    /** The example of the app's documentation (docs/features/webhooks.md), byte for byte. */
    private static final String DOCUMENTED = """
            {
              "deviceId": "ffffffffceb0b1db0000018e937c815b",
              "event": "sms:received",
              "id": "Ey6ECgOkVVFjz3CL48B8C",
              "payload": {
                "messageId": "abc123",
                "message": "Android is always a sweet treat!",
                "phoneNumber": "6505551212",
                "simNumber": 1,
                "receivedAt": "2024-06-22T15:46:11.000+07:00"
              },
              "webhookId": "<unique-id>"
            }""";
    /** python3: hmac.new(key, (DOCUMENTED + "1795946400").encode(), sha256).hexdigest() */
    private static final String DOCUMENTED_SIGNATURE = "be0df6d45ed6d4289206936cf09dfa6f275e22ce1b1dc803f2e9a084a477eaed";

    /**
     * What the app sends: Gson's compact form (no spaces, nulls left out, a subclass's fields first),
     * the current field names, the phone's offset on {@code receivedAt}.
     */
    private static final String COMPACT = "{\"id\":\"Rk3Jd9QmWx1LpZ7aTq2bN\",\"webhookId\":\"wh-shop-1\","
            + "\"event\":\"sms:received\",\"deviceId\":\"ffffffffceb0b1db0000018e937c815b\",\"payload\":{\"message\":"
            + "\"Your WhatsApp code: 482-913\\nDon't share this code with others\",\"receivedAt\":"
            + "\"2026-11-29T17:00:05.000+07:00\",\"messageId\":\"5f1c2a9e\",\"sender\":\"WhatsApp\",\"simNumber\":1,"
            + "\"phoneNumber\":\"WhatsApp\"}}";
    /** python3: hmac.new(key, (COMPACT + "1795946410").encode(), sha256).hexdigest() */
    private static final String COMPACT_SIGNATURE = "b1d08d0d4d7761e6cf79ee6f743ef39ce51f5b366ee2f46c6a6b7025801ab696";

    private String sourceId;
    private String inboundPath;

    @BeforeEach
    void phone() {
        SourcesApi.simulatorOff(server);
        JsonNode source = SourcesApi.create(server, "android-gateway", "Shop phones",
                "{\"signing_key\":\"" + SIGNING_KEY + "\"}");
        sourceId = source.path("id").asText();
        inboundPath = "/v1/inbound/android-gateway/" + sourceId;
        assertThat(source.path("inbound_url").asText()).isEqualTo(server.baseUrl() + inboundPath);
        SourcesApi.number(server, sourceId, SIM_NUMBER, "US", DEVICE, 1);
        SourcesApi.awaitHealth(server, sourceId, "ok");
    }

    @Test
    void theGoldenVectorsAreWhatTheSourceComputes() {
        assertThat(TestServer.START.getEpochSecond()).isEqualTo(START_SECONDS);
        assertThat(GatewaySignature.sign(SIGNING_KEY, DOCUMENTED.getBytes(StandardCharsets.UTF_8), "1795946400"))
                .isEqualTo(DOCUMENTED_SIGNATURE);
        assertThat(sign(DOCUMENTED, "1795946400")).as("the test's own signer").isEqualTo(DOCUMENTED_SIGNATURE);
        assertThat(sign(COMPACT, "1795946410")).isEqualTo(COMPACT_SIGNATURE);
    }

    @Test
    void theDocumentedPayloadIsAcceptedByteForByteAndKeptUnmatchedForItsOldDate() {
        String rental = rent();
        TestResponse response = deliver(DOCUMENTED, "1795946400", DOCUMENTED_SIGNATURE);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        // An SMS from 2024 cannot be for a rental made now: kept, shown, pinned on nobody.
        assertThat(response.json().path("status").asText()).isEqualTo("unmatched");
        assertThat(SourcesApi.rental(server, rental).path("messages")).isEmpty();
        JsonNode unmatched = server.http().get("/v1/messages?unmatched=true", key).json().path("data");
        assertThat(unmatched).hasSize(1);
        assertThat(unmatched.get(0).path("text").asText()).isEqualTo("Android is always a sweet treat!");
        assertThat(unmatched.get(0).path("from").asText()).isEqualTo("6505551212");
        assertThat(unmatched.get(0).path("phone_number").asText()).isEqualTo(SIM_NUMBER);
        assertThat(unmatched.get(0).path("source").asText()).isEqualTo(sourceId);
    }

    @Test
    void theCompactFormTheAppSendsDeliversTheCodeToTheRentalOnThatSim() {
        String rental = rent();
        server.clock().advance(Duration.ofSeconds(10));
        TestResponse response = deliver(COMPACT, "1795946410", COMPACT_SIGNATURE);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("matched");
        assertThat(response.json().path("rental_id").asText()).isEqualTo(rental);
        JsonNode received = SourcesApi.rental(server, rental);
        assertThat(received.path("status").asText()).isEqualTo("received");
        assertThat(received.path("code").asText()).isEqualTo("482913");
        // 17:00:05+07:00 on the phone is 10:00:05 UTC.
        assertThat(received.path("received_at").asText()).isEqualTo("2026-11-29T10:00:05.000Z");
        assertThat(received.path("messages").get(0).path("from").asText()).isEqualTo("WhatsApp");
    }

    @Test
    void aRetryWithTheSameIdIsKeptOnceAndAnsweredAsADuplicate() {
        String rental = rent();
        server.clock().advance(Duration.ofSeconds(10));
        assertThat(deliver(COMPACT, "1795946410", COMPACT_SIGNATURE).json().path("status").asText()).isEqualTo("matched");

        // The app retries 10 s later: same body, same id, a fresh timestamp and signature.
        server.clock().advance(Duration.ofSeconds(10));
        TestResponse retry = deliver(COMPACT, "1795946420", sign(COMPACT, "1795946420"));

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().path("status").asText()).isEqualTo("duplicate");
        assertThat(SourcesApi.rental(server, rental).path("messages")).hasSize(1);
        assertThat(server.http().get("/v1/messages", key).json().path("data")).hasSize(1);
    }

    @Test
    void aTamperedBodyIsRefused() {
        String rental = rent();
        server.clock().advance(Duration.ofSeconds(10));
        String tampered = COMPACT.replace("482-913", "111-111");

        TestResponse response = deliver(tampered, "1795946410", COMPACT_SIGNATURE);

        assertRefused(response, "X-Signature does not match");
        assertThat(SourcesApi.rental(server, rental).path("messages")).isEmpty();
        assertThat(SourcesApi.get(server, sourceId).path("health").path("status").asText()).isEqualTo("degraded");
    }

    @Test
    void aTimestampMoreThanFiveMinutesOffIsRefusedEvenWhenSigned() {
        rent();
        String stale = Long.toString(START_SECONDS - 301);
        assertRefused(deliver(COMPACT, stale, sign(COMPACT, stale)), "away from the server's clock");
        String future = Long.toString(START_SECONDS + 301);
        assertRefused(deliver(COMPACT, future, sign(COMPACT, future)), "away from the server's clock");
        for (long far : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + START_SECONDS}) {
            String stamp = Long.toString(far);
            assertRefused(deliver(COMPACT, stamp, sign(COMPACT, stamp)), "away from the server's clock");
        }
        String edge = Long.toString(START_SECONDS - 300);
        assertThat(deliver(COMPACT, edge, sign(COMPACT, edge)).status()).isEqualTo(200);
    }

    @Test
    void aMissingSignatureOrTimestampIsRefused() {
        rent();
        assertRefused(server.http().post(inboundPath, null, COMPACT, Map.of("X-Timestamp", "1795946400")), "no X-Signature");
        assertRefused(server.http().post(inboundPath, null, COMPACT, Map.of("X-Signature", COMPACT_SIGNATURE)),
                "no X-Signature or X-Timestamp");
        assertRefused(server.http().post(inboundPath, null, COMPACT), "no X-Signature");
        assertThat(server.http().get("/v1/messages", key).json().path("data")).isEmpty();
    }

    @Test
    void theRecipientNamesTheNumberWhenThePhoneKnowsIt() {
        JsonNode second = SourcesApi.number(server, sourceId, "+14155550143", "US", "other-phone", null);
        assertThat(second.path("sim_number").isNull()).isTrue();
        String rental = rent();
        String body = "{\"id\":\"evt-2\",\"webhookId\":\"w\",\"event\":\"sms:received\",\"deviceId\":\"unknown-device\","
                + "\"payload\":{\"message\":\"Your WhatsApp code: 123-456\",\"receivedAt\":\"2026-11-29T10:00:00.000Z\","
                + "\"messageId\":\"m2\",\"sender\":\"WhatsApp\",\"recipient\":\"" + SIM_NUMBER + "\",\"simNumber\":2}}";
        TestResponse response = deliver(body, "1795946400", sign(body, "1795946400"));

        assertThat(response.json().path("status").asText()).as(response.toString()).isEqualTo("matched");
        assertThat(SourcesApi.rental(server, rental).path("code").asText()).isEqualTo("123456");
    }

    @Test
    void aPhoneNamingAnotherSourcesNumberCompletesNoRentalThere() {
        String rental = rent();
        String otherKey = "other-phones-signing-key";
        JsonNode other = SourcesApi.create(server, "android-gateway", "Other phones", "{\"signing_key\":\"" + otherKey + "\"}");
        String otherPath = "/v1/inbound/android-gateway/" + other.path("id").asText();
        String body = "{\"id\":\"evt-9\",\"event\":\"sms:received\",\"deviceId\":\"intruder\","
                + "\"payload\":{\"message\":\"Your WhatsApp code: 999-999\",\"receivedAt\":\"2026-11-29T10:00:00.000Z\","
                + "\"messageId\":\"m9\",\"sender\":\"WhatsApp\",\"recipient\":\"" + SIM_NUMBER + "\"}}";
        String signature = GatewaySignature.sign(otherKey, body.getBytes(StandardCharsets.UTF_8), "1795946400");

        TestResponse response = server.http().post(otherPath, null, body,
                Map.of("X-Timestamp", "1795946400", "X-Signature", signature));

        assertThat(response.json().path("status").asText()).as(response.toString()).isEqualTo("unmatched");
        JsonNode untouched = SourcesApi.rental(server, rental);
        assertThat(untouched.path("status").asText()).isEqualTo("waiting");
        assertThat(untouched.path("messages")).isEmpty();
        JsonNode kept = server.http().get("/v1/messages?unmatched=true", key).json().path("data").get(0);
        assertThat(kept.path("phone_number").asText()).isEqualTo("recipient:" + SIM_NUMBER);
    }

    @Test
    void anSmsToASimWithNoRegisteredNumberIsKeptUnmatchedWithWhereItCameFrom() {
        String body = "{\"id\":\"evt-3\",\"event\":\"sms:received\",\"deviceId\":\"spare-phone\","
                + "\"payload\":{\"message\":\"Telegram code: 55555\",\"receivedAt\":\"2026-11-29T10:00:00.000Z\","
                + "\"phoneNumber\":\"Telegram\",\"simNumber\":2}}";
        TestResponse response = deliver(body, "1795946400", sign(body, "1795946400"));

        assertThat(response.json().path("status").asText()).as(response.toString()).isEqualTo("unmatched");
        JsonNode kept = server.http().get("/v1/messages?unmatched=true", key).json().path("data").get(0);
        assertThat(kept.path("phone_number").asText()).isEqualTo("device:spare-phone/sim:2");
        assertThat(kept.path("code").asText()).isEqualTo("55555");
    }

    @Test
    void otherEventsAreAnsweredAndIgnored() {
        String body = "{\"id\":\"evt-4\",\"event\":\"system:ping\",\"deviceId\":\"" + DEVICE + "\",\"payload\":{}}";
        TestResponse response = deliver(body, "1795946400", sign(body, "1795946400"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("ignored");
    }

    @Test
    void aSignedDeliveryThatIsNoWebhookIsAClearBadRequest() {
        String body = "[1,2,3]";
        TestResponse response = deliver(body, "1795946400", sign(body, "1795946400"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_request");
        assertThat(response.header("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void unknownSourcesAndOtherTypesAreNotFound() {
        JsonNode modem = SourcesApi.create(server, "simulator", "Another simulator", "{}");
        assertThat(deliverTo("/v1/inbound/android-gateway/src_NOPE", COMPACT).status()).isEqualTo(404);
        assertThat(deliverTo("/v1/inbound/android-gateway/" + modem.path("id").asText(), COMPACT).status()).isEqualTo(404);
    }

    @Test
    void theSigningKeyIsWriteOnly() {
        JsonNode shown = SourcesApi.get(server, sourceId);
        assertThat(shown.path("settings").path("signing_key").asText()).isEqualTo("***");
        assertThat(server.http().get("/v1/sources", key).text()).doesNotContain(SIGNING_KEY);

        // Sent back as shown, the key stays; the phone's deliveries still verify.
        TestResponse same = server.http().patch("/v1/sources/" + sourceId, key,
                "{\"name\":\"Renamed\",\"settings\":{\"signing_key\":\"***\"}}");
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.text()).doesNotContain(SIGNING_KEY);
        rent();
        server.clock().advance(Duration.ofSeconds(10));
        assertThat(deliver(COMPACT, "1795946410", COMPACT_SIGNATURE).status()).isEqualTo(200);

        // A new key: the old signatures are refused once the source follows the change.
        TestResponse changed = server.http().patch("/v1/sources/" + sourceId, key,
                "{\"settings\":{\"signing_key\":\"a-brand-new-key\"}}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        server.engine().sources().awaitSettled();
        String body = COMPACT.replace("Rk3Jd9QmWx1LpZ7aTq2bN", "another-id");
        assertRefused(deliver(body, "1795946410", sign(body, "1795946410")), "X-Signature does not match");
        String resigned = signWith("a-brand-new-key", body, "1795946410");
        assertThat(deliver(body, "1795946410", resigned).status()).isEqualTo(200);
    }

    @Test
    void aSigningKeyIsRequired() {
        TestResponse refused = server.http().post("/v1/sources", key,
                "{\"type\":\"android-gateway\",\"name\":\"No key\",\"settings\":{}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("pointer").asText()).isEqualTo("#/settings/signing_key");
    }

    // ---------------------------------------------------------------------------------------------

    private String rent() {
        TestResponse rental = server.http().post("/v1/rentals", key, "{\"service\":\"whatsapp\",\"country\":\"US\"}");
        assertThat(rental.status()).as(rental.toString()).isEqualTo(201);
        assertThat(rental.json().path("phone_number").asText()).isEqualTo(SIM_NUMBER);
        return rental.json().path("id").asText();
    }

    private TestResponse deliver(String body, String timestamp, String signature) {
        return server.http().post(inboundPath, null, body, Map.of("X-Timestamp", timestamp, "X-Signature", signature,
                "User-Agent", "me.capcom.smsgateway/1.40.0"));
    }

    private TestResponse deliverTo(String path, String body) {
        return server.http().post(path, null, body, Map.of("X-Timestamp", "1795946400",
                "X-Signature", sign(body, "1795946400")));
    }

    private static void assertRefused(TestResponse response, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("unauthenticated");
        assertThat(response.json().path("detail").asText()).contains(detail).doesNotContain(SIGNING_KEY);
    }

    private static String sign(String body, String timestamp) {
        return signWith(SIGNING_KEY, body, timestamp);
    }

    /** The app's scheme, written here independently of the source's code. */
    private static String signWith(String signingKey, String body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((body + timestamp).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
