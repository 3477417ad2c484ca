package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code /v1/openapi.json} in step with the code: the routes the running server registers are
 * exactly the documented operations, every error code is documented, and real responses have the
 * shape the document promises.
 */
class OpenApiContractTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    @TempDir
    static Path dir;

    private static TestServer server;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
        TestResponse response = server.http().get("/v1/openapi.json", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElse("")).startsWith("application/json");
        document = response.json();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void isOpenApi31() {
        assertThat(document.path("openapi").asText()).startsWith("3.1");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
    }

    @Test
    void documentsExactlyTheRoutesTheServerRegisters() {
        Set<String> registered = server.runtime().api().javalin().unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> operation(endpoint.method.name(), endpoint.path))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (HTTP_METHODS.contains(method)) {
                documented.add(operation(method, path.getKey()));
            }
        }));

        assertThat(registered).as("sanity: the router lists the routes").contains("GET /v1/rentals/{}");
        Set<String> undocumented = minus(registered, documented);
        Set<String> unregistered = minus(documented, registered);
        assertThat(undocumented.isEmpty() && unregistered.isEmpty())
                .as("routes the server registers but openapi.json does not document: %s; "
                        + "operations openapi.json documents but the server does not register: %s", undocumented, unregistered)
                .isTrue();
    }

    @Test
    void problemCodesAreExactlyTheErrorCodes() {
        Set<String> documented = new TreeSet<>();
        schema("Problem").path("properties").path("code").path("enum").forEach(code -> documented.add(code.asText()));
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.toCollection(TreeSet::new));

        Set<String> missing = minus(codes, documented);
        Set<String> unknown = minus(documented, codes);
        assertThat(missing.isEmpty() && unknown.isEmpty())
                .as("ErrorCode values missing from the Problem schema's code enum: %s; "
                        + "codes in that enum that ErrorCode does not have: %s", missing, unknown)
                .isTrue();
    }

    @Test
    void everyOperationHasADescriptionASuccessAndProblemCodesOfItsStatus() {
        List<String> faults = new ArrayList<>();
        eachOperation((name, operation) -> {
            if (operation.path("description").asText().isBlank()) {
                faults.add(name + ": no description");
            }
            List<String> statuses = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(statuses::add);
            if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
                faults.add(name + ": no 2xx response");
            }
            operation.path("responses").properties().forEach(response -> {
                JsonNode resolved = resolve(response.getValue());
                if (resolved.path("description").asText().isBlank()) {
                    faults.add(name + " " + response.getKey() + ": no description");
                }
                resolved.path("x-problem-codes").forEach(code -> faults.addAll(
                        codeFaults(name + " " + response.getKey(), response.getKey(), code.asText())));
            });
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void realResponsesHaveTheDocumentedShape() {
        String key = server.ownerKey();
        var http = server.http();

        TestResponse rental = http.post("/v1/rentals", key, "{\"service\":\"whatsapp\",\"country\":\"US\"}");
        assertConforms(rental, 201, "Rental");
        String phone = rental.json().path("phone_number").asText();
        TestResponse sms = server.sms(phone, "WhatsApp", "Your WhatsApp code: 482-913");
        assertConforms(sms, 202, "InboundResult");
        TestResponse received = http.get("/v1/rentals/" + rental.json().path("id").asText(), key);
        assertConforms(received, 200, "Rental");
        assertThat(received.json().path("messages")).hasSize(1);

        assertListOf(http.get("/v1/rentals?limit=1", key), "RentalList");
        assertListOf(http.get("/v1/services?country=US", key), "ServiceOfferList");
        assertConforms(http.get("/v1/account", key), 200, "Account");
        assertConforms(http.get("/v1/stats?window=7d", key), 200, "Stats");

        TestResponse created = http.post("/v1/keys", key, "{\"name\":\"contract\",\"scopes\":[\"rentals\"]}");
        assertConforms(created, 201, "ApiKeyCreated");
        assertListOf(http.get("/v1/keys", key), "ApiKeyList");
        assertListOf(http.get("/v1/ledger", key), "LedgerEntryList");
        http.post("/v1/accounts", key, "{\"name\":\"Customer\"}");
        assertListOf(http.get("/v1/accounts", key), "AccountList");
        assertConforms(http.get("/healthz", null), 200, "Health");

        TestResponse refused = http.post("/v1/rentals", key, "{\"service\":\"whatsapp\",\"country\":\"US\",\"max_price_usd\":0.01}");
        assertConforms(refused, 422, "Problem");
        assertThat(refused.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertConforms(http.post("/v1/rentals", key, "{\"service\":5}"), 400, "Problem");
    }

    @Test
    void sourceResponsesHaveTheDocumentedShape() {
        String key = server.ownerKey();
        var http = server.http();
        TestResponse source = http.post("/v1/sources", key,
                "{\"type\":\"android-gateway\",\"name\":\"Phones\",\"settings\":{\"signing_key\":\"k\"}}");
        assertConforms(source, 201, "Source");
        assertListOf(http.get("/v1/sources", key), "SourceList");
        TestResponse number = http.post("/v1/numbers", key, "{\"phone_number\":\"+14155550177\",\"country\":\"US\","
                + "\"source_id\":\"" + source.json().path("id").asText() + "\",\"device_id\":\"d1\",\"sim_number\":1}");
        assertConforms(number, 201, "PoolNumber");
        assertListOf(http.get("/v1/numbers?limit=2", key), "PoolNumberList");
        server.sms("+14155550199", "Someone", "Hello");
        assertListOf(http.get("/v1/messages?unmatched=true", key), "InboundRecordList");
        String body = "{\"id\":\"e1\",\"event\":\"system:ping\",\"payload\":{}}";
        String timestamp = Long.toString(server.clock().instant().getEpochSecond());
        TestResponse ping = http.post("/v1/inbound/android-gateway/" + source.json().path("id").asText(), null, body,
                Map.of("X-Timestamp", timestamp, "X-Signature", hmacHex("k", body + timestamp)));
        assertConforms(ping, 200, "SourceDeliveryResult");
    }

    private static String hmacHex(String key, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theShapeCheckCatchesAMissingField() {
        JsonNode rental = server.http().post("/v1/rentals", server.ownerKey(),
                "{\"service\":\"telegram\",\"country\":\"GB\"}").json();
        ((ObjectNode) rental).remove("expires_at");
        List<String> faults = new ArrayList<>();
        conforms(rental, schema("Rental"), "$", faults);
        assertThat(faults).containsExactly("$: missing required 'expires_at'");
    }

    // ---------------------------------------------------------------------------------------------

    /** {@code GET /v1/rentals/{}}: path parameters look the same whatever their name or syntax. */
    private static String operation(String method, String path) {
        return method.toUpperCase() + " " + path.replaceAll("\\{[^}]*}|<[^>]*>", "{}");
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> left = new TreeSet<>(a);
        left.removeAll(b);
        return left;
    }

    private static void eachOperation(BiConsumer<String, JsonNode> action) {
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (HTTP_METHODS.contains(method.getKey())) {
                action.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
    }

    private static List<String> codeFaults(String where, String status, String code) {
        ErrorCode errorCode = Arrays.stream(ErrorCode.values()).filter(c -> c.code().equals(code)).findFirst().orElse(null);
        if (errorCode == null) {
            return List.of(where + ": '" + code + "' is no ErrorCode");
        }
        String actual = Integer.toString(errorCode.status());
        boolean matches = status.endsWith("XX") ? actual.charAt(0) == status.charAt(0) : actual.equals(status);
        return matches ? List.of() : List.of(where + ": '" + code + "' is sent with status " + actual);
    }

    private static JsonNode schema(String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        assertThat(schema.isMissingNode()).as("schema " + name).isFalse();
        return schema;
    }

    /** Follows a local {@code $ref} such as {@code #/components/responses/NotFound}. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.path("$ref").asText();
            assertThat(ref).startsWith("#/");
            current = document.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("reference " + ref).isFalse();
        }
        return current;
    }

    private static void assertConforms(TestResponse response, int status, String schemaName) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        List<String> faults = new ArrayList<>();
        conforms(response.json(), schema(schemaName), "$", faults);
        assertThat(faults).as(schemaName + " of " + response).isEmpty();
    }

    /** A list with at least one item, so that the items' schema is checked too. */
    private static void assertListOf(TestResponse response, String listSchema) {
        assertConforms(response, 200, listSchema);
        assertThat(response.json().path("data")).as(response.toString()).isNotEmpty();
    }

    /**
     * A small structural check, enough for our own document: {@code $ref}, {@code allOf}, {@code oneOf}
     * (as "any of"), {@code type}, {@code enum}, {@code required}, {@code properties} and {@code items}.
     */
    private static void conforms(JsonNode value, JsonNode schemaNode, String at, List<String> faults) {
        JsonNode schema = resolve(schemaNode);
        schema.path("allOf").forEach(part -> conforms(value, part, at, faults));
        if (schema.has("oneOf")) {
            boolean any = false;
            for (JsonNode option : schema.path("oneOf")) {
                List<String> optionFaults = new ArrayList<>();
                conforms(value, option, at, optionFaults);
                any |= optionFaults.isEmpty();
            }
            if (!any) {
                faults.add(at + ": matches none of oneOf");
            }
        }
        if (schema.has("type") && !typeMatches(value, schema.path("type"))) {
            faults.add(at + ": " + value.getNodeType() + " is not " + schema.path("type"));
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.path("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                faults.add(at + ": " + value + " is not one of " + schema.path("enum"));
            }
        }
        if (value.isObject()) {
            schema.path("required").forEach(name -> {
                if (!value.has(name.asText())) {
                    faults.add(at + ": missing required '" + name.asText() + "'");
                }
            });
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                if (value.has(property.getKey())) {
                    conforms(value.get(property.getKey()), property.getValue(), at + "." + property.getKey(), faults);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                conforms(value.get(i), schema.path("items"), at + "[" + i + "]", faults);
            }
        }
    }

    private static boolean typeMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(value, one)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
