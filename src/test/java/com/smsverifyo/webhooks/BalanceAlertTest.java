package com.smsverifyo.webhooks;

import static com.smsverifyo.webhooks.Webhooks.register;
import static com.smsverifyo.webhooks.Webhooks.rent;
import static com.smsverifyo.webhooks.Webhooks.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.engine.Json;
import com.smsverifyo.testing.EventStreamClient;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily balance alert: one balance.low per account and UTC day while below, re-armed by a top-up. */
class BalanceAlertTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestServer.START);

    @Test
    void onceADayWhileBelowClearedByATopUp() {
        try (TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks())) {
            String key = server.ownerKey();
            // The demo credit is 100 USD; a WhatsApp number in the US costs 0.45.
            TestResponse set = server.http().patch("/v1/account", key, "{\"alert_threshold_usd\": 99}");
            assertThat(set.json().path("alert_threshold_usd").decimalValue()).isEqualByComparingTo("99");

            rent(server, key);
            rent(server, key);
            assertThat(alerts(server)).isEmpty(); // 99.10: still above
            rent(server, key);
            List<JsonNode> alerts = alerts(server);
            assertThat(alerts).hasSize(1); // 98.65: below, told at once
            assertThat(alerts.get(0).path("balance_usd").decimalValue()).isEqualByComparingTo("98.65");
            assertThat(alerts.get(0).path("alert_threshold_usd").decimalValue()).isEqualByComparingTo("99");

            rent(server, key);
            assertThat(alerts(server)).hasSize(1); // the same day: once

            clock.advance(Duration.ofDays(1));
            rent(server, key);
            assertThat(alerts(server)).hasSize(2); // a new UTC day, still below: told again

            String owner = server.http().get("/v1/account", key).json().path("id").asText();
            TestResponse topUp = server.http().post("/v1/accounts/" + owner + "/credits", key, "{\"amount_usd\": 2}");
            assertThat(topUp.status()).as(topUp.toString()).isEqualTo(201);
            assertThat(alerts(server)).hasSize(2); // 99.75: a top-up is not a fall, but it clears the mark
            rent(server, key); // 99.30, above
            assertThat(alerts(server)).hasSize(2);
            rent(server, key); // 98.85: below again on the same day, so told again
            rent(server, key); // 98.40: and only once
            assertThat(alerts(server)).hasSize(3);
        }
    }

    @Test
    void aCustomersAlertIsTheirsAndARefundAboveTheThresholdReArmsIt() {
        try (TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks())) {
            String owner = server.ownerKey();
            String customer = server.http().post("/v1/accounts", owner, "{\"name\":\"Shop\",\"tier\":\"retail\"}")
                    .json().path("id").asText();
            server.http().post("/v1/accounts/" + customer + "/credits", owner, "{\"amount_usd\": 1}");
            String shopKey = server.http().post("/v1/keys", owner, "{\"name\":\"shop\",\"scopes\":[\"admin\"],"
                    + "\"account_id\":\"" + customer + "\"}").json().path("key").asText();
            server.http().patch("/v1/account", shopKey, "{\"alert_threshold_usd\": 0.6}");
            JsonNode rental = rent(server, shopKey); // 0.55 < 0.60
            assertThat(alerts(server)).singleElement()
                    .satisfies(alert -> assertThat(alert.path("account_id").asText()).isEqualTo(customer));
            server.http().post("/v1/rentals/" + rental.path("id").asText() + "/cancel", shopKey, null); // back to 1.00
            rent(server, shopKey);
            assertThat(alerts(server)).hasSize(2);
        }
    }

    @Test
    void theAlertIsDeliveredByWebhookAndOnTheStream() throws Exception {
        try (Receiver receiver = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks());
             EventStreamClient stream = EventStreamClient.connect(server.baseUrl(), server.ownerKey())) {
            JsonNode endpoint = register(server, receiver.url("/alerts"), "[\"balance.low\"]");
            server.http().patch("/v1/account", server.ownerKey(), "{\"alert_threshold_usd\": 100}");
            rent(server, server.ownerKey());
            Receiver.Hit hit = receiver.await("/alerts", 1).get(0);
            verify(hit, endpoint.path("secret").asText());
            JsonNode body = Json.tree(hit.body());
            assertThat(body.path("type").asText()).isEqualTo("balance.low");
            assertThat(body.path("balance_usd").decimalValue()).isEqualByComparingTo("99.55");
            JsonNode streamed = Json.tree(stream.await("balance.low").data());
            assertThat(streamed).isEqualTo(body);
            assertThat(receiver.hits()).hasSize(1);
        }
    }

    private static List<JsonNode> alerts(TestServer server) {
        return server.engine().events().since(0, null, 10_000).stream()
                .filter(event -> event.type().equals("balance.low")).map(event -> Json.tree(event.payload())).toList();
    }
}
