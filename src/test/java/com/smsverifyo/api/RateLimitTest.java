package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.ServerTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rental creation is limited per key, with the IETF RateLimit fields on every response. */
class RateLimitTest extends ServerTest {
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "NL", "PL"};


    private TestResponse rent(int i, Map<String, String> headers) {
        return server.http().post("/v1/rentals", key,
                "{\"service\":\"telegram\",\"country\":\"" + COUNTRIES[i % COUNTRIES.length] + "\"}", headers);
    }

    @Test
    void theSixtyFirstRentalInAMinuteIsRefusedWithRetryAfter() {
        for (int i = 0; i < 60; i++) {
            TestResponse ok = rent(i, Map.of());
            assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
            assertThat(ok.header("RateLimit-Policy")).contains("\"default\";q=60;w=60");
            assertThat(ok.header("RateLimit")).contains("\"default\";r=" + (59 - i) + ";t=60");
        }
        BigDecimal balance = server.http().get("/v1/account", key).json().path("balance_usd").decimalValue();
        server.clock().advance(Duration.ofSeconds(15));

        TestResponse refused = rent(60, Map.of("Idempotency-Key", "after-limit"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        assertThat(refused.header("Retry-After")).contains("45");
        assertThat(refused.header("RateLimit")).contains("\"default\";r=0;t=45");
        assertThat(refused.json().path("violated-policies").get(0).asText()).isEqualTo("default");
        assertThat(server.http().get("/v1/account", key).json().path("balance_usd").decimalValue())
                .isEqualByComparingTo(balance);

        // The refusal was not kept for the Idempotency-Key: once the window resets, the same key rents.
        server.clock().advance(Duration.ofSeconds(45));
        TestResponse later = rent(60, Map.of("Idempotency-Key", "after-limit"));
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isEmpty();
        assertThat(later.header("RateLimit")).contains("\"default\";r=59;t=60");
    }

    @Test
    void otherEndpointsAreNotCountedAndEachKeyHasItsOwnQuota() {
        String second = server.http().post("/v1/keys", key,
                "{\"name\":\"two\",\"scopes\":[\"rentals\"],\"rate_limit_per_minute\":2}").json().path("key").asText();
        for (int i = 0; i < 5; i++) {
            assertThat(server.http().get("/v1/account", second).status()).isEqualTo(200);
        }
        String body = "{\"service\":\"uber\",\"country\":\"US\"}";
        assertThat(server.http().post("/v1/rentals", second, body).header("RateLimit-Policy")).contains("\"default\";q=2;w=60");
        assertThat(server.http().post("/v1/rentals", second, body).status()).isEqualTo(201);
        assertThat(server.http().post("/v1/rentals", second, body).status()).isEqualTo(429);
        assertThat(rent(0, Map.of()).status()).isEqualTo(201);
    }
}
