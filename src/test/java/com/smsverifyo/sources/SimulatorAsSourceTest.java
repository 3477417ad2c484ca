package com.smsverifyo.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.cli.DataDirectory;
import com.smsverifyo.cli.ServerRuntime;
import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.SourcesApi;
import com.smsverifyo.testing.TestHttp;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator as one source among others, and data directories made before sources existed. */
class SimulatorAsSourceTest {
    @TempDir
    Path dir;

    @Test
    void aFreshServerHasTheSimulatorAsASourceWithItsDemoPool() {
        try (TestServer server = TestServer.start(dir)) {
            JsonNode sources = server.http().get("/v1/sources", server.ownerKey()).json().path("data");

            assertThat(sources).hasSize(1);
            JsonNode simulator = sources.get(0);
            assertThat(simulator.path("type").asText()).isEqualTo("simulator");
            assertThat(simulator.path("name").asText()).isEqualTo("Simulator (demo)");
            assertThat(simulator.path("numbers").asLong()).isEqualTo(40L * countries(server));
            assertThat(simulator.has("inbound_url")).isFalse();
            SourcesApi.awaitHealth(server, simulator.path("id").asText(), "ok");
        }
    }

    @Test
    void aDataDirectoryFromBeforeSourcesKeepsItsSimulatorPool() throws Exception {
        MutableClock clock = new MutableClock(TestServer.START);
        String ownerKey;
        try (TestServer server = TestServer.start(dir, clock, Duration.ofMinutes(20), 40)) {
            ownerKey = server.ownerKey();
        }
        // What a data directory of the previous version holds: simulator numbers, and no sources at all.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("smsverifyo.db"));
             Statement sql = db.createStatement()) {
            sql.execute("UPDATE numbers SET source_id = NULL");
            sql.execute("DELETE FROM sources");
        }

        try (TestServer server = TestServer.restart(dir, clock, ownerKey)) {
            JsonNode sources = server.http().get("/v1/sources", ownerKey).json().path("data");
            assertThat(sources).hasSize(1);
            assertThat(sources.get(0).path("type").asText()).isEqualTo("simulator");
            assertThat(sources.get(0).path("numbers").asLong()).isEqualTo(40L * countries(server));
            TestResponse rental = server.http().post("/v1/rentals", ownerKey, "{\"service\":\"whatsapp\",\"country\":\"US\"}");
            assertThat(rental.status()).as(rental.toString()).isEqualTo(201);
        }
    }

    @Test
    void withTheSimulatorOffItsSourceIsStoppedAndAFreshDirectoryHasNoPool() {
        MutableClock clock = new MutableClock(TestServer.START);
        String ownerKey;
        try (TestServer server = TestServer.start(dir.resolve("seeded"), clock, Duration.ofMinutes(20), 40)) {
            ownerKey = server.ownerKey();
        }
        try (ServerRuntime off = ServerRuntime.start(settings(dir.resolve("seeded"), false, 0.0))) {
            JsonNode simulator = new TestHttp(off.baseUrl()).get("/v1/sources", ownerKey).json().path("data").get(0);
            assertThat(simulator.path("health").path("status").asText()).isEqualTo("stopped");
            assertThat(simulator.path("health").path("detail").asText()).contains("--simulator=false");
        }
        try (ServerRuntime fresh = ServerRuntime.start(settings(dir.resolve("fresh"), false, 0.0))) {
            String key = fresh.firstOwnerKey().orElseThrow().plaintext();
            TestHttp http = new TestHttp(fresh.baseUrl());
            assertThat(http.get("/v1/sources", key).json().path("data")).isEmpty();
            assertThat(http.get("/v1/numbers", key).json().path("data")).isEmpty();
        }
    }

    @Test
    void theSimulatorSendsCodesOnlyToItsOwnNumbers() {
        try (ServerRuntime server = ServerRuntime.start(settings(dir, true, 1.0))) {
            String key = server.firstOwnerKey().orElseThrow().plaintext();
            TestHttp http = new TestHttp(server.baseUrl());
            String simulator = http.get("/v1/sources", key).json().path("data").get(0).path("id").asText();
            http.patch("/v1/sources/" + simulator, key, "{\"enabled\":false}");
            String phones = http.post("/v1/sources", key, "{\"type\":\"android-gateway\",\"name\":\"Phones\","
                    + "\"settings\":{\"signing_key\":\"k\"}}").json().path("id").asText();
            http.post("/v1/numbers", key, "{\"phone_number\":\"+14155550142\",\"country\":\"US\",\"source_id\":\""
                    + phones + "\"}");
            TestResponse real = http.post("/v1/rentals", key, "{\"service\":\"whatsapp\",\"country\":\"US\"}");
            assertThat(real.json().path("phone_number").asText()).as(real.toString()).isEqualTo("+14155550142");

            http.patch("/v1/sources/" + simulator, key, "{\"enabled\":true}");
            TestResponse simulated = http.post("/v1/rentals", key, "{\"service\":\"whatsapp\",\"country\":\"US\"}");
            String simulatedId = simulated.json().path("id").asText();
            // The simulator handles rentals in order: once the later one has its code, it passed the first by.
            Await.until("the simulated code", () -> !http.get("/v1/rentals/" + simulatedId, key).json().path("code").isNull());
            assertThat(http.get("/v1/rentals/" + real.json().path("id").asText(), key).json().path("messages")).isEmpty();
        }
    }

    private static ServerRuntime.Settings settings(Path root, boolean simulator, double success) {
        return new ServerRuntime.Settings(DataDirectory.open(root), "127.0.0.1", 0, Duration.ofMinutes(20), simulator,
                new com.smsverifyo.sources.SimulatorSource.Settings(Duration.ZERO, Duration.ZERO, success), 40,
                new MutableClock(TestServer.START), Duration.ofHours(1), 7L);
    }

    private static long countries(TestServer server) {
        return server.http().get("/v1/catalog", server.ownerKey()).json().path("countries").size();
    }
}
