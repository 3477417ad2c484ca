package com.smsverifyo.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** What source tests do over the API: create sources, register numbers, switch the simulator off. */
public final class SourcesApi {
    private SourcesApi() {
    }

    /** Creates a source; asserts it was created. */
    public static JsonNode create(TestServer server, String type, String name, String settingsJson) {
        TestResponse created = server.http().post("/v1/sources", server.ownerKey(),
                "{\"type\":\"" + type + "\",\"name\":\"" + name + "\",\"settings\":" + settingsJson + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** Registers a SIM number of a source; asserts it was registered. */
    public static JsonNode number(TestServer server, String sourceId, String phone, String country, String deviceId,
                                  Integer sim) {
        TestResponse created = server.http().post("/v1/numbers", server.ownerKey(), "{\"phone_number\":\"" + phone
                + "\",\"country\":\"" + country + "\",\"carrier\":\"mobile\",\"source_id\":\"" + sourceId + "\""
                + (deviceId == null ? "" : ",\"device_id\":\"" + deviceId + "\"")
                + (sim == null ? "" : ",\"sim_number\":" + sim) + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** The simulator's source (every test server has one, with the demo pool). */
    public static String simulatorId(TestServer server) {
        TestResponse list = server.http().get("/v1/sources", server.ownerKey());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        for (JsonNode source : list.json().path("data")) {
            if (source.path("type").asText().equals("simulator")) {
                return source.path("id").asText();
            }
        }
        throw new AssertionError("no simulator source in " + list);
    }

    /** Disables a source: its numbers get no new rentals. */
    public static void disable(TestServer server, String sourceId) {
        TestResponse patched = server.http().patch("/v1/sources/" + sourceId, server.ownerKey(), "{\"enabled\":false}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    }

    /** The demo pool out of the way, so rentals get the test's own numbers. */
    public static void simulatorOff(TestServer server) {
        disable(server, simulatorId(server));
    }

    public static JsonNode get(TestServer server, String sourceId) {
        TestResponse source = server.http().get("/v1/sources/" + sourceId, server.ownerKey());
        assertThat(source.status()).as(source.toString()).isEqualTo(200);
        return source.json();
    }

    /** Waits until the source's health is {@code status}, and returns the source. */
    public static JsonNode awaitHealth(TestServer server, String sourceId, String status) {
        Await.until("source " + sourceId + " " + status, () -> get(server, sourceId).path("health").path("status")
                .asText().equals(status));
        return get(server, sourceId);
    }

    public static JsonNode rental(TestServer server, String id) {
        TestResponse rental = server.http().get("/v1/rentals/" + id, server.ownerKey());
        assertThat(rental.status()).as(rental.toString()).isEqualTo(200);
        return rental.json();
    }
}
