package com.smsverifyo.api;

import static com.smsverifyo.api.SmsActivateClient.assertJson;
import static com.smsverifyo.api.SmsActivateClient.assertText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.ServerTest;
import com.smsverifyo.testing.TestServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole activations over the SMS-Activate protocol, on the same rentals and money the REST API
 * shows: rent, poll, code, another code, finish; rent, cancel, refund; rent, expire, refund.
 */
class SmsActivateFlowTest extends ServerTest {
    private static final Pattern ACCESS_NUMBER = Pattern.compile("ACCESS_NUMBER:(\\d+):(\\d+)");

    SmsActivateClient owner;

    /** An activation as getNumber announced it. */
    record Activation(String id, String phone) {
        String e164() {
            return "+" + phone;
        }
    }

    @BeforeEach
    void ownerClient() {
        owner = new SmsActivateClient(server.baseUrl(), server.ownerKey());
    }

    @Test
    void rentPollReceiveRetryAndFinish() {
        Activation activation = rent(owner.get("getNumber", "service", "wa", "country", "187"));
        JsonNode rental = restRental(activation);
        assertThat(rental.path("service").asText()).isEqualTo("whatsapp");
        assertThat(rental.path("country").asText()).isEqualTo("US");
        assertThat(rental.path("carrier").asText()).isEqualTo("mobile");
        assertThat(rental.path("price_usd").decimalValue()).isEqualByComparingTo("0.70");
        assertText(owner.get("getBalance"), "ACCESS_BALANCE:99.30");

        assertText(owner.get("getStatus", "id", activation.id()), "STATUS_WAIT_CODE");
        assertText(owner.get("setStatus", "id", activation.id(), "status", "1"), "ACCESS_READY");
        assertText(owner.get("setStatus", "id", activation.id(), "status", "6"), "BAD_STATUS");
        assertText(owner.get("setStatus", "id", activation.id(), "status", "3"), "BAD_STATUS");
        assertText(owner.get("getStatus", "id", activation.id()), "STATUS_WAIT_CODE");

        assertThat(server.sms(activation.e164(), "WhatsApp", "Your WhatsApp code: 482-913").status()).isEqualTo(202);
        assertText(owner.get("getStatus", "id", activation.id()), "STATUS_OK:482913");
        assertText(owner.post("getStatus", "id", activation.id()), "STATUS_OK:482913");
        // A code arrived: the activation is paid for and can no longer be cancelled.
        assertText(owner.get("setStatus", "id", activation.id(), "status", "8"), "BAD_STATUS");
        assertText(owner.get("getBalance"), "ACCESS_BALANCE:99.30");

        assertText(owner.post("setStatus", "id", activation.id(), "status", "3"), "ACCESS_RETRY_GET");
        assertText(owner.get("getStatus", "id", activation.id()), "STATUS_WAIT_RETRY:482913");
        assertText(owner.get("setStatus", "id", activation.id(), "status", "3"), "ACCESS_RETRY_GET");
        assertThat(server.sms(activation.e164(), "WhatsApp", "Your WhatsApp code: 551-207").status()).isEqualTo(202);
        assertText(owner.get("getStatus", "id", activation.id()), "STATUS_OK:551207");

        assertText(owner.get("setStatus", "id", activation.id(), "status", "6"), "ACCESS_ACTIVATION");
        assertText(owner.get("setStatus", "id", activation.id(), "status", "6"), "ACCESS_ACTIVATION");
        assertThat(restRental(activation).path("status").asText()).isEqualTo("completed");
        // The protocol has one word for every activation that is over.
        assertText(owner.get("getStatus", "id", activation.id()), "STATUS_CANCEL");
        assertText(owner.get("getBalance"), "ACCESS_BALANCE:99.30");
        assertThat(SmsActivateFixtures.balance(server, server.ownerKey())).isEqualByComparingTo("99.30");
    }

    @Test
    void cancelRefundsOnceAndOnlyOnce() {
        Activation activation = rent(owner.post("getNumber", "service", "tg", "country", "12", "max_price", "0.30"));
        assertThat(restRental(activation).path("carrier").asText()).isEqualTo("any");
        assertText(owner.get("getBalance"), "ACCESS_BALANCE:99.70");
        assertThat(SmsActivateFixtures.balance(server, server.ownerKey())).isEqualByComparingTo("99.70");

        assertText(owner.get("setStatus", "id", activation.id(), "status", "8"), "ACCESS_CANCEL");
        assertText(owner.get("getBalance"), "ACCESS_BALANCE:100.00");
        assertThat(SmsActivateFixtures.balance(server, server.ownerKey())).isEqualByComparingTo("100.00");

        // Cancelling again says the same and refunds nothing more.
        assertText(owner.post("setStatus", "id", activation.id(), "status", "8"), "ACCESS_CANCEL");
        assertText(owner.get("getBalance"), "ACCESS_BALANCE:100.00");
        assertThat(refunds(activation)).isEqualTo(1);
        assertText(owner.get("getStatus", "id", activation.id()), "STATUS_CANCEL");
        assertText(owner.get("setStatus", "id", activation.id(), "status", "1"), "BAD_STATUS");
        assertText(owner.get("setStatus", "id", activation.id(), "status", "6"), "BAD_STATUS");
        assertThat(restRental(activation).path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void expiredActivationIsOverAndRefunded() {
        Activation activation = rent(owner.get("getNumber", "service", "go", "country", "16"));
        assertText(owner.get("getBalance"), "ACCESS_BALANCE:99.61");
        server.clock().advance(Duration.ofMinutes(21));
        assertThat(server.engine().expireDue()).isEqualTo(1);

        assertText(owner.get("getStatus", "id", activation.id()), "STATUS_CANCEL");
        assertText(owner.get("getBalance"), "ACCESS_BALANCE:100.00");
        // Already refunded: a late cancel says so and changes nothing.
        assertText(owner.get("setStatus", "id", activation.id(), "status", "8"), "ACCESS_CANCEL");
        assertText(owner.get("getBalance"), "ACCESS_BALANCE:100.00");
        assertThat(refunds(activation)).isEqualTo(1);
        assertThat(restRental(activation).path("status").asText()).isEqualTo("expired");
    }

    @Test
    void numberV2DescribesTheRentalInJson() {
        TestResponse response = owner.get("getNumberV2", "service", "wa", "country", "12", "operator", "any");
        assertJson(response);
        JsonNode json = response.json();
        long id = json.path("activationId").asLong();
        String phone = json.path("phoneNumber").asText();
        assertThat(json.path("activationId").isIntegralNumber()).isTrue();
        assertThat(phone).matches("1\\d{10}");
        assertJson(response, "{\"activationId\":" + id + ",\"phoneNumber\":\"" + phone + "\",\"activationCost\":0.45,"
                + "\"currency\":840,\"countryCode\":\"12\",\"canGetAnotherSms\":\"1\","
                + "\"activationTime\":\"2026-11-29 10:00:00\",\"activationOperator\":\"any\"}");
        Activation activation = new Activation(Long.toString(id), phone);
        assertThat(restRental(activation).path("price_usd").decimalValue()).isEqualByComparingTo("0.45");
        assertText(owner.get("getStatus", "id", activation.id()), "STATUS_WAIT_CODE");

        JsonNode mobile = owner.get("getNumberV2", "service", "wa", "country", "187").json();
        assertThat(mobile.path("countryCode").asText()).isEqualTo("187");
        assertThat(mobile.path("activationOperator").asText()).isEqualTo("mobile");
        assertThat(mobile.path("activationCost").decimalValue()).isEqualByComparingTo("0.70");
    }

    @Test
    void operatorMobileAndTheDefaultCountry() {
        Activation mobile = rent(owner.get("getNumber", "service", "wa", "country", "12", "operator", "mobile"));
        assertThat(restRental(mobile).path("carrier").asText()).isEqualTo("mobile");
        // Any other operator name falls back to any line, as on the original.
        Activation named = rent(owner.get("getNumber", "service", "wa", "country", "12", "operator", "tmobile,verizon"));
        assertThat(restRental(named).path("carrier").asText()).isEqualTo("any");
        Activation russia = rent(owner.get("getNumber", "service", "wa"));
        assertThat(restRental(russia).path("country").asText()).isEqualTo("RU");
        assertThat(russia.phone()).startsWith("7");
    }

    @Test
    void activeActivationsListsOpenOnesNewestFirst() {
        assertText(owner.get("getActiveActivations"), "NO_ACTIVATIONS");
        Activation first = rent(owner.get("getNumber", "service", "wa", "country", "187"));
        Activation second = rent(owner.get("getNumber", "service", "tg", "country", "6"));
        Activation cancelled = rent(owner.get("getNumber", "service", "ds", "country", "43"));
        assertText(owner.get("setStatus", "id", cancelled.id(), "status", "8"), "ACCESS_CANCEL");
        server.sms(first.e164(), "WhatsApp", "Your WhatsApp code: 482-913");

        TestResponse response = owner.get("getActiveActivations");
        assertJson(response, "{\"status\":\"success\",\"activeActivations\":["
                + "{\"activationId\":\"" + second.id() + "\",\"serviceCode\":\"tg\",\"phoneNumber\":\"" + second.phone() + "\","
                + "\"activationCost\":0.11,\"activationStatus\":\"4\",\"smsCode\":null,\"smsText\":null,"
                + "\"activationTime\":\"2026-11-29 10:00:00\",\"discount\":\"0.00\",\"repeated\":\"0\",\"countryCode\":\"6\","
                + "\"countryName\":\"Indonesia\",\"canGetAnotherSms\":\"1\",\"currency\":840},"
                + "{\"activationId\":\"" + first.id() + "\",\"serviceCode\":\"wa\",\"phoneNumber\":\"" + first.phone() + "\","
                + "\"activationCost\":0.7,\"activationStatus\":\"2\",\"smsCode\":[\"482913\"],"
                + "\"smsText\":\"Your WhatsApp code: 482-913\",\"activationTime\":\"2026-11-29 10:00:00\",\"discount\":\"0.00\","
                + "\"repeated\":\"0\",\"countryCode\":\"187\",\"countryName\":\"USA\",\"canGetAnotherSms\":\"1\",\"currency\":840}]}");
        assertText(owner.get("setStatus", "id", first.id(), "status", "3"), "ACCESS_RETRY_GET");
        assertThat(owner.get("getActiveActivations").json().path("activeActivations").get(1).path("activationStatus").asText())
                .isEqualTo("3");
    }

    @Test
    void protocolIdsAreStableNumericAliasesOfRestRentals() {
        Activation a = rent(owner.get("getNumber", "service", "wa", "country", "73"));
        Activation b = rent(owner.get("getNumber", "service", "wa", "country", "73"));
        assertThat(Long.parseLong(b.id())).isGreaterThan(Long.parseLong(a.id()));
        // A rental made over REST is reachable here by its alias, and the other way round.
        TestResponse rest = server.http().post("/v1/rentals", server.ownerKey(), "{\"service\":\"telegram\",\"country\":\"IN\"}");
        assertThat(rest.status()).isEqualTo(201);
        String restPhone = rest.json().path("phone_number").asText();
        TestResponse active = owner.get("getActiveActivations");
        JsonNode newest = active.json().path("activeActivations").get(0);
        assertThat(newest.path("phoneNumber").asText()).isEqualTo(restPhone.substring(1));
        assertThat(newest.path("countryCode").asText()).isEqualTo("22");
        assertThat(active.text()).doesNotContain("rnt_");
        assertText(owner.get("setStatus", "id", newest.path("activationId").asText(), "status", "8"), "ACCESS_CANCEL");
        assertThat(server.http().get("/v1/rentals/" + rest.json().path("id").asText(), server.ownerKey())
                .json().path("status").asText()).isEqualTo("cancelled");
    }

    /** Parses {@code ACCESS_NUMBER:<id>:<phone>} and checks its bytes. */
    private static Activation rent(TestResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).contains(SmsActivateClient.TEXT);
        Matcher matcher = ACCESS_NUMBER.matcher(response.text());
        assertThat(matcher.matches()).as(response.toString()).isTrue();
        return new Activation(matcher.group(1), matcher.group(2));
    }

    /** The REST view of the rental behind an activation, found by its phone number. */
    private JsonNode restRental(Activation activation) {
        TestResponse list = server.http().get("/v1/rentals?phone=%2B" + activation.phone(), server.ownerKey());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonNode rentals = list.json().path("data");
        assertThat(rentals.size()).as(list.toString()).isGreaterThanOrEqualTo(1);
        assertThat(rentals.get(0).path("id").asText()).startsWith("rnt_");
        return rentals.get(0);
    }

    /** How many refund entries the ledger holds for the rental behind an activation. */
    private long refunds(Activation activation) {
        String rentalId = restRental(activation).path("id").asText();
        JsonNode entries = server.http().get("/v1/ledger?limit=200", server.ownerKey()).json().path("data");
        long count = 0;
        for (JsonNode entry : entries) {
            if (entry.path("kind").asText().equals("refund") && entry.path("rental_id").asText().equals(rentalId)) {
                count++;
                assertThat(entry.path("amount_usd").decimalValue().abs()).isGreaterThan(BigDecimal.ZERO);
            }
        }
        return count;
    }
}
