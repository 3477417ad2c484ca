package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.engine.Json;
import com.smsverifyo.store.StoredEvent;
import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.EventStreamClient;
import com.smsverifyo.testing.EventStreamClient.Received;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStreamTest {
    @TempDir
    Path dir;

    @Test
    void liveEventsThenExactlyTheMissedOnesAfterAReconnect() {
        try (TestServer server = TestServer.start(dir)) {
            String key = server.ownerKey();
            long lastId;
            try (EventStreamClient stream = EventStreamClient.connect(server.baseUrl(), key)) {
                JsonNode rental = rent(server, key);
                Received created = stream.await("rental.created");
                assertThat(Json.tree(created.data()).path("rental_id").asText()).isEqualTo(rental.path("id").asText());
                assertThat(Json.tree(created.data()).path("rental").path("status").asText()).isEqualTo("waiting");

                server.sms(rental.path("phone_number").asText(), "WhatsApp", "Your WhatsApp code: 246-810");
                Received code = stream.await("rental.code_received");
                JsonNode body = Json.tree(code.data());
                assertThat(body.path("type").asText()).isEqualTo("rental.code_received");
                assertThat(body.path("code").asText()).isEqualTo("246810");
                assertThat(Long.parseLong(code.id())).isGreaterThan(Long.parseLong(created.id()));
                Await.until("the rental.updated after the code", () -> stream.events("rental.updated").size() >= 1);
                lastId = Long.parseLong(stream.events().get(stream.events().size() - 1).id());
                assertIncreasingWithoutDuplicates(stream.events());
            }

            // Missed while disconnected: a rental, its cancellation, another code.
            JsonNode second = rent(server, key);
            server.http().post("/v1/rentals/" + second.path("id").asText() + "/cancel", key, null);
            JsonNode third = rent(server, key);
            server.sms(third.path("phone_number").asText(), "WhatsApp", "Your WhatsApp code: 135-790");
            List<String> missed = streamIdsAfter(server, lastId);
            assertThat(missed).hasSizeGreaterThanOrEqualTo(5);

            try (EventStreamClient resumed = EventStreamClient.connect(server.baseUrl(), key,
                    Map.of("Last-Event-ID", Long.toString(lastId)))) {
                Await.until("the " + missed.size() + " missed events", () -> resumed.events().size() >= missed.size());
                assertThat(resumed.events().stream().map(Received::id).toList()).isEqualTo(missed);
                assertThat(resumed.events("rental.code_received")).hasSize(1);
                // Named end events are for webhooks; the stream follows rental.updated.
                assertThat(resumed.events("rental.cancelled")).isEmpty();

                // And it goes on live.
                rent(server, key);
                Await.until("a live event after the replay", () -> resumed.events().size() > missed.size());
                assertIncreasingWithoutDuplicates(resumed.events());
            }

            // For clients that cannot set headers.
            String query = "/v1/events?last_event_id=" + lastId;
            try (EventStreamClient byQuery = EventStreamClient.connectTo(server.baseUrl() + query, key, Map.of())) {
                Await.until("the replay by query", () -> byQuery.events().size() >= missed.size());
                assertThat(byQuery.events().subList(0, missed.size()).stream().map(Received::id).toList())
                        .isEqualTo(missed);
            }
        }
    }

    @Test
    void noEventIsLostOrDoubledWhileEventsKeepComingDuringTheReplay() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String key = server.http().post("/v1/keys", server.ownerKey(),
                    "{\"name\":\"load\",\"scopes\":[\"admin\"],\"rate_limit_per_minute\":100000}").json().path("key").asText();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                while (running.get()) {
                    JsonNode rental = rent(server, key);
                    server.http().post("/v1/rentals/" + rental.path("id").asText() + "/cancel", key, null);
                }
            });
            writer.start();
            List<EventStreamClient> streams = new ArrayList<>();
            List<Long> starts = new ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    Await.until("some events", () -> server.engine().events().lastSeq() > 10);
                    long start = Math.max(0, server.engine().events().lastSeq() - 7);
                    starts.add(start);
                    streams.add(EventStreamClient.connect(server.baseUrl(), key, Map.of("Last-Event-ID", Long.toString(start))));
                }
            } finally {
                running.set(false);
                writer.join();
            }
            for (int i = 0; i < streams.size(); i++) {
                EventStreamClient stream = streams.get(i);
                List<String> expected = streamIdsAfter(server, starts.get(i));
                Await.until("stream " + i + " caught up", () -> stream.events().size() >= expected.size());
                assertThat(stream.events().stream().map(Received::id).toList()).as("stream " + i).isEqualTo(expected);
                stream.close();
            }
        }
    }

    @Test
    void aKeySeesItsOwnAccountAndAnAdminAlsoItsCustomers() {
        try (TestServer server = TestServer.start(dir)) {
            String owner = server.ownerKey();
            String customer = server.http().post("/v1/accounts", owner, "{\"name\":\"Shop\",\"tier\":\"retail\"}")
                    .json().path("id").asText();
            server.http().post("/v1/accounts/" + customer + "/credits", owner, "{\"amount_usd\":10}");
            String customerKey = server.http().post("/v1/keys", owner, "{\"name\":\"shop\",\"scopes\":[\"rentals\"],"
                    + "\"account_id\":\"" + customer + "\"}").json().path("key").asText();
            try (EventStreamClient ownerStream = EventStreamClient.connect(server.baseUrl(), owner);
                 EventStreamClient customerStream = EventStreamClient.connect(server.baseUrl(), customerKey)) {
                JsonNode ownersRental = rent(server, owner);
                JsonNode customersRental = rent(server, customerKey);
                Await.until("both rentals on the owner's stream", () -> ownerStream.events("rental.created").size() == 2);
                Received seen = customerStream.await("rental.created");
                assertThat(Json.tree(seen.data()).path("rental_id").asText()).isEqualTo(customersRental.path("id").asText());
                // A later event of its own proves the owner's rental was never sent to the customer.
                server.http().post("/v1/rentals/" + customersRental.path("id").asText() + "/cancel", customerKey, null);
                customerStream.await("rental.updated");
                assertThat(customerStream.events()).noneMatch(event -> event.data().contains(ownersRental.path("id").asText()));
            }
        }
    }

    @Test
    void webhookNoticesGoOnlyToAdminKeys() {
        try (TestServer server = TestServer.start(dir, new com.smsverifyo.testing.MutableClock(TestServer.START),
                TestServer.loopbackWebhooks(java.time.Duration.ZERO))) {
            String owner = server.ownerKey();
            String rentalsKey = server.http().post("/v1/keys", owner, "{\"name\":\"bot\",\"scopes\":[\"rentals\"]}")
                    .json().path("key").asText();
            try (EventStreamClient admin = EventStreamClient.connect(server.baseUrl(), owner);
                 EventStreamClient rentals = EventStreamClient.connect(server.baseUrl(), rentalsKey)) {
                int nobody = com.smsverifyo.testing.Receiver.freePort();
                server.http().post("/v1/webhooks", owner, "{\"url\":\"http://127.0.0.1:" + nobody + "/x\"}");
                JsonNode rental = rent(server, owner);
                server.sms(rental.path("phone_number").asText(), "WhatsApp", "Your WhatsApp code: 864-200");
                JsonNode failed = Json.tree(admin.await("webhook.delivery_failed").data());
                assertThat(failed.path("event_type").asText()).isEqualTo("rental.code_received");
                // A later event proves the notice was not merely late on the rentals key's stream.
                rent(server, owner);
                Await.until("the second rental on the rentals stream", () -> rentals.events("rental.created").size() == 2);
                assertThat(rentals.events("rental.code_received")).hasSize(1);
                assertThat(rentals.events()).noneMatch(event -> event.type().startsWith("webhook."));
            }
        }
    }

    @Test
    void refusalsAreProblemsNotStreams() {
        try (TestServer server = TestServer.start(dir)) {
            TestResponse noAccept = server.http().get("/v1/events", server.ownerKey());
            assertThat(noAccept.status()).isEqualTo(406);
            assertThat(noAccept.json().path("detail").asText()).contains("text/event-stream");
            TestResponse badId = server.http().send("GET", "/v1/events", server.ownerKey(), null,
                    Map.of("Accept", "text/event-stream", "Last-Event-ID", "yesterday"));
            assertThat(badId.status()).isEqualTo(400);
            assertThat(badId.code()).isEqualTo("invalid_request");
            TestResponse noKey = server.http().send("GET", "/v1/events", null, null, Map.of("Accept", "text/event-stream"));
            assertThat(noKey.status()).isEqualTo(401);
        }
    }

    private static JsonNode rent(TestServer server, String key) {
        TestResponse created = server.http().post("/v1/rentals", key, "{\"service\":\"whatsapp\",\"country\":\"US\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** The ids the stream must send after {@code seq}: the stored log, the stream's types only. */
    private static List<String> streamIdsAfter(TestServer server, long seq) {
        return server.engine().events().since(seq, null, 100_000).stream()
                .filter(event -> EventStream.TYPES.contains(event.type()))
                .map(StoredEvent::seq).map(String::valueOf).toList();
    }

    private static void assertIncreasingWithoutDuplicates(List<Received> events) {
        long previous = 0;
        for (Received event : events) {
            long id = Long.parseLong(event.id());
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }
}
