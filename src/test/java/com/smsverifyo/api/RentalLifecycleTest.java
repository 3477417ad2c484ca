package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.ServerTest;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rental state machine over real HTTP: cancel, finish, retry, report, expiry, late messages. */
class RentalLifecycleTest extends ServerTest {

    private JsonNode rent(String service, String country) {
        TestResponse response = server.http().post("/v1/rentals", key,
                "{\"service\":\"" + service + "\",\"country\":\"" + country + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private BigDecimal balance() {
        return server.http().get("/v1/account", key).json().path("balance_usd").decimalValue();
    }

    private JsonNode get(String id) {
        return server.http().get("/v1/rentals/" + id, key).json();
    }

    @Test
    void cancellingTwiceRefundsOnce() {
        BigDecimal before = balance();
        JsonNode rental = rent("whatsapp", "US");
        assertThat(balance()).isEqualByComparingTo(before.subtract(rental.path("price_usd").decimalValue()));

        TestResponse first = server.http().post("/v1/rentals/" + rental.path("id").asText() + "/cancel", key, "");
        TestResponse second = server.http().post("/v1/rentals/" + rental.path("id").asText() + "/cancel", key, "");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(first.json().path("refunded_usd").decimalValue()).isEqualByComparingTo(rental.path("price_usd").decimalValue());
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(balance()).isEqualByComparingTo(before);
        JsonNode refunds = server.http().get("/v1/ledger?kind=refund", key).json().path("data");
        assertThat(refunds).hasSize(1);
    }

    @Test
    void aReceivedRentalIsNotCancellableAndKeepsItsCharge() {
        JsonNode rental = rent("telegram", "GB");
        server.sms(rental.path("phone_number").asText(), "Telegram", "Telegram code: 52817");
        BigDecimal afterCode = balance();

        TestResponse cancel = server.http().post("/v1/rentals/" + rental.path("id").asText() + "/cancel", key, "");

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.code()).isEqualTo("rental_not_cancellable");
        assertThat(balance()).isEqualByComparingTo(afterCode);
        assertThat(get(rental.path("id").asText()).path("code").asText()).isEqualTo("52817");
    }

    @Test
    void expiryRefundsInFullAndFreesTheNumber() {
        BigDecimal before = balance();
        JsonNode rental = rent("google", "DE");
        String id = rental.path("id").asText();

        server.clock().advance(Duration.ofMinutes(19));
        server.engine().expireDue();
        assertThat(get(id).path("status").asText()).isEqualTo("waiting");

        server.clock().advance(Duration.ofMinutes(1));
        server.engine().expireDue();
        JsonNode expired = get(id);

        assertThat(expired.path("status").asText()).isEqualTo("expired");
        assertThat(expired.path("refunded_usd").decimalValue()).isEqualByComparingTo(rental.path("price_usd").decimalValue());
        assertThat(expired.path("ended_at").asText()).isEqualTo("2026-11-29T10:20:00.000Z");
        assertThat(balance()).isEqualByComparingTo(before);
        // Running the sweep again changes nothing: one refund.
        server.engine().expireDue();
        assertThat(balance()).isEqualByComparingTo(before);
    }

    @Test
    void aRentalWithACodeCompletesAtExpiryWithoutRefund() {
        JsonNode rental = rent("discord", "FR");
        server.sms(rental.path("phone_number").asText(), "Discord", "Your Discord verification code is: 482913");
        BigDecimal afterCode = balance();

        server.clock().advance(Duration.ofMinutes(21));
        server.engine().expireDue();

        JsonNode completed = get(rental.path("id").asText());
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.path("refunded_usd").decimalValue()).isEqualByComparingTo("0");
        assertThat(balance()).isEqualByComparingTo(afterCode);
    }

    @Test
    void finishRetryAndAnotherCode() {
        JsonNode rental = rent("whatsapp", "NL");
        String id = rental.path("id").asText();
        String phone = rental.path("phone_number").asText();

        TestResponse early = server.http().post("/v1/rentals/" + id + "/finish", key, "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("rental_not_finishable");
        TestResponse retryWaiting = server.http().post("/v1/rentals/" + id + "/retry", key, "");
        assertThat(retryWaiting.code()).isEqualTo("rental_not_retryable");

        server.sms(phone, "WhatsApp", "Your WhatsApp code: 111-222");
        TestResponse retry = server.http().post("/v1/rentals/" + id + "/retry", key, "");
        assertThat(retry.json().path("status").asText()).isEqualTo("waiting");
        assertThat(retry.json().path("code").asText()).isEqualTo("111222");
        // Still not cancellable: a code arrived once, so the charge stands.
        assertThat(server.http().post("/v1/rentals/" + id + "/cancel", key, "").code()).isEqualTo("rental_not_cancellable");

        server.sms(phone, "WhatsApp", "Your WhatsApp code: 333-444");
        assertThat(get(id).path("code").asText()).isEqualTo("333444");
        assertThat(get(id).path("messages")).hasSize(2);

        TestResponse finish = server.http().post("/v1/rentals/" + id + "/finish", key, "");
        assertThat(finish.json().path("status").asText()).isEqualTo("completed");
        assertThat(server.http().post("/v1/rentals/" + id + "/finish", key, "").json()).isEqualTo(finish.json());
    }

    @Test
    void reportRefundsAndKeepsTheNumberOutOfThatService() {
        BigDecimal before = balance();
        JsonNode rental = rent("uber", "PL");
        String phone = rental.path("phone_number").asText();

        TestResponse report = server.http().post("/v1/rentals/" + rental.path("id").asText() + "/report", key, "");

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(balance()).isEqualByComparingTo(before);
        // Walk the whole pool of PL numbers for uber: the reported number never comes back.
        for (int i = 0; i < 39; i++) {
            assertThat(rent("uber", "PL").path("phone_number").asText()).isNotEqualTo(phone);
        }
        TestResponse none = server.http().post("/v1/rentals", key, "{\"service\":\"uber\",\"country\":\"PL\"}");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.code()).isEqualTo("no_numbers_available");
    }

    @Test
    void lateAndUnmatchedMessagesAreKeptNotDropped() {
        JsonNode rental = rent("tiktok", "BR");
        String id = rental.path("id").asText();
        server.http().post("/v1/rentals/" + id + "/cancel", key, "");

        TestResponse late = server.sms(rental.path("phone_number").asText(), "TikTok", "[TikTok] 654321 is your verification code");
        assertThat(late.json().path("status").asText()).isEqualTo("late");
        JsonNode message = get(id).path("messages").get(0);
        assertThat(message.path("late").asBoolean()).isTrue();
        assertThat(message.path("code").asText()).isEqualTo("654321");
        assertThat(get(id).path("status").asText()).isEqualTo("cancelled");

        TestResponse unmatched = server.sms("+14155550100", "Bank", "Your code is 1234");
        assertThat(unmatched.status()).isEqualTo(202);
        assertThat(unmatched.json().path("status").asText()).isEqualTo("unmatched");
        assertThat(unmatched.json().path("message").path("code").asText()).isEqualTo("1234");
    }

    @Test
    void aMessageNamingAnotherServiceIsNotPinnedOnTheRental() {
        JsonNode rental = rent("whatsapp", "CA");
        TestResponse other = server.sms(rental.path("phone_number").asText(), "Telegram", "Telegram code: 99887");
        assertThat(other.json().path("status").asText()).isEqualTo("unmatched");
        assertThat(get(rental.path("id").asText()).path("status").asText()).isEqualTo("waiting");
    }

    @Test
    void twoServicesOnOneNumberEachGetTheirOwnCode() {
        JsonNode first = null;
        JsonNode second = null;
        // The pool is walked round-robin; find a number that serves both services at once.
        for (int i = 0; i < 40 && (second == null || !second.path("phone_number").equals(first.path("phone_number"))); i++) {
            first = rent("whatsapp", "MX");
            second = rent("google", "MX");
        }
        assertThat(second.path("phone_number")).isEqualTo(first.path("phone_number"));
        String phone = first.path("phone_number").asText();

        server.sms(phone, "Google", "G-412157 is your Google verification code.");

        assertThat(get(second.path("id").asText()).path("code").asText()).isEqualTo("412157");
        assertThat(get(first.path("id").asText()).path("status").asText()).isEqualTo("waiting");
    }

    @Test
    void listsFilterAndPageNewestFirst() {
        for (int i = 0; i < 7; i++) {
            rent("amazon", "IN");
        }
        rent("microsoft", "IN");

        JsonNode firstPage = server.http().get("/v1/rentals?service=amazon&limit=3", key).json();
        assertThat(firstPage.path("data")).hasSize(3);
        assertThat(firstPage.path("has_more").asBoolean()).isTrue();
        String cursor = firstPage.path("next_cursor").asText();
        JsonNode secondPage = server.http().get("/v1/rentals?service=amazon&limit=3&cursor=" + cursor, key).json();
        JsonNode thirdPage = server.http().get("/v1/rentals?service=amazon&limit=3&cursor="
                + secondPage.path("next_cursor").asText(), key).json();

        assertThat(secondPage.path("data")).hasSize(3);
        assertThat(thirdPage.path("data")).hasSize(1);
        assertThat(thirdPage.path("has_more").asBoolean()).isFalse();
        assertThat(thirdPage.path("next_cursor").isNull()).isTrue();
        assertThat(firstPage.path("data").get(0).path("created_at").asText())
                .isGreaterThanOrEqualTo(secondPage.path("data").get(0).path("created_at").asText());
        assertThat(server.http().get("/v1/rentals?status=waiting&service=microsoft", key).json().path("data")).hasSize(1);
        String phone = firstPage.path("data").get(0).path("phone_number").asText();
        assertThat(server.http().get("/v1/rentals?phone=" + phone.replace("+", "%2B"), key).json().path("data"))
                .allSatisfy(r -> assertThat(r.path("phone_number").asText()).isEqualTo(phone));
        assertThat(server.http().get("/v1/rentals?cursor=bogus", key).code()).isEqualTo("invalid_request");
        assertThat(server.http().get("/v1/rentals?limit=201", key).code()).isEqualTo("invalid_request");
        assertThat(server.http().get("/v1/rentals?status=done", key).code()).isEqualTo("invalid_request");
    }

    @Test
    void mobileRentalsGetMobileNumbersAtTheMobilePrice() {
        JsonNode offer = server.http().get("/v1/services?service=instagram&country=ID", key).json()
                .path("data").get(0).path("countries").get(0);
        TestResponse rental = server.http().post("/v1/rentals", key,
                "{\"service\":\"instagram\",\"country\":\"ID\",\"carrier\":\"mobile\"}");
        assertThat(rental.json().path("carrier").asText()).isEqualTo("mobile");
        assertThat(rental.json().path("price_usd").decimalValue()).isEqualByComparingTo(offer.path("mobile_price_usd").decimalValue());
        JsonNode after = server.http().get("/v1/services?service=instagram&country=ID", key).json()
                .path("data").get(0).path("countries").get(0);
        assertThat(after.path("mobile_available").asLong()).isEqualTo(offer.path("mobile_available").asLong() - 1);
        assertThat(after.path("available").asLong()).isEqualTo(offer.path("available").asLong() - 1);
    }
}
