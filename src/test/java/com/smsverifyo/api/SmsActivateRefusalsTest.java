package com.smsverifyo.api;

import static com.smsverifyo.api.SmsActivateClient.assertText;
import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.engine.ApiKeyFormat;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.ServerTest;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal of the SMS-Activate protocol, byte for byte and always HTTP 200; and that no refusal
 * charges anything.
 */
class SmsActivateRefusalsTest extends ServerTest {
    SmsActivateClient owner;

    @BeforeEach
    void ownerClient() {
        owner = new SmsActivateClient(server.baseUrl(), server.ownerKey());
    }

    @Test
    void badKey() {
        assertText(client(null).get("getBalance"), "BAD_KEY");
        assertText(client("").get("getBalance"), "BAD_KEY");
        assertText(client("not-a-key").get("getBalance"), "BAD_KEY");
        assertText(client(ApiKeyFormat.generate()).get("getBalance"), "BAD_KEY");
        assertText(client(ApiKeyFormat.generate()).getWithHeader("getBalance"), "BAD_KEY");
        assertText(client(ApiKeyFormat.generate()).post("getNumber", "service", "wa", "country", "12"), "BAD_KEY");
        // The key is checked before the action, as on the original.
        assertText(client(ApiKeyFormat.generate()).get("noSuchAction"), "BAD_KEY");
    }

    @Test
    void revokedKeyStopsAtOnce() {
        TestResponse created = server.http().post("/v1/keys", server.ownerKey(), "{\"name\":\"bot\",\"scopes\":[\"rentals\"]}");
        String key = created.json().path("key").asText();
        assertText(client(key).get("getBalance"), "ACCESS_BALANCE:100.00");
        assertThat(server.http().delete("/v1/keys/" + created.json().path("id").asText(), server.ownerKey()).status())
                .isEqualTo(200);
        assertText(client(key).get("getBalance"), "BAD_KEY");
        assertText(client(key).get("getNumber", "service", "wa", "country", "12"), "BAD_KEY");
    }

    @Test
    void suspendedAccountIsInactive() {
        SmsActivateFixtures.Customer customer = SmsActivateFixtures.customer(server, "5", null);
        assertText(client(customer.key()).get("getBalance"), "ACCESS_BALANCE:5.00");
        TestResponse suspended = server.http().patch("/v1/accounts/" + customer.accountId(), server.ownerKey(),
                "{\"status\":\"suspended\"}");
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertText(client(customer.key()).get("getBalance"), "ACCOUNT_INACTIVE");
        assertText(client(customer.key()).get("getNumber", "service", "wa", "country", "12"), "ACCOUNT_INACTIVE");
        TestResponse account = server.http().get("/v1/accounts/" + customer.accountId(), server.ownerKey());
        assertThat(account.json().path("balance_usd").decimalValue()).isEqualByComparingTo("5.00");
    }

    @Test
    void badAction() {
        assertText(owner.get(null), "BAD_ACTION");
        assertText(owner.get("getFullSms"), "BAD_ACTION");
        assertText(owner.get("getbalance"), "BAD_ACTION");
        assertText(owner.post(""), "BAD_ACTION");
    }

    @Test
    void badServiceAndCountry() {
        assertText(owner.get("getNumber", "country", "12"), "BAD_SERVICE");
        assertText(owner.get("getNumber", "service", "vk", "country", "12"), "BAD_SERVICE");
        assertText(owner.get("getNumberV2", "service", "whatsapp", "country", "12"), "BAD_SERVICE");
        assertText(owner.get("getNumber", "service", "wa", "country", "2"), "BAD_COUNTRY");
        assertText(owner.get("getNumber", "service", "wa", "country", "US"), "BAD_COUNTRY");
        assertText(owner.get("getNumber", "service", "wa", "country", "-1"), "BAD_COUNTRY");
        assertText(owner.get("getNumberV2", "service", "wa", "country", "99999"), "BAD_COUNTRY");
        assertNothingCharged();
    }

    @Test
    void wrongMaxPriceInBothSpellings() {
        // wa in 187 costs 0.70: a lower cap is refused with the price it would take.
        assertText(owner.get("getNumber", "service", "wa", "country", "187", "maxPrice", "0.5"), "WRONG_MAX_PRICE:0.70");
        assertText(owner.get("getNumber", "service", "wa", "country", "187", "max_price", "0.69"), "WRONG_MAX_PRICE:0.70");
        assertText(owner.post("getNumberV2", "service", "wa", "country", "187", "maxPrice", "0,6999"), "WRONG_MAX_PRICE:0.70");
        assertText(owner.get("getNumber", "service", "wa", "country", "187", "maxPrice", "cheap"), "WRONG_MAX_PRICE:0.70");
        assertText(owner.get("getNumber", "service", "wa", "country", "187", "maxPrice", "-1"), "WRONG_MAX_PRICE:0.70");
        assertNothingCharged();
        // The cap is inclusive, with a dot or a comma.
        assertThat(owner.get("getNumber", "service", "wa", "country", "187", "maxPrice", "0.70").text()).startsWith("ACCESS_NUMBER:");
        assertThat(owner.get("getNumber", "service", "wa", "country", "187", "max_price", "1,00").text()).startsWith("ACCESS_NUMBER:");
        assertText(owner.get("getBalance"), "ACCESS_BALANCE:98.60");
    }

    @Test
    void noBalance() {
        SmsActivateFixtures.Customer poor = SmsActivateFixtures.customer(server, "0.10", null);
        assertText(client(poor.key()).get("getNumber", "service", "wa", "country", "12"), "NO_BALANCE");
        assertText(client(poor.key()).get("getNumberV2", "service", "wa", "country", "12"), "NO_BALANCE");
        assertText(client(poor.key()).get("getBalance"), "ACCESS_BALANCE:0.10");
    }

    @Test
    void dailySpendCapIsNoBalance() {
        SmsActivateFixtures.Customer capped = SmsActivateFixtures.customer(server, "10", "\"daily_spend_cap_usd\":0.50");
        SmsActivateClient tool = client(capped.key());
        assertThat(tool.get("getNumber", "service", "wa", "country", "12").text()).startsWith("ACCESS_NUMBER:");
        assertText(tool.get("getNumber", "service", "wa", "country", "12"), "NO_BALANCE");
        assertText(tool.get("getBalance"), "ACCESS_BALANCE:9.55");
    }

    @Test
    void noNumbersWhenThePoolIsEmpty(@TempDir Path small) {
        try (TestServer tiny = TestServer.start(small, MutableClock.at("2026-11-29T10:00:00Z"), Duration.ofMinutes(20), 3)) {
            SmsActivateClient tool = new SmsActivateClient(tiny.baseUrl(), tiny.ownerKey());
            // Three numbers per country, one of them on a real mobile carrier.
            assertThat(tool.get("getNumber", "service", "wa", "country", "187").text()).startsWith("ACCESS_NUMBER:");
            assertText(tool.get("getNumber", "service", "wa", "country", "187"), "NO_NUMBERS");
            assertText(tool.get("getNumberV2", "service", "wa", "country", "187"), "NO_NUMBERS");
            assertText(tool.get("getBalance"), "ACCESS_BALANCE:99.30");
        }
    }

    @Test
    void rateLimitedRentalsAreNoNumbersWithRetryAfter() {
        SmsActivateFixtures.Customer customer = SmsActivateFixtures.customer(server, "10", "\"rate_limit_per_minute\":2");
        SmsActivateClient tool = client(customer.key());
        assertThat(tool.get("getNumber", "service", "tg", "country", "12").text()).startsWith("ACCESS_NUMBER:");
        TestResponse second = tool.post("getNumberV2", "service", "tg", "country", "12");
        assertThat(second.json().path("activationId").asLong()).isPositive();
        assertThat(second.header("RateLimit")).contains("\"default\";r=0;t=60");

        TestResponse refused = tool.get("getNumber", "service", "tg", "country", "12");
        assertText(refused, "NO_NUMBERS");
        assertThat(refused.header("Retry-After")).contains("60");
        assertThat(refused.header("RateLimit-Policy")).contains("\"default\";q=2;w=60");
        assertText(tool.get("getNumberV2", "service", "tg", "country", "12"), "NO_NUMBERS");
        // Only renting is limited, and the refusals charged nothing.
        assertText(tool.get("getBalance"), "ACCESS_BALANCE:9.40");

        server.clock().advance(Duration.ofSeconds(61));
        assertThat(tool.get("getNumber", "service", "tg", "country", "12").text()).startsWith("ACCESS_NUMBER:");
        assertText(tool.get("getBalance"), "ACCESS_BALANCE:9.10");
    }

    @Test
    void noActivation() {
        assertText(owner.get("getStatus"), "NO_ACTIVATION");
        assertText(owner.get("getStatus", "id", "abc"), "NO_ACTIVATION");
        assertText(owner.get("getStatus", "id", "-1"), "NO_ACTIVATION");
        assertText(owner.get("getStatus", "id", "999999"), "NO_ACTIVATION");
        assertText(owner.get("getStatus", "id", "99999999999999999999999"), "NO_ACTIVATION");
        assertText(owner.get("setStatus", "status", "8"), "NO_ACTIVATION");
        assertText(owner.get("setStatus", "id", "999999", "status", "8"), "NO_ACTIVATION");
        assertText(owner.get("setStatus", "id", "rnt_01", "status", "6"), "NO_ACTIVATION");
    }

    @Test
    void anotherAccountsActivationDoesNotExist() {
        String ownerId = owner.get("getNumber", "service", "wa", "country", "12").text().split(":")[1];
        SmsActivateFixtures.Customer alice = SmsActivateFixtures.customer(server, "5", null);
        SmsActivateFixtures.Customer bob = SmsActivateFixtures.customer(server, "5", null);
        SmsActivateClient aliceTool = client(alice.key());
        SmsActivateClient bobTool = client(bob.key());
        String aliceId = aliceTool.get("getNumber", "service", "tg", "country", "16").text().split(":")[1];

        assertText(aliceTool.get("getStatus", "id", ownerId), "NO_ACTIVATION");
        assertText(aliceTool.get("setStatus", "id", ownerId, "status", "8"), "NO_ACTIVATION");
        assertText(bobTool.get("getStatus", "id", aliceId), "NO_ACTIVATION");
        assertText(bobTool.post("setStatus", "id", aliceId, "status", "8"), "NO_ACTIVATION");
        assertText(bobTool.get("setStatus", "id", aliceId, "status", "6"), "NO_ACTIVATION");
        assertText(bobTool.get("getActiveActivations"), "NO_ACTIVATIONS");
        assertThat(aliceTool.get("getActiveActivations").text()).contains("\"activationId\":\"" + aliceId + "\"")
                .doesNotContain("\"activationId\":\"" + ownerId + "\"");

        // Nothing changed for the owners of those activations.
        assertText(owner.get("getStatus", "id", ownerId), "STATUS_WAIT_CODE");
        assertText(aliceTool.get("getStatus", "id", aliceId), "STATUS_WAIT_CODE");
        assertText(aliceTool.get("getBalance"), "ACCESS_BALANCE:4.67");
        assertText(bobTool.get("getBalance"), "ACCESS_BALANCE:5.00");
    }

    @Test
    void badStatus() {
        String id = owner.get("getNumber", "service", "wa", "country", "12").text().split(":")[1];
        assertText(owner.get("setStatus", "id", id), "BAD_STATUS");
        assertText(owner.get("setStatus", "id", id, "status", "5"), "BAD_STATUS");
        assertText(owner.get("setStatus", "id", id, "status", "-1"), "BAD_STATUS");
        assertText(owner.get("setStatus", "id", id, "status", "cancel"), "BAD_STATUS");
        assertText(owner.get("getStatus", "id", id), "STATUS_WAIT_CODE");
    }

    private SmsActivateClient client(String key) {
        return new SmsActivateClient(server.baseUrl(), key);
    }

    private void assertNothingCharged() {
        assertText(owner.get("getBalance"), "ACCESS_BALANCE:100.00");
        assertThat(SmsActivateFixtures.balance(server, server.ownerKey())).isEqualByComparingTo("100.00");
    }
}
