package com.smsverifyo.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.testing.ServerTest;
import com.smsverifyo.testing.SourcesApi;
import com.smsverifyo.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The owner's admin API of sources, numbers and inbound messages, over real HTTP. */
class SourcesAdminTest extends ServerTest {
    private static final String PHONE = "+14155550142";

    @Test
    void onlyTheOwnersAdminKeysManageSourcesNumbersAndMessages() {
        Customers.Customer customer = Customers.open(server, "Customer", "retail", "5", 60);
        for (String other : List.of(customer.adminKey(), customer.rentalsKey())) {
            assertThat(server.http().get("/v1/sources", other).code()).isEqualTo("forbidden");
            assertThat(server.http().get("/v1/numbers", other).code()).isEqualTo("forbidden");
            assertThat(server.http().get("/v1/messages", other).code()).isEqualTo("forbidden");
            assertThat(server.http().post("/v1/sources", other, "{\"type\":\"simulator\",\"name\":\"x\"}").code())
                    .isEqualTo("forbidden");
        }
        assertThat(server.http().get("/v1/sources", null).status()).isEqualTo(401);
    }

    @Test
    void everyWrongFieldIsNamedInOneBadRequest() {
        TestResponse refused = server.http().post("/v1/sources", key, "{\"type\":\"fax\",\"settings\":5}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(pointers(refused)).containsExactlyInAnyOrder("#/name", "#/settings");
        TestResponse type = server.http().post("/v1/sources", key, "{\"type\":\"fax\",\"name\":\"Fax\"}");
        assertThat(pointers(type)).containsExactly("#/type");
        assertThat(type.json().path("detail").asText()).contains("android-gateway", "modem", "simulator", "upstream");
        TestResponse modem = server.http().post("/v1/sources", key,
                "{\"type\":\"modem\",\"name\":\"Bank\",\"settings\":{\"baud_rate\":7,\"reconnect_delay_ms\":\"soon\"}}");
        assertThat(pointers(modem)).containsExactlyInAnyOrder("#/settings/ports", "#/settings/baud_rate",
                "#/settings/reconnect_delay_ms");
        TestResponse upstream = server.http().post("/v1/sources", key,
                "{\"type\":\"upstream\",\"name\":\"Up\",\"settings\":{\"base_url\":\"ftp://x\",\"countries\":[\"usa\"]}}");
        assertThat(pointers(upstream)).containsExactlyInAnyOrder("#/settings/base_url", "#/settings/api_key",
                "#/settings/countries");
        assertThat(server.http().get("/v1/sources/src_NOPE", key).status()).isEqualTo(404);
        assertThat(server.http().patch("/v1/sources/src_NOPE", key, "{\"enabled\":false}").status()).isEqualTo(404);
    }

    @Test
    void creatingASourceWithAnIdempotencyKeyTwiceMakesOne() {
        String body = "{\"type\":\"android-gateway\",\"name\":\"Phones\",\"settings\":{\"signing_key\":\"s3cret-key\"}}";
        TestResponse first = server.http().post("/v1/sources", key, body, Map.of("Idempotency-Key", "src-1"));
        TestResponse again = server.http().post("/v1/sources", key, body, Map.of("Idempotency-Key", "src-1"));

        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(server.http().get("/v1/sources", key).json().path("data")).hasSize(2); // and the simulator
        assertThat(again.text()).doesNotContain("s3cret-key");
    }

    @Test
    void numbersOfADisabledSourceAreNotRentedYetTheirOpenRentalsStillGetTheirSms() {
        SourcesApi.simulatorOff(server);
        String source = android();
        SourcesApi.number(server, source, PHONE, "US", "phone-1", 1);
        SourcesApi.disable(server, source);

        assertThat(rent().code()).isEqualTo("no_numbers_available");
        assertThat(server.http().get("/v1/numbers?source_id=" + source, key).json().path("data").get(0)
                .path("rentable").asBoolean()).isFalse();

        server.http().patch("/v1/sources/" + source, key, "{\"enabled\":true}");
        TestResponse rental = rent();
        assertThat(rental.status()).as(rental.toString()).isEqualTo(201);
        SourcesApi.disable(server, source);
        assertThat(SourcesApi.get(server, source).path("health").path("status").asText()).isEqualTo("disabled");

        TestResponse delivered = deliver(source, "{\"id\":\"e1\",\"event\":\"sms:received\",\"deviceId\":\"phone-1\","
                + "\"payload\":{\"message\":\"Your WhatsApp code: 246-810\",\"phoneNumber\":\"WhatsApp\",\"simNumber\":1}}");
        assertThat(delivered.json().path("status").asText()).as(delivered.toString()).isEqualTo("matched");
        assertThat(SourcesApi.rental(server, rental.json().path("id").asText()).path("code").asText()).isEqualTo("246810");
    }

    @Test
    void aSourceIsDeletedOnlyOnceNoRentalIsOpenOnItsNumbers() {
        SourcesApi.simulatorOff(server);
        String source = android();
        SourcesApi.number(server, source, PHONE, "US", null, null);
        String rental = rent().json().path("id").asText();

        TestResponse refused = server.http().delete("/v1/sources/" + source, key);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("open_rentals").asInt()).isEqualTo(1);

        server.http().post("/v1/rentals/" + rental + "/cancel", key, null);
        assertThat(server.http().delete("/v1/sources/" + source, key).status()).isEqualTo(204);
        assertThat(server.http().get("/v1/sources/" + source, key).status()).isEqualTo(404);
        assertThat(server.http().get("/v1/numbers?source_id=" + source, key).json().path("data")).isEmpty();
        assertThat(deliver(source, "{\"id\":\"e2\",\"event\":\"sms:received\",\"payload\":{\"message\":\"x\"}}").status())
                .isEqualTo(404);
        // The rental's history stays.
        assertThat(SourcesApi.rental(server, rental).path("phone_number").asText()).isEqualTo(PHONE);
    }

    @Test
    void numbersAreCheckedAsTheyAreRegistered() {
        String source = android();
        TestResponse invalid = registerNumber("{\"phone_number\":\"+1415\",\"country\":\"US\",\"source_id\":\"" + source + "\"}");
        assertThat(pointers(invalid)).containsExactly("#/phone_number");
        TestResponse missing = registerNumber("{\"country\":\"usa\",\"carrier\":\"fax\",\"sim_number\":0}");
        assertThat(pointers(missing)).containsExactlyInAnyOrder("#/phone_number", "#/country", "#/carrier",
                "#/source_id", "#/sim_number");
        assertThat(registerNumber("{\"phone_number\":\"" + PHONE + "\",\"country\":\"US\",\"source_id\":\"src_NOPE\"}")
                .status()).isEqualTo(404);

        SourcesApi.number(server, source, PHONE, "US", "phone-1", 1);
        TestResponse again = registerNumber("{\"phone_number\":\"(415) 555-0142\",\"country\":\"US\",\"source_id\":\""
                + source + "\"}");
        assertThat(again.status()).isEqualTo(409);
        TestResponse sameSlot = registerNumber("{\"phone_number\":\"+14155550143\",\"country\":\"US\",\"source_id\":\""
                + source + "\",\"device_id\":\"phone-1\",\"sim_number\":1}");
        assertThat(sameSlot.status()).isEqualTo(409);
        assertThat(sameSlot.json().path("detail").asText()).contains("SIM 1");
    }

    @Test
    void aNumberWithAnOpenRentalStaysAndOneDeletedComesBackStillRefusedByTheServicesThatRefusedIt() {
        SourcesApi.simulatorOff(server);
        String source = android();
        SourcesApi.number(server, source, PHONE, "US", null, null);
        String rental = rent().json().path("id").asText();

        TestResponse busy = server.http().delete("/v1/numbers/%2B14155550142", key);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().path("rental_id").asText()).isEqualTo(rental);

        server.http().post("/v1/rentals/" + rental + "/report", key, null); // WhatsApp refused the number
        assertThat(server.http().delete("/v1/numbers/%2B14155550142", key).status()).isEqualTo(204);
        assertThat(server.http().delete("/v1/numbers/%2B14155550142", key).status()).isEqualTo(404);
        assertThat(rent().code()).isEqualTo("no_numbers_available");

        SourcesApi.number(server, source, PHONE, "US", null, null);
        assertThat(rent().code()).isEqualTo("no_numbers_available");
        TestResponse telegram = server.http().post("/v1/rentals", key, "{\"service\":\"telegram\",\"country\":\"US\"}");
        assertThat(telegram.json().path("phone_number").asText()).as(telegram.toString()).isEqualTo(PHONE);
    }

    @Test
    void unmatchedAndLateMessagesStayVisibleAndCanBeFiltered() {
        SourcesApi.simulatorOff(server);
        String source = android();
        SourcesApi.number(server, source, PHONE, "US", null, null);
        String rental = rent().json().path("id").asText();
        server.sms(PHONE, "WhatsApp", "Your WhatsApp code: 111-222");
        server.http().post("/v1/rentals/" + rental + "/finish", key, null);
        server.sms(PHONE, "WhatsApp", "Your WhatsApp code: 333-444"); // after the end: late
        server.sms("+14155550199", "Bank", "Your code is 9876"); // no rental on that number

        assertThat(statuses("/v1/messages")).containsExactly("unmatched", "late", "matched");
        assertThat(statuses("/v1/messages?unmatched=true")).containsExactly("unmatched");
        assertThat(statuses("/v1/messages?unmatched=false")).containsExactly("late", "matched");
        assertThat(statuses("/v1/messages?late=true")).containsExactly("late");
        assertThat(statuses("/v1/messages?phone=%2B14155550142")).containsExactly("late", "matched");
        JsonNode page = server.http().get("/v1/messages?limit=2", key).json();
        assertThat(page.path("has_more").asBoolean()).isTrue();
        JsonNode next = server.http().get("/v1/messages?limit=2&cursor=" + page.path("next_cursor").asText(), key).json();
        assertThat(next.path("data")).hasSize(1);
        assertThat(next.path("data").get(0).path("rental_id").asText()).isEqualTo(rental);
        assertThat(server.http().get("/v1/messages?unmatched=maybe", key).status()).isEqualTo(400);
        assertThat(server.http().get("/v1/messages?phone=abc", key).status()).isEqualTo(400);
    }

    // ---------------------------------------------------------------------------------------------

    private String android() {
        return SourcesApi.create(server, "android-gateway", "Phones", "{\"signing_key\":\"k1\"}").path("id").asText();
    }

    private TestResponse rent() {
        return server.http().post("/v1/rentals", key, "{\"service\":\"whatsapp\",\"country\":\"US\"}");
    }

    private TestResponse registerNumber(String body) {
        return server.http().post("/v1/numbers", key, body);
    }

    private TestResponse deliver(String source, String body) {
        String timestamp = Long.toString(server.clock().instant().getEpochSecond());
        return server.http().post("/v1/inbound/android-gateway/" + source, null, body,
                Map.of("X-Timestamp", timestamp, "X-Signature", hmac("k1", body + timestamp)));
    }

    private List<String> statuses(String path) {
        TestResponse list = server.http().get(path, key);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        list.json().path("data").forEach(m -> statuses.add(m.path("status").asText()));
        return statuses;
    }

    private static List<String> pointers(TestResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> pointers = new ArrayList<>();
        response.json().path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
        return pointers;
    }

    private static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
