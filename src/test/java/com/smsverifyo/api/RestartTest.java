package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart keeps every rental, code and balance, and expiry catches up on what fell due meanwhile. */
class RestartTest {
    @TempDir
    Path dir;

    @Test
    void everythingSurvivesARestart() {
        MutableClock clock = new MutableClock(TestServer.START);
        String key;
        JsonNode before;
        JsonNode account;
        String waitingId;
        try (TestServer server = TestServer.start(dir, clock, Duration.ofMinutes(20), 40)) {
            key = server.ownerKey();
            JsonNode coded = server.http().post("/v1/rentals", key, "{\"service\":\"whatsapp\",\"country\":\"US\"}").json();
            server.sms(coded.path("phone_number").asText(), "WhatsApp", "Your WhatsApp code: 482-913");
            JsonNode cancelled = server.http().post("/v1/rentals", key, "{\"service\":\"google\",\"country\":\"GB\"}").json();
            server.http().post("/v1/rentals/" + cancelled.path("id").asText() + "/cancel", key, "");
            waitingId = server.http().post("/v1/rentals", key, "{\"service\":\"uber\",\"country\":\"DE\"}").json()
                    .path("id").asText();
            before = server.http().get("/v1/rentals", key).json();
            account = server.http().get("/v1/account", key).json();
        }

        try (TestServer server = TestServer.restart(dir, clock, key)) {
            assertThat(server.http().get("/v1/rentals", key).json()).isEqualTo(before);
            assertThat(server.http().get("/v1/account", key).json()).isEqualTo(account);
            assertThat(before.path("data")).hasSize(3);
        }

        // Down while a rental's time ran out: the next start expires and refunds it.
        clock.advance(Duration.ofMinutes(30));
        try (TestServer server = TestServer.restart(dir, clock, key)) {
            server.engine().expireDue();
            JsonNode expired = server.http().get("/v1/rentals/" + waitingId, key).json();
            assertThat(expired.path("status").asText()).isEqualTo("expired");
            assertThat(server.http().get("/v1/account", key).json().path("balance_usd").decimalValue())
                    .isEqualByComparingTo(account.path("balance_usd").decimalValue().add(expired.path("price_usd").decimalValue()));
        }
    }
}
