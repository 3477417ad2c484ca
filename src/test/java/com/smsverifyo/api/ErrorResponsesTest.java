package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.ServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error of the contract's table, as problem+json with the documented status, code and members. */
class ErrorResponsesTest extends ServerTest {

    private static void assertProblem(TestResponse response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asText()).isEqualTo("/docs/problems#" + code);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("detail").asText()).isNotBlank();
    }

    private String newKey(String body) {
        TestResponse created = server.http().post("/v1/keys", key, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("key").asText();
    }

    @Test
    void invalidRequests() {
        TestResponse malformed = server.http().post("/v1/rentals", key, "{\"service\": ");
        assertProblem(malformed, 400, "invalid_request");

        TestResponse wrongTypes = server.http().post("/v1/rentals", key,
                "{\"service\": 7, \"country\": \"US\", \"max_price_usd\": \"cheap\", \"carrier\": \"satellite\", \"extra\": 1}");
        assertProblem(wrongTypes, 400, "invalid_request");
        assertThat(wrongTypes.json().path("errors")).extracting(e -> e.path("pointer").asText())
                .containsExactlyInAnyOrder("#/service", "#/max_price_usd", "#/carrier");

        TestResponse missing = server.http().post("/v1/rentals", key, "{\"country\": \"US\"}");
        assertProblem(missing, 400, "invalid_request");
        assertThat(missing.json().path("detail").asText()).contains("service");

        assertProblem(server.http().post("/v1/rentals", key, "[1,2]"), 400, "invalid_request");
        assertProblem(server.http().post("/v1/rentals", key,
                "{\"service\":\"whatsapp\",\"country\":\"US\",\"max_price_usd\":-1}"), 400, "invalid_request");
    }

    @Test
    void authentication() {
        TestResponse none = server.http().get("/v1/account", null);
        assertProblem(none, 401, "unauthenticated");
        assertThat(none.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        TestResponse basic = server.http().send("GET", "/v1/account", null, null, Map.of("Authorization", "Basic Zm9vOmJhcg=="));
        assertProblem(basic, 401, "unauthenticated");

        String mistyped = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        assertProblem(server.http().get("/v1/account", mistyped), 401, "invalid_api_key");
        assertProblem(server.http().get("/v1/account", "sms_live_short"), 401, "invalid_api_key");
        assertProblem(server.http().get("/v1/account", com.smsverifyo.engine.ApiKeyFormat.generate()), 401, "invalid_api_key");

        String doomed = newKey("{\"name\":\"doomed\",\"scopes\":[\"rentals\"]}");
        assertThat(server.http().get("/v1/account", doomed).status()).isEqualTo(200);
        String id = java.util.stream.StreamSupport.stream(server.http().get("/v1/keys", key).json().path("data").spliterator(), false)
                .filter(k -> k.path("name").asText().equals("doomed")).findFirst().orElseThrow().path("id").asText();
        assertThat(server.http().delete("/v1/keys/" + id, key).json().path("status").asText()).isEqualTo("revoked");
        assertProblem(server.http().get("/v1/account", doomed), 401, "invalid_api_key");
    }

    @Test
    void scopes() {
        String rentalsOnly = newKey("{\"name\":\"bot\",\"scopes\":[\"rentals\"]}");
        assertProblem(server.http().get("/v1/keys", rentalsOnly), 403, "forbidden");
        assertProblem(server.http().patch("/v1/account", rentalsOnly, "{\"alert_threshold_usd\": 5}"), 403, "forbidden");
        assertProblem(server.http().get("/v1/ledger", rentalsOnly), 403, "forbidden");
        assertThat(server.http().get("/v1/account", rentalsOnly).status()).isEqualTo(200);

        String adminOnly = newKey("{\"name\":\"ops\",\"scopes\":[\"admin\"]}");
        assertThat(server.http().post("/v1/rentals", adminOnly, "{\"service\":\"uber\",\"country\":\"US\"}").status())
                .isEqualTo(201);
    }

    @Test
    void notFoundAndCatalog() {
        assertProblem(server.http().get("/v1/rentals/rnt_01M8K2943P8DV30J2Y8ZMB4SQ5", key), 404, "not_found");
        assertProblem(server.http().post("/v1/rentals/nope/cancel", key, ""), 404, "not_found");
        assertProblem(server.http().get("/v1/nothing-here", key), 404, "not_found");
        assertProblem(server.http().post("/v1/rentals", key, "{\"service\":\"myspace\",\"country\":\"US\"}"), 404, "unknown_service");
        assertProblem(server.http().post("/v1/rentals", key, "{\"service\":\"whatsapp\",\"country\":\"ZZ\"}"), 404, "unknown_country");
        assertProblem(server.http().get("/v1/services?service=myspace", key), 404, "unknown_service");
        assertProblem(server.http().send("DELETE", "/healthz", null, null, Map.of()), 405, "method_not_allowed");
    }

    @Test
    void moneyRefusalsCarryTheFigures() {
        TestResponse tooDear = server.http().post("/v1/rentals", key,
                "{\"service\":\"whatsapp\",\"country\":\"US\",\"max_price_usd\":0.2}");
        assertProblem(tooDear, 422, "max_price_exceeded");
        assertThat(tooDear.json().path("price_usd").decimalValue()).isEqualByComparingTo("0.45");
        assertThat(tooDear.json().path("max_price_usd").decimalValue()).isEqualByComparingTo("0.2");

        String capped = newKey("{\"name\":\"capped\",\"scopes\":[\"rentals\"],\"daily_spend_cap_usd\":0.5}");
        assertThat(server.http().post("/v1/rentals", capped, "{\"service\":\"whatsapp\",\"country\":\"US\"}").status()).isEqualTo(201);
        TestResponse overCap = server.http().post("/v1/rentals", capped, "{\"service\":\"whatsapp\",\"country\":\"US\"}");
        assertProblem(overCap, 422, "daily_spend_cap_reached");

        String accountId = server.http().get("/v1/account", key).json().path("id").asText();
        String balance = server.http().get("/v1/account", key).json().path("balance_usd").asText();
        TestResponse drain = server.http().post("/v1/accounts/" + accountId + "/credits", key,
                "{\"amount_usd\": -" + balance + ", \"note\": \"test drain\"}");
        assertThat(drain.status()).as(drain.toString()).isEqualTo(201);
        TestResponse broke = server.http().post("/v1/rentals", key, "{\"service\":\"whatsapp\",\"country\":\"US\"}");
        assertProblem(broke, 402, "insufficient_balance");
        assertThat(broke.json().path("balance_usd").decimalValue()).isEqualByComparingTo("0");
        assertThat(broke.json().path("price_usd").decimalValue()).isEqualByComparingTo("0.45");
    }

    @Test
    void tooLargeBodies() {
        String big = "{\"service\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(server.http().post("/v1/rentals", key, big), 413, "payload_too_large");
    }
}
