package com.smsverifyo.api;

import static com.smsverifyo.api.SmsActivateClient.assertJson;
import static com.smsverifyo.api.SmsActivateClient.assertText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-only actions of the SMS-Activate protocol and its transports, byte for byte. Nothing here
 * rents, so one server serves every test (the pool has 40 numbers per country, 14 of them mobile).
 */
class SmsActivateListingsTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static SmsActivateClient owner;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
        owner = new SmsActivateClient(server.baseUrl(), server.ownerKey());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void balanceOverEveryTransport() {
        assertText(owner.get("getBalance"), "ACCESS_BALANCE:100.00");
        assertText(owner.post("getBalance"), "ACCESS_BALANCE:100.00");
        assertText(owner.getWithHeader("getBalance"), "ACCESS_BALANCE:100.00");
        assertText(owner.get("getBalanceAndCashBack"), "ACCESS_BALANCE:100.00");
        // Clients that POST with everything in the query string, and PHP's multipart forms.
        assertText(new SmsActivateClient(server.baseUrl(), null)
                .raw("POST", "api_key=" + server.ownerKey() + "&action=getBalance", null, null), "ACCESS_BALANCE:100.00");
        String boundary = "b0undary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\n" + server.ownerKey()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\ngetBalance\r\n--"
                + boundary + "--\r\n";
        assertText(new SmsActivateClient(server.baseUrl(), null)
                .raw("POST", null, "multipart/form-data; boundary=" + boundary, multipart), "ACCESS_BALANCE:100.00");
    }

    @Test
    void customerBalanceShowsFourDecimalsWhenItHasThem() {
        SmsActivateFixtures.Customer customer = SmsActivateFixtures.customer(server, "1.2345", null);
        assertText(new SmsActivateClient(server.baseUrl(), customer.key()).get("getBalance"), "ACCESS_BALANCE:1.2345");
    }

    @Test
    void pricesOfOneServiceInOneCountry() {
        // 187 is the USA on real mobile carriers: the mobile price and the 14 mobile numbers.
        assertJson(owner.get("getPrices", "service", "wa", "country", "187"),
                "{\"187\":{\"wa\":{\"cost\":0.7,\"count\":14,\"physicalCount\":14}}}");
        // 12 is the USA on any line: the base price, all 40 numbers, 14 of them physical.
        assertJson(owner.get("getPrices", "service", "wa", "country", "12"),
                "{\"12\":{\"wa\":{\"cost\":0.45,\"count\":40,\"physicalCount\":14}}}");
        assertJson(owner.get("getPrices", "service", "tg", "country", "12", "operator", "mobile"),
                "{\"12\":{\"tg\":{\"cost\":0.47,\"count\":14,\"physicalCount\":14}}}");
    }

    @Test
    void allPricesCoverEveryMappedCountryAndService() {
        TestResponse response = owner.get("getPrices");
        assertJson(response);
        JsonNode prices = response.json();
        assertThat(prices.size()).isEqualTo(13);
        assertThat(prices.fieldNames()).toIterable()
                .containsExactly("0", "6", "12", "15", "16", "22", "36", "43", "48", "54", "73", "78", "187");
        assertThat(prices.path("0").fieldNames()).toIterable()
                .containsExactly("wa", "tg", "go", "fb", "ig", "lf", "ds", "ub", "am", "mm");
        assertThat(prices.path("73").path("go").path("cost").decimalValue()).isEqualByComparingTo("0.18");
        assertThat(prices.path("73").path("go").path("count").isIntegralNumber()).isTrue();
        assertJson(owner.get("getPrices", "service", "am"));
        assertThat(owner.get("getPrices", "service", "am").json().size()).isEqualTo(13);
    }

    @Test
    void numbersStatusPerService() {
        assertJson(owner.get("getNumbersStatus", "country", "12"), "{\"wa_0\":40,\"tg_0\":40,\"go_0\":40,\"fb_0\":40,"
                + "\"ig_0\":40,\"lf_0\":40,\"ds_0\":40,\"ub_0\":40,\"am_0\":40,\"mm_0\":40}");
        assertJson(owner.get("getNumbersStatus", "country", "187"), "{\"wa_0\":14,\"tg_0\":14,\"go_0\":14,\"fb_0\":14,"
                + "\"ig_0\":14,\"lf_0\":14,\"ds_0\":14,\"ub_0\":14,\"am_0\":14,\"mm_0\":14}");
        // Without a country, SMS-Activate's default: Russia (0).
        assertThat(owner.get("getNumbersStatus").text()).isEqualTo(owner.get("getNumbersStatus", "country", "0").text());
    }

    @Test
    void countries() {
        TestResponse response = owner.get("getCountries");
        assertJson(response);
        assertThat(response.text()).startsWith("{\"0\":{\"id\":0,\"rus\":\"Россия\",\"eng\":\"Russia\",\"chn\":\"俄罗斯\","
                + "\"visible\":1,\"retry\":1,\"rent\":0,\"multiService\":0},\"6\":{\"id\":6,");
        JsonNode countries = response.json();
        assertThat(countries.fieldNames()).toIterable()
                .containsExactly("0", "6", "12", "15", "16", "22", "36", "43", "48", "54", "73", "78", "187");
        assertThat(countries.path("12").path("eng").asText()).isEqualTo("USA (virtual)");
        assertThat(countries.path("187").path("eng").asText()).isEqualTo("USA");
        assertThat(countries.path("36").path("eng").asText()).isEqualTo("Canada");
        assertThat(countries.path("54").path("id").asInt()).isEqualTo(54);
    }

    @Test
    void servicesList() {
        String all = "{\"status\":\"success\",\"services\":[{\"code\":\"wa\",\"name\":\"WhatsApp\"},"
                + "{\"code\":\"tg\",\"name\":\"Telegram\"},{\"code\":\"go\",\"name\":\"Google\"},"
                + "{\"code\":\"fb\",\"name\":\"Facebook\"},{\"code\":\"ig\",\"name\":\"Instagram\"},"
                + "{\"code\":\"lf\",\"name\":\"TikTok\"},{\"code\":\"ds\",\"name\":\"Discord\"},"
                + "{\"code\":\"ub\",\"name\":\"Uber\"},{\"code\":\"am\",\"name\":\"Amazon\"},"
                + "{\"code\":\"mm\",\"name\":\"Microsoft\"}]}";
        assertJson(owner.get("getServicesList"), all);
        assertJson(owner.get("getServicesList", "country", "22"), all);
        assertJson(owner.get("getServices"), all);
    }

    @Test
    void malformedRequestsNeverFailWithA5xx() {
        SmsActivateClient raw = new SmsActivateClient(server.baseUrl(), null);
        // Bytes that are not UTF-8 in an unrelated parameter do not spoil the request.
        assertText(raw.raw("GET", "api_key=" + server.ownerKey() + "&action=getBalance&x=%C3%28%FF", null, null),
                "ACCESS_BALANCE:100.00");
        assertText(raw.raw("POST", null, "application/x-www-form-urlencoded",
                "api_key=" + server.ownerKey() + "&action=getBalance&x=%C3%28%FF"), "ACCESS_BALANCE:100.00");
        // Transport errors stay the HTTP layer's: too large a body, a method the protocol does not have.
        TestResponse huge = raw.raw("POST", null, "application/x-www-form-urlencoded",
                "api_key=" + server.ownerKey() + "&action=getBalance&x=" + "a".repeat(70_000));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.code()).isEqualTo("payload_too_large");
        TestResponse put = raw.raw("PUT", "api_key=" + server.ownerKey() + "&action=getBalance", null, null);
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.text()).doesNotContain(server.ownerKey());
    }

    @Test
    void unknownFiltersAreRefused() {
        assertText(owner.get("getPrices", "service", "vk"), "BAD_SERVICE");
        assertText(owner.get("getPrices", "country", "2"), "BAD_COUNTRY");
        assertText(owner.get("getNumbersStatus", "country", "US"), "BAD_COUNTRY");
        assertText(owner.get("getServicesList", "country", "999"), "BAD_COUNTRY");
    }
}
