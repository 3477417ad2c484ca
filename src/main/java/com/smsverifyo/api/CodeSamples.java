package com.smsverifyo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Copy-paste examples of every operation of the OpenAPI document, in curl, Node, Python, PHP and Go,
 * made from the operation itself: its method and path, its parameters, its request body's schema
 * (examples, defaults and enums, else {@link #VALUES}) and what its success answers. Every example
 * reads the server from {@code SMSVERIFYO_URL} and the key from {@code SMSVERIFYO_KEY}, sends an
 * {@code Idempotency-Key} where the operation takes one, and stops with the problem's code and
 * detail on an error.
 */
final class CodeSamples {
    /** One example of one operation ({@code x-codeSamples} item, Redoc's shape). */
    record Sample(String lang, String label, String source) {
    }

    /** What a success answers, which decides how an example reads it. */
    private enum Answer { JSON, TEXT, STREAM, NONE }

    /** A request ready to be written in any language: the path has example ids in it. */
    private record Call(String method, String path, Map<String, String> query, boolean auth, boolean idempotent,
                        JsonNode body, Answer answer) {
        boolean hasQuery() {
            return !query.isEmpty();
        }
    }

    /** Stands for the API key in a query value (the SMS-Activate protocol's {@code api_key}). */
    private static final String KEY = "\u0000key";
    private static final String IDEMPOTENCY_KEY = "order-4711";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String ID_SUFFIX = "01KB2Y8S1T4M9Q3F6R0ZX7C5VN";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Id prefixes of path parameters, by the collection the parameter follows. */
    private static final Map<String, String> ID_PREFIXES = Map.of("rentals", "rnt_", "keys", "key_",
            "accounts", "acc_", "webhooks", "whk_", "deliveries", "msg_", "messages", "sms_");

    /**
     * Example values for fields whose schema gives none, by {@code parent.field} or {@code field}; an
     * optional body field is shown only when it has an example here or in the schema.
     */
    private static final Map<String, JsonNode> VALUES = values();

    private CodeSamples() {
    }

    /**
     * The document with {@code x-codeSamples} on every operation; with {@code inDescriptions} the
     * examples are also appended to each operation's description as fenced code blocks (for renderers,
     * such as Swagger UI, that do not show {@code x-codeSamples}).
     */
    static ObjectNode addTo(JsonNode document, boolean inDescriptions) {
        ObjectNode copy = document.deepCopy();
        copy.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (!METHODS.contains(entry.getKey()) || !(entry.getValue() instanceof ObjectNode operation)) {
                return;
            }
            List<Sample> samples = forOperation(copy, entry.getKey(), path.getKey(), operation);
            ArrayNode array = operation.putArray("x-codeSamples");
            samples.forEach(sample -> array.addObject().put("lang", sample.lang()).put("label", sample.label())
                    .put("source", sample.source()));
            if (inDescriptions) {
                StringBuilder text = new StringBuilder(operation.path("description").asText(""));
                text.append("\n\n#### Examples\n");
                for (Sample sample : samples) {
                    text.append("\n**").append(sample.label()).append("**\n\n```").append(fence(sample.lang()))
                            .append('\n').append(sample.source()).append("```\n");
                }
                operation.put("description", text.toString());
            }
        }));
        return copy;
    }

    /** The examples of one operation, in curl, Node, Python, PHP and Go. */
    static List<Sample> forOperation(JsonNode document, String method, String path, JsonNode operation) {
        Call call = call(document, method, path, operation);
        return List.of(new Sample("Shell", "curl", curl(call)), new Sample("JavaScript", "Node", node(call)),
                new Sample("Python", "Python", python(call)), new Sample("PHP", "PHP", php(call)),
                new Sample("Go", "Go", go(call)));
    }

    // ---- the request, from the document ---------------------------------------------------------

    private static Call call(JsonNode document, String method, String path, JsonNode operation) {
        String concrete = path;
        Map<String, String> query = new LinkedHashMap<>();
        boolean idempotent = false;
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(document, parameter);
            String name = resolved.path("name").asText();
            switch (resolved.path("in").asText()) {
                case "path" -> concrete = concrete.replace("{" + name + "}", pathValue(path, name));
                case "header" -> idempotent |= name.equalsIgnoreCase("Idempotency-Key");
                case "query" -> {
                    if (name.equals("api_key")) {
                        query.put(name, KEY);
                    } else if (resolved.path("required").asBoolean()) {
                        query.put(name, example(document, resolved.path("schema"), name, null).asText());
                    }
                }
                default -> {
                }
            }
        }
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        JsonNode body = schema.isMissingNode() ? null : example(document, schema, null, null);
        boolean auth = !operation.has("security") || !operation.path("security").isEmpty();
        return new Call(method.toUpperCase(), concrete, query, auth, idempotent, body, answer(document, operation));
    }

    /** How the first success answers, by its first media type. */
    private static Answer answer(JsonNode document, JsonNode operation) {
        Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").properties().iterator();
        while (responses.hasNext()) {
            Map.Entry<String, JsonNode> response = responses.next();
            if (response.getKey().startsWith("2")) {
                Iterator<String> types = resolve(document, response.getValue()).path("content").fieldNames();
                if (!types.hasNext()) {
                    return Answer.NONE;
                }
                return switch (types.next()) {
                    case "application/json" -> Answer.JSON;
                    case "text/event-stream" -> Answer.STREAM;
                    default -> Answer.TEXT;
                };
            }
        }
        return Answer.TEXT;
    }

    /** An example id for a path parameter: {@code rnt_…} after {@code /rentals/}, and so on. */
    private static String pathValue(String path, String name) {
        String before = path.substring(0, path.indexOf("{" + name + "}"));
        String[] segments = before.split("/");
        String collection = segments.length == 0 ? "" : segments[segments.length - 1];
        return ID_PREFIXES.getOrDefault(collection, "") + ID_SUFFIX;
    }

    /** An example value of a schema: its own example, default or first enum value, else made up. */
    private static JsonNode example(JsonNode document, JsonNode schemaNode, String name, String parent) {
        if (name != null && parent != null && VALUES.containsKey(parent + "." + name)) {
            return VALUES.get(parent + "." + name);
        }
        if (name != null && VALUES.containsKey(name)) {
            return VALUES.get(name);
        }
        JsonNode schema = merged(document, schemaNode);
        for (String field : List.of("examples", "example", "default", "enum")) {
            JsonNode value = schema.path(field);
            if (!value.isMissingNode()) {
                return value.isArray() && !field.equals("example") && !field.equals("default") ? value.path(0) : value;
            }
        }
        String type = schema.path("type").isArray() ? schema.path("type").path(0).asText() : schema.path("type").asText();
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                Set<String> required = new java.util.HashSet<>();
                schema.path("required").forEach(field -> required.add(field.asText()));
                schema.path("properties").properties().forEach(property -> {
                    String field = property.getKey();
                    if (required.contains(field) || VALUES.containsKey(name + "." + field) || VALUES.containsKey(field)
                            || hasExample(document, property.getValue())) {
                        object.set(field, example(document, property.getValue(), field, name));
                    }
                });
                yield object;
            }
            case "array" -> JSON.arrayNode().add(example(document, schema.path("items"), name, parent));
            case "integer" -> JSON.numberNode(schema.path("minimum").asInt(1));
            case "number" -> JSON.numberNode(schema.path("minimum").asInt(1));
            case "boolean" -> JSON.booleanNode(true);
            default -> JSON.textNode(name == null ? "example" : name.replace('_', ' '));
        };
    }

    private static boolean hasExample(JsonNode document, JsonNode schema) {
        JsonNode merged = merged(document, schema);
        return merged.has("examples") || merged.has("example");
    }

    /** A schema with its {@code $ref} followed; the referring schema's own keywords win. */
    private static JsonNode merged(JsonNode document, JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        ObjectNode merged = resolve(document, schema).deepCopy();
        schema.properties().forEach(field -> {
            if (!field.getKey().equals("$ref")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = document.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    // ---- the languages --------------------------------------------------------------------------

    private static String curl(Call call) {
        StringBuilder out = new StringBuilder("curl -sS");
        if (!call.method().equals("GET")) {
            out.append(" -X ").append(call.method());
        }
        if (call.answer() == Answer.STREAM) {
            out.append(" -N");
        }
        out.append(" \"$SMSVERIFYO_URL").append(call.path()).append(queryString(call, "$SMSVERIFYO_KEY")).append('"');
        List<String> headers = headers(call, "Bearer $SMSVERIFYO_KEY");
        for (String header : headers) {
            out.append(" \\\n  -H \"").append(header).append('"');
        }
        if (call.body() != null) {
            out.append(" \\\n  -d '").append(call.body().toString().replace("'", "'\\''")).append('\'');
        }
        out.append("\n# An error answers application/problem+json: {\"code\": \"…\", \"detail\": \"…\", …}\n");
        return out.toString();
    }

    private static String node(Call call) {
        StringBuilder out = new StringBuilder("// Node 18+ (built-in fetch), as an ES module: save as example.mjs\n");
        out.append("const res = await fetch(`${process.env.SMSVERIFYO_URL}").append(call.path())
                .append(queryString(call, "${encodeURIComponent(process.env.SMSVERIFYO_KEY)}")).append("`, {\n");
        out.append("  method: \"").append(call.method()).append("\",\n");
        List<String> headers = headers(call, "Bearer ${process.env.SMSVERIFYO_KEY}");
        if (!headers.isEmpty()) {
            out.append("  headers: {\n");
            for (String header : headers) {
                int colon = header.indexOf(':');
                String value = header.substring(colon + 2);
                String quoted = value.contains("${") ? "`" + value + "`" : "\"" + value + "\"";
                out.append("    \"").append(header, 0, colon).append("\": ").append(quoted).append(",\n");
            }
            out.append("  },\n");
        }
        if (call.body() != null) {
            out.append("  body: JSON.stringify(").append(Literal.JS.render(call.body(), 2)).append("),\n");
        }
        out.append("});\n");
        out.append("if (!res.ok) {\n");
        out.append("  const problem = await res.json();\n");
        out.append("  throw new Error(`${res.status} ${problem.code}: ${problem.detail}`);\n");
        out.append("}\n");
        out.append(switch (call.answer()) {
            case JSON -> "console.log(await res.json());\n";
            case STREAM -> "for await (const chunk of res.body) process.stdout.write(chunk); // one event a block\n";
            case TEXT -> "console.log(await res.text());\n";
            case NONE -> "console.log(res.status);\n";
        });
        return out.toString();
    }

    private static String python(Call call) {
        StringBuilder out = new StringBuilder("import json\nimport os\nimport urllib.error\nimport urllib.parse\n"
                + "import urllib.request\n\n");
        out.append("request = urllib.request.Request(\n");
        out.append("    os.environ[\"SMSVERIFYO_URL\"] + \"").append(call.path());
        if (call.hasQuery()) {
            out.append("?\" + urllib.parse.urlencode(").append(queryDict(call)).append(")");
        } else {
            out.append('"');
        }
        out.append(",\n    method=\"").append(call.method()).append("\",\n");
        List<String> headers = headers(call, "Bearer \u0001");
        if (!headers.isEmpty()) {
            out.append("    headers={\n");
        }
        for (String header : headers) {
            int colon = header.indexOf(':');
            String value = header.substring(colon + 2);
            String expression = value.contains("\u0001")
                    ? "\"" + value.replace("\u0001", "\" + os.environ[\"SMSVERIFYO_KEY\"]")
                    : "\"" + value + "\"";
            out.append("        \"").append(header, 0, colon).append("\": ").append(expression).append(",\n");
        }
        if (!headers.isEmpty()) {
            out.append("    },\n");
        }
        if (call.body() != null) {
            out.append("    data=json.dumps(").append(Literal.PYTHON.render(call.body(), 4)).append(").encode(),\n");
        } else if (!call.method().equals("GET") && !call.method().equals("DELETE")) {
            out.append("    data=b\"\",\n");
        }
        out.append(")\n");
        out.append("try:\n");
        out.append("    with urllib.request.urlopen(request) as response:\n");
        out.append(switch (call.answer()) {
            case JSON -> "        print(json.load(response))\n";
            case STREAM -> "        for line in response:  # one event a block, a blank line between\n"
                    + "            print(line.decode().rstrip())\n";
            case TEXT -> "        print(response.read().decode())\n";
            case NONE -> "        print(response.status)\n";
        });
        out.append("except urllib.error.HTTPError as error:\n");
        out.append("    problem = json.load(error)\n");
        out.append("    raise SystemExit(f\"{error.code} {problem['code']}: {problem['detail']}\")\n");
        return out.toString();
    }

    private static String php(Call call) {
        StringBuilder out = new StringBuilder("<?php\n");
        out.append("$ch = curl_init(getenv('SMSVERIFYO_URL') . '").append(call.path());
        if (call.hasQuery()) {
            out.append("?' . http_build_query(").append(queryArray(call)).append("));\n");
        } else {
            out.append("');\n");
        }
        out.append("curl_setopt_array($ch, [\n");
        out.append("    CURLOPT_CUSTOMREQUEST => '").append(call.method()).append("',\n");
        out.append("    CURLOPT_RETURNTRANSFER => true,\n");
        List<String> headers = headers(call, "Bearer \u0001");
        if (!headers.isEmpty()) {
            out.append("    CURLOPT_HTTPHEADER => [\n");
        }
        for (String header : headers) {
            String expression = header.contains("\u0001")
                    ? "'" + header.replace("\u0001", "' . getenv('SMSVERIFYO_KEY')")
                    : "'" + header + "'";
            out.append("        ").append(expression).append(",\n");
        }
        if (!headers.isEmpty()) {
            out.append("    ],\n");
        }
        if (call.body() != null) {
            out.append("    CURLOPT_POSTFIELDS => json_encode(").append(Literal.PHP.render(call.body(), 4)).append("),\n");
        }
        out.append("]);\n");
        out.append("$body = curl_exec($ch);\n");
        out.append("if ($body === false) {\n    exit('Could not reach the server: ' . curl_error($ch) . \"\\n\");\n}\n");
        out.append("$status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);\n");
        out.append("if ($status >= 400) {\n");
        out.append("    $problem = json_decode($body, true);\n");
        out.append("    fwrite(STDERR, \"$status {$problem['code']}: {$problem['detail']}\\n\");\n");
        out.append("    exit(1);\n");
        out.append("}\n");
        out.append(call.answer() == Answer.JSON ? "print_r(json_decode($body, true));\n" : "echo $body;\n");
        return out.toString();
    }

    private static String go(Call call) {
        boolean body = call.body() != null;
        StringBuilder out = new StringBuilder("package main\n\nimport (\n");
        List<String> imports = new ArrayList<>(List.of("encoding/json", "fmt", "io", "net/http"));
        if (call.hasQuery()) {
            imports.add("net/url");
        }
        imports.add("os");
        if (body) {
            imports.add("strings");
        }
        imports.forEach(name -> out.append("\t\"").append(name).append("\"\n"));
        out.append(")\n\nfunc main() {\n");
        String target = "os.Getenv(\"SMSVERIFYO_URL\")+\"" + call.path() + "\"";
        if (call.hasQuery()) {
            out.append("\tquery := url.Values{}\n");
            call.query().forEach((name, value) -> out.append("\tquery.Set(\"").append(name).append("\", ")
                    .append(value.equals(KEY) ? "os.Getenv(\"SMSVERIFYO_KEY\")" : goString(value)).append(")\n"));
            target += "+\"?\"+query.Encode()";
        }
        if (body) {
            String json = call.body().toString();
            out.append("\tbody := strings.NewReader(").append(json.contains("`") ? goString(json) : "`" + json + "`")
                    .append(")\n");
        }
        out.append("\treq, err := http.NewRequest(\"").append(call.method()).append("\", ").append(target).append(", ")
                .append(body ? "body" : "nil").append(")\n");
        out.append("\tif err != nil {\n\t\tpanic(err)\n\t}\n");
        for (String header : headers(call, "Bearer \u0001")) {
            int colon = header.indexOf(':');
            String value = header.substring(colon + 2);
            String expression = value.contains("\u0001")
                    ? "\"" + value.replace("\u0001", "\"+os.Getenv(\"SMSVERIFYO_KEY\")")
                    : "\"" + value + "\"";
            out.append("\treq.Header.Set(\"").append(header, 0, colon).append("\", ").append(expression).append(")\n");
        }
        out.append("\tres, err := http.DefaultClient.Do(req)\n");
        out.append("\tif err != nil {\n\t\tpanic(err)\n\t}\n");
        out.append("\tdefer res.Body.Close()\n");
        out.append("\tif res.StatusCode >= 400 {\n");
        out.append("\t\tvar problem struct{ Code, Detail string }\n");
        out.append("\t\tjson.NewDecoder(res.Body).Decode(&problem)\n");
        out.append("\t\tfmt.Fprintf(os.Stderr, \"%d %s: %s\\n\", res.StatusCode, problem.Code, problem.Detail)\n");
        out.append("\t\tos.Exit(1)\n");
        out.append("\t}\n");
        out.append("\tio.Copy(os.Stdout, res.Body)").append(call.answer() == Answer.STREAM ? " // one event a block" : "")
                .append('\n');
        out.append("}\n");
        return out.toString();
    }

    // ---- shared pieces --------------------------------------------------------------------------

    /** {@code Name: value} lines; {@code bearer} is the Authorization value in the language's syntax. */
    private static List<String> headers(Call call, String bearer) {
        List<String> headers = new ArrayList<>();
        if (call.auth()) {
            headers.add("Authorization: " + bearer);
        }
        if (call.idempotent()) {
            headers.add("Idempotency-Key: " + IDEMPOTENCY_KEY);
        }
        if (call.body() != null) {
            headers.add("Content-Type: application/json");
        }
        if (call.answer() == Answer.STREAM) {
            headers.add("Accept: text/event-stream");
        }
        return headers;
    }

    private static String queryString(Call call, String key) {
        if (!call.hasQuery()) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        call.query().forEach((name, value) -> out.append(out.length() > 1 ? "&" : "").append(name).append('=')
                .append(value.equals(KEY) ? key : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static String queryDict(Call call) {
        List<String> pairs = new ArrayList<>();
        call.query().forEach((name, value) -> pairs.add("\"" + name + "\": "
                + (value.equals(KEY) ? "os.environ[\"SMSVERIFYO_KEY\"]" : Literal.PYTHON.string(value))));
        return "{" + String.join(", ", pairs) + "}";
    }

    private static String queryArray(Call call) {
        List<String> pairs = new ArrayList<>();
        call.query().forEach((name, value) -> pairs.add("'" + name + "' => "
                + (value.equals(KEY) ? "getenv('SMSVERIFYO_KEY')" : Literal.PHP.string(value))));
        return "[" + String.join(", ", pairs) + "]";
    }

    private static String goString(String value) {
        return JSON.textNode(value).toString();
    }

    private static String fence(String lang) {
        return switch (lang) {
            case "Shell" -> "bash";
            case "JavaScript" -> "javascript";
            default -> lang.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** JSON values written as literals of a language, on one line when short. */
    private enum Literal {
        JS(2, "{", "}", ": ", "[", "]", "true", "false", "null", s -> JSON.textNode(s).toString()),
        PYTHON(4, "{", "}", ": ", "[", "]", "True", "False", "None", s -> JSON.textNode(s).toString()),
        PHP(4, "[", "]", " => ", "[", "]", "true", "false", "null",
                s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'");

        private static final int WIDTH = 72;
        private final int step;
        private final String objectOpen;
        private final String objectClose;
        private final String pair;
        private final String arrayOpen;
        private final String arrayClose;
        private final String yes;
        private final String no;
        private final String nothing;
        private final Function<String, String> quote;

        Literal(int step, String objectOpen, String objectClose, String pair, String arrayOpen, String arrayClose, String yes,
                String no, String nothing, Function<String, String> quote) {
            this.step = step;
            this.objectOpen = objectOpen;
            this.objectClose = objectClose;
            this.pair = pair;
            this.arrayOpen = arrayOpen;
            this.arrayClose = arrayClose;
            this.yes = yes;
            this.no = no;
            this.nothing = nothing;
            this.quote = quote;
        }

        String string(String value) {
            return quote.apply(value);
        }

        /** The value; {@code indent} is the column the value's line starts at. */
        String render(JsonNode value, int indent) {
            String inline = inline(value);
            if (inline.length() + indent <= WIDTH || !value.isContainerNode() || value.isEmpty()) {
                return inline;
            }
            String pad = " ".repeat(indent + step);
            StringBuilder out = new StringBuilder(value.isObject() ? objectOpen : arrayOpen).append('\n');
            if (value.isObject()) {
                value.properties().forEach(field -> out.append(pad).append(quote.apply(field.getKey())).append(pair)
                        .append(render(field.getValue(), indent + step)).append(",\n"));
            } else {
                value.forEach(item -> out.append(pad).append(render(item, indent + step)).append(",\n"));
            }
            return out.append(" ".repeat(indent)).append(value.isObject() ? objectClose : arrayClose).toString();
        }

        private String inline(JsonNode value) {
            if (value.isObject()) {
                List<String> fields = new ArrayList<>();
                value.properties().forEach(field -> fields.add(quote.apply(field.getKey()) + pair + inline(field.getValue())));
                return objectOpen + String.join(", ", fields) + objectClose;
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(inline(item)));
                return arrayOpen + String.join(", ", items) + arrayClose;
            }
            if (value.isTextual()) {
                return quote.apply(value.asText());
            }
            if (value.isBoolean()) {
                return value.asBoolean() ? yes : no;
            }
            return value.isNull() ? nothing : value.toString();
        }
    }

    private static Map<String, JsonNode> values() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("max_price_usd", JSON.numberNode(new java.math.BigDecimal("0.80")));
        values.put("alert_threshold_usd", JSON.numberNode(10));
        values.put("amount_usd", JSON.numberNode(25));
        values.put("daily_spend_cap_usd", JSON.numberNode(50));
        values.put("name", JSON.textNode("Checkout bot"));
        values.put("note", JSON.textNode("Top-up, invoice 2026-118"));
        values.put("reason", JSON.textNode("The customer was charged for a code the service refused"));
        values.put("url", JSON.textNode("https://example.com/hooks/sms"));
        values.put("events", JSON.arrayNode().add("rental.code_received"));
        values.put("scopes", JSON.arrayNode().add("rentals"));
        values.put("code", JSON.textNode("482913"));
        values.put("action", JSON.textNode("getBalance"));
        values.put("services.code", JSON.textNode("whatsapp"));
        values.put("services.name", JSON.textNode("WhatsApp"));
        values.put("countries.code", JSON.textNode("US"));
        values.put("countries.name", JSON.textNode("United States"));
        values.put("prices.service", JSON.textNode("whatsapp"));
        values.put("prices.country", JSON.textNode("US"));
        values.put("prices.price_usd", JSON.numberNode(new java.math.BigDecimal("0.45")));
        values.put("prices.mobile_price_usd", JSON.numberNode(new java.math.BigDecimal("0.70")));
        values.put("tiers.name", JSON.textNode("retail"));
        values.put("tiers.discount_percent", JSON.numberNode(0));
        return Map.copyOf(values);
    }
}
