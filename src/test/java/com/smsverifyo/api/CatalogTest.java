package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.testing.Customers.Customer;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET/PUT /v1/catalog}: who may, the shape, validation, atomicity, idempotency, conflicts. */
class CatalogTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;
    TestServer server;
    String owner;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
        owner = server.ownerKey();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ObjectNode catalog() {
        TestResponse response = server.http().get("/v1/catalog", owner);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return (ObjectNode) response.json();
    }

    private TestResponse put(JsonNode catalog, Map<String, String> headers) {
        return server.http().send("PUT", "/v1/catalog", owner, catalog.toString(), headers);
    }

    private static ObjectNode find(JsonNode array, Predicate<JsonNode> which) {
        for (JsonNode item : array) {
            if (which.test(item)) {
                return (ObjectNode) item;
            }
        }
        throw new AssertionError("not found in " + array);
    }

    private static ObjectNode price(JsonNode catalog, String service, String country) {
        return find(catalog.path("prices"), p -> p.path("service").asText().equals(service)
                && p.path("country").asText().equals(country));
    }

    private static void removeWhere(JsonNode array, Predicate<JsonNode> which) {
        ArrayNode items = (ArrayNode) array;
        for (int i = items.size() - 1; i >= 0; i--) {
            if (which.test(items.get(i))) {
                items.remove(i);
            }
        }
    }

    @Test
    void theOwnerSeesTheWholeCatalogAtBasePrices() {
        ObjectNode catalog = catalog();
        assertThat(catalog.path("services")).hasSize(10);
        assertThat(catalog.path("services").get(0).toString()).isEqualTo("{\"code\":\"whatsapp\",\"name\":\"WhatsApp\"}");
        assertThat(catalog.path("countries")).hasSize(12);
        assertThat(find(catalog.path("countries"), c -> c.path("code").asText().equals("US")).path("name").asText())
                .isEqualTo("United States");
        assertThat(catalog.path("prices")).hasSize(120);
        assertThat(price(catalog, "whatsapp", "US").toString())
                .isEqualTo("{\"service\":\"whatsapp\",\"country\":\"US\",\"price_usd\":0.45,\"mobile_price_usd\":0.7}");
        assertThat(catalog.path("tiers").toString())
                .isEqualTo("[{\"name\":\"retail\",\"discount_percent\":0},{\"name\":\"reseller\",\"discount_percent\":20}]");
    }

    @Test
    void onlyTheOwnersAdminKeysMayReadOrEditIt() {
        Customer customer = Customers.open(server, "Carol", "reseller", "5", 60);
        String ownerBot = Customers.key(server, server.http().get("/v1/account", owner).json().path("id").asText(),
                "owner bot", "[\"rentals\"]", 60);
        String body = catalog().toString();
        for (String key : List.of(customer.adminKey(), customer.rentalsKey(), ownerBot)) {
            TestResponse read = server.http().get("/v1/catalog", key);
            assertThat(read.status()).as(read.toString()).isEqualTo(403);
            assertThat(read.code()).isEqualTo("forbidden");
            TestResponse write = server.http().send("PUT", "/v1/catalog", key, body, Map.of());
            assertThat(write.status()).as(write.toString()).isEqualTo(403);
            // Even a broken body is refused for who is asking first, before what is asked.
            assertThat(server.http().send("PUT", "/v1/catalog", key, "{\"services\": 1}", Map.of()).status()).isEqualTo(403);
        }
    }

    @Test
    void putReplacesTheWholeCatalogAtOnceAndIsIdempotent() {
        ObjectNode next = catalog();
        find(next.path("services"), s -> s.path("code").asText().equals("telegram")).put("name", "Telegram Messenger");
        ((ArrayNode) next.path("services")).insertObject(0).put("code", "signal").put("name", "Signal");
        price(next, "whatsapp", "US").put("price_usd", 0.5).put("mobile_price_usd", 0.8125);
        ((ArrayNode) next.path("prices")).addObject().put("service", "signal").put("country", "US")
                .put("price_usd", 0.33).put("mobile_price_usd", 0.5);
        removeWhere(next.path("countries"), c -> c.path("code").asText().equals("MX"));
        removeWhere(next.path("prices"), p -> p.path("country").asText().equals("MX"));
        ((ArrayNode) next.path("tiers")).addObject().put("name", "gold").put("discount_percent", 12.5);

        TestResponse stored = put(next, Map.of("Idempotency-Key", "catalog-1"));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        ObjectNode now = catalog();
        assertThat(stored.json()).isEqualTo(now);
        assertThat(now.path("services").get(0).path("code").asText()).isEqualTo("signal");
        assertThat(now.path("countries")).hasSize(11);
        assertThat(now.path("prices")).hasSize(111);
        assertThat(price(now, "whatsapp", "US").toString()).contains("\"price_usd\":0.5,\"mobile_price_usd\":0.8125");
        assertThat(now.path("tiers").toString()).contains("{\"name\":\"gold\",\"discount_percent\":12.5}");

        // A retry is the kept reply; the same key for another body is refused.
        TestResponse replay = put(next, Map.of("Idempotency-Key", "catalog-1"));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.text()).isEqualTo(stored.text());
        price(next, "whatsapp", "US").put("price_usd", 0.6);
        TestResponse reused = put(next, Map.of("Idempotency-Key", "catalog-1"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency_key_reused");
        assertThat(price(catalog(), "whatsapp", "US").path("price_usd").decimalValue()).isEqualByComparingTo("0.5");

        // The customers' view follows: order, names, a new service, a removed country, a new tier.
        JsonNode services = server.http().get("/v1/services", owner).json().path("data");
        assertThat(services.get(0).path("service").asText()).isEqualTo("signal");
        assertThat(services.get(0).path("countries")).hasSize(1);
        assertThat(find(services, s -> s.path("service").asText().equals("telegram")).path("name").asText())
                .isEqualTo("Telegram Messenger");
        assertThat(server.http().get("/v1/services?country=MX", owner).code()).isEqualTo("unknown_country");
        Customer gold = Customers.open(server, "Goldie", "gold", "5", 60);
        JsonNode signal = server.http().get("/v1/services?service=signal&country=US", gold.rentalsKey()).json();
        // 0.33 less 12.5 % is 0.28875, rounded half up to the 0.0001 quantum.
        assertThat(signal.path("data").get(0).path("countries").get(0).path("price_usd").decimalValue())
                .isEqualByComparingTo("0.2888");
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingChanges() {
        ObjectNode before = catalog();
        ObjectNode next = before.deepCopy();
        ((ObjectNode) next.path("services").get(0)).put("code", "WhatsApp");
        ((ObjectNode) next.path("services").get(1)).put("code", "whatsapp");
        ((ObjectNode) next.path("services").get(2)).remove("name");
        ((ObjectNode) next.path("countries").get(1)).put("code", "US");
        ((ObjectNode) next.path("prices").get(3)).put("price_usd", -1);
        ((ObjectNode) next.path("prices").get(4)).put("price_usd", "cheap");
        ((ObjectNode) next.path("prices").get(5)).put("mobile_price_usd", 0.12345);
        ((ObjectNode) next.path("prices").get(6)).put("price_usd", 20_000);
        ((ObjectNode) next.path("tiers").get(0)).put("discount_percent", 100.5);
        ((ObjectNode) next.path("tiers").get(1)).put("discount_percent", 12.345);
        ((ObjectNode) next.path("countries").get(2)).put("name", " ");
        ((ArrayNode) next.path("prices")).add("not an object");

        TestResponse parse = put(next, Map.of());
        assertThat(parse.status()).as(parse.toString()).isEqualTo(400);
        assertThat(parse.code()).isEqualTo("invalid_request");
        assertThat(pointers(parse)).containsExactlyInAnyOrder("#/services/2/name", "#/countries/2/name", "#/prices/3/price_usd",
                "#/prices/4/price_usd", "#/prices/5/mobile_price_usd", "#/tiers/0/discount_percent",
                "#/tiers/1/discount_percent", "#/prices/120");

        // Once the types are right, the catalog's own rules: formats, duplicates, references, ranges.
        next = before.deepCopy();
        ((ArrayNode) next.path("services")).addObject().put("code", "Bad Code").put("name", "Bad");
        ((ArrayNode) next.path("services")).addObject().put("code", "google").put("name", "Google again");
        ((ArrayNode) next.path("countries")).addObject().put("code", "usa").put("name", "America");
        ((ArrayNode) next.path("countries")).addObject().put("code", "DE").put("name", "Germany again");
        ((ObjectNode) next.path("prices").get(6)).put("price_usd", 20_000);
        ((ArrayNode) next.path("prices")).addObject().put("service", "myspace").put("country", "US")
                .put("price_usd", 1).put("mobile_price_usd", 1);
        ((ArrayNode) next.path("prices")).addObject().put("service", "whatsapp").put("country", "ZZ")
                .put("price_usd", 1).put("mobile_price_usd", 1);
        ((ArrayNode) next.path("prices")).addObject().put("service", "whatsapp").put("country", "US")
                .put("price_usd", 1).put("mobile_price_usd", 1);
        ((ObjectNode) next.path("tiers").get(1)).put("name", "retail");
        TestResponse rules = put(next, Map.of());
        assertThat(rules.status()).as(rules.toString()).isEqualTo(400);
        assertThat(pointers(rules)).containsExactlyInAnyOrder("#/services/10/code", "#/services/11/code",
                "#/countries/12/code", "#/countries/13/code", "#/prices/6/price_usd", "#/prices/120/service",
                "#/prices/121/country", "#/prices/122/service", "#/tiers/1/name");
        assertThat(rules.json().path("detail").asText()).contains("fields are invalid");

        for (String broken : List.of("{}", "{\"services\": 1, \"countries\": [], \"prices\": {}, \"tiers\": null}", "[]")) {
            TestResponse refused = server.http().send("PUT", "/v1/catalog", owner, broken, Map.of());
            assertThat(refused.status()).as(broken).isEqualTo(400);
        }
        TestResponse empty = server.http().send("PUT", "/v1/catalog", owner,
                "{\"services\": [], \"countries\": [], \"prices\": [], \"tiers\": []}", Map.of());
        assertThat(pointers(empty)).containsExactly("#/services", "#/countries", "#/tiers");
        assertThat(catalog()).isEqualTo(before);
    }

    @Test
    void removingWhatIsInUseIsAConflictAndRemovingItsPricesStopsNewRentals() {
        Customer customer = Customers.open(server, "Dave", "reseller", "10", 60);
        String rental = Customers.rent(server, customer.rentalsKey(), "whatsapp", "US");
        ObjectNode before = catalog();

        ObjectNode withoutService = before.deepCopy();
        removeWhere(withoutService.path("services"), s -> s.path("code").asText().equals("whatsapp"));
        removeWhere(withoutService.path("prices"), p -> p.path("service").asText().equals("whatsapp"));
        removeWhere(withoutService.path("countries"), c -> c.path("code").asText().equals("US"));
        removeWhere(withoutService.path("prices"), p -> p.path("country").asText().equals("US"));
        removeWhere(withoutService.path("tiers"), t -> t.path("name").asText().equals("reseller"));
        TestResponse conflict = put(withoutService, Map.of());
        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("conflict");
        assertThat(conflict.json().path("conflicts").toString()).isEqualTo("[{\"kind\":\"service\",\"code\":\"whatsapp\","
                + "\"open_rentals\":1},{\"kind\":\"country\",\"code\":\"US\",\"open_rentals\":1},"
                + "{\"kind\":\"tier\",\"code\":\"reseller\",\"accounts\":1}]");
        assertThat(conflict.json().path("detail").asText()).contains("whatsapp", "US", "reseller", "remove its prices");
        assertThat(catalog()).isEqualTo(before);

        // Removing the price alone is safe: no new rental, the open one goes on and is refunded in full.
        ObjectNode withoutPrice = before.deepCopy();
        removeWhere(withoutPrice.path("prices"), p -> p.path("service").asText().equals("whatsapp")
                && p.path("country").asText().equals("US"));
        assertThat(put(withoutPrice, Map.of()).status()).isEqualTo(200);
        TestResponse refused = server.http().post("/v1/rentals", customer.rentalsKey(), "{\"service\":\"whatsapp\",\"country\":\"US\"}");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("unknown_country");
        TestResponse cancelled = server.http().post("/v1/rentals/" + rental + "/cancel", customer.rentalsKey(), "");
        assertThat(cancelled.json().path("refunded_usd").decimalValue()).isEqualByComparingTo("0.36");

        // Once no rental is open, the service can go.
        ObjectNode later = catalog();
        removeWhere(later.path("services"), s -> s.path("code").asText().equals("whatsapp"));
        removeWhere(later.path("prices"), p -> p.path("service").asText().equals("whatsapp"));
        assertThat(put(later, Map.of()).status()).isEqualTo(200);
        assertThat(server.http().get("/v1/services?service=whatsapp", owner).code()).isEqualTo("unknown_service");
        assertThat(new BigDecimal(server.http().get("/v1/account", customer.adminKey()).json().path("balance_usd").asText()))
                .isEqualByComparingTo("10");
    }

    private static List<String> pointers(TestResponse response) {
        List<String> pointers = new ArrayList<>();
        response.json().path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
        return pointers;
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
