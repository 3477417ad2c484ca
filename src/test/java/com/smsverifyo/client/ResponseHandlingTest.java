package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Problem details become typed exceptions; whatever else a server sends becomes a clear one, never a crash. */
class ResponseHandlingTest {
    private final MockWebServer server = new MockWebServer();
    private SmsVerifyoClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = SmsVerifyoClient.builder().baseUrl(server.url("/").toString()).apiKey(Fixtures.KEY)
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aRentalIsReadWithMoneyAsDecimalsTimesAsInstantsAndNullsAsEmpty() {
        server.enqueue(Fixtures.json(200, Fixtures.rental("rnt_1", "received", "123456")));

        Rental rental = client.rentals().get("rnt_1");

        assertThat(rental.price()).isEqualTo(new BigDecimal("0.45"));
        assertThat(rental.status()).isEqualTo(RentalStatus.RECEIVED);
        assertThat(rental.code()).contains("123456");
        assertThat(rental.createdAt()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(rental.endedAt()).isEmpty();
        assertThat(rental.messages()).singleElement().satisfies(m -> {
            assertThat(m.code()).contains("123456");
            assertThat(m.late()).isFalse();
            assertThat(m.source()).contains("api");
        });
    }

    @Test
    void insufficientBalanceCarriesBalanceAndPrice() {
        server.enqueue(Fixtures.problem(402, "insufficient_balance", "Balance 0.10 is below the price 0.45.",
                "\"balance_usd\":0.10,\"price_usd\":0.45"));

        assertThatThrownBy(() -> client.rentals().create(NewRental.of("whatsapp", "US")))
                .isInstanceOfSatisfying(InsufficientBalanceException.class, e -> {
                    assertThat(e.balance()).contains(new BigDecimal("0.10"));
                    assertThat(e.price()).contains(new BigDecimal("0.45"));
                    assertThat(e.detail()).isEqualTo("Balance 0.10 is below the price 0.45.");
                    assertThat(e.getMessage()).isEqualTo("POST /v1/rentals failed: 402 insufficient_balance: "
                            + "Balance 0.10 is below the price 0.45.");
                });
    }

    @Test
    void maxPriceExceededCarriesBothPrices() {
        server.enqueue(Fixtures.problem(422, "max_price_exceeded", "too dear", "\"price_usd\":0.7,\"max_price_usd\":0.5"));

        assertThatThrownBy(() -> client.rentals().create(NewRental.of("whatsapp", "US").maxPrice(new BigDecimal("0.5"))))
                .isInstanceOfSatisfying(MaxPriceExceededException.class, e -> {
                    assertThat(e.price()).contains(new BigDecimal("0.7"));
                    assertThat(e.maxPrice()).contains(new BigDecimal("0.5"));
                });
    }

    @Test
    void validationErrorsNameEachField() {
        server.enqueue(Fixtures.problem(400, "invalid_request", "2 fields are invalid.",
                "\"errors\":[{\"pointer\":\"#/service\",\"detail\":\"required\"},{\"pointer\":\"#/max_price_usd\",\"detail\":\"a number\"}]"));

        assertThatThrownBy(() -> client.rentals().create(NewRental.of("", "US")))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("service", "max_price_usd"));
    }

    @Test
    void malformedJsonInASuccessIsAClearException() {
        server.enqueue(Fixtures.json(200, "{\"id\": \"rnt_1\", \"status\": "));

        assertThatThrownBy(() -> client.rentals().get("rnt_1"))
                .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                    assertThat(e.code()).isEqualTo("malformed_response");
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.getMessage()).contains("GET /v1/rentals/rnt_1").contains("not valid JSON");
                });
    }

    @Test
    void aMissingRequiredFieldIsNamedNotANullPointer() {
        server.enqueue(Fixtures.json(200, "{\"id\":\"rnt_1\",\"service\":\"whatsapp\",\"country\":\"US\"}"));

        assertThatThrownBy(() -> client.rentals().get("rnt_1"))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("response.phone_number is missing");
    }

    @Test
    void aWrongTypeIsNamedWithoutEchoingTheValue() {
        server.enqueue(Fixtures.json(200, Fixtures.rental("rnt_1", "waiting", null).replace("\"price_usd\":0.45", "\"price_usd\":\"cheap\"")));

        assertThatThrownBy(() -> client.rentals().get("rnt_1"))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("response.price_usd should be a number but is string").hasMessageNotContaining("cheap");
    }

    @Test
    void anHtmlPageInsteadOfJsonIsAClearException() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body("<html>login</html>").build());

        assertThatThrownBy(() -> client.account().get())
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("Expected JSON but the server sent text/html");
    }

    @Test
    void anErrorThatIsNotAProblemStillHasStatusAndAReadableDetail() {
        server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/plain")
                .body("upstream sms_live_SECRETSECRETSECRET went away").build());

        assertThatThrownBy(() -> client.account().get())
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.code()).isEqualTo("http_502");
                    assertThat(e.detail()).contains("502 Bad Gateway").contains("upstream sms_live_… went away");
                    assertThat(e.getMessage()).doesNotContain("SECRETSECRET");
                });
    }

    @Test
    void redirectsAreNotFollowedSoTheKeyNeverTravelsElsewhere() throws Exception {
        server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "https://elsewhere.example/v1/account").build());

        assertThatThrownBy(() -> client.account().get())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("redirect");
                    assertThat(e.detail()).contains("https://elsewhere.example/v1/account").contains("base URL");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theKeyNeverShowsInToStringOrMessages() {
        server.enqueue(Fixtures.problem(401, "invalid_api_key", "The API key is not valid.", null));

        assertThat(client.toString()).doesNotContain(Fixtures.KEY).contains("sms_live_Test…");
        assertThat(SmsVerifyoClient.builder().apiKey(Fixtures.KEY).toString()).doesNotContain(Fixtures.KEY);
        assertThatThrownBy(() -> client.account().get()).isInstanceOf(AuthenticationException.class)
                .hasMessageNotContaining(Fixtures.KEY);
        assertThatThrownBy(() -> SmsVerifyoClient.builder().apiKey("sms_live_bad key"))
                .hasMessageNotContaining("bad key");
    }

    @Test
    void createdSecretsAreMaskedInToString() {
        server.enqueue(Fixtures.json(201, "{\"id\":\"key_1\",\"account_id\":\"acc_1\",\"name\":\"w\",\"prefix\":\"sms_live_AbCd\","
                + "\"scopes\":[\"rentals\"],\"rate_limit_per_minute\":60,\"daily_spend_cap_usd\":null,\"status\":\"active\","
                + "\"created_at\":\"2026-11-29T10:00:00.000Z\",\"last_used_at\":null,\"revoked_at\":null,"
                + "\"key\":\"sms_live_AbCdWholeSecretKeyValue1234567890\"}"));

        CreatedApiKey created = client.keys().create(NewApiKey.of("w", "rentals"));

        assertThat(created.secret()).isEqualTo("sms_live_AbCdWholeSecretKeyValue1234567890");
        assertThat(created.toString()).doesNotContain("WholeSecret").contains("sms_live_AbCd…");
    }

    @Test
    void idsAreEncodedAsOnePathSegment() throws Exception {
        server.enqueue(Fixtures.problem(404, "not_found", "no", null));

        assertThatThrownBy(() -> client.rentals().get("../keys")).isInstanceOf(NotFoundException.class);

        assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/rentals/..%2Fkeys");
    }

    @Test
    void aBaseUrlWithAPathPrefixIsKept() throws Exception {
        server.enqueue(Fixtures.json(200, "{\"status\":\"ok\",\"version\":\"1.2.3\"}"));
        try (SmsVerifyoClient prefixed = SmsVerifyoClient.builder().baseUrl(server.url("/sms/").toString())
                .apiKey(Fixtures.KEY).build()) {
            assertThat(prefixed.health().version()).isEqualTo("1.2.3");
        }
        assertThat(server.takeRequest().getTarget()).isEqualTo("/sms/healthz");
    }
}
