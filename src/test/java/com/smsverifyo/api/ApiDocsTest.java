package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.Json;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /docs}: the reference with examples, Swagger UI from its jar, and the problem codes page. */
class ApiDocsTest {
    private static final List<String> LANGUAGES = List.of("curl", "Node", "Python", "PHP", "Go");

    @TempDir
    static Path dir;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theReferenceRendersTheDocumentWithExamplesInEveryOperationsDescription() {
        TestResponse page = server.http().get("/docs", null);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("Content-Type").orElse("")).startsWith("text/html");
        String html = page.text();
        assertThat(html).contains("<title>SMSVerifyo API reference</title>", "/docs/swagger-ui/swagger-ui-bundle.js",
                "/docs/swagger-ui/swagger-ui.css", "SwaggerUIBundle(", "href=\"/docs/problems\"", "href=\"/v1/openapi.json\"");

        Matcher embedded = Pattern.compile("<script id=\"openapi\" type=\"application/json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(embedded.find()).as("the document travels in the page").isTrue();
        JsonNode spec = Json.tree(embedded.group(1));
        List<String> missing = new ArrayList<>();
        int operations = eachOperation(spec, (name, operation) -> {
            String description = operation.path("description").asText();
            for (String language : LANGUAGES) {
                if (!description.contains("**" + language + "**\n\n```")) {
                    missing.add(name + " " + language);
                }
            }
        });
        // The API has 58 operations; an empty or unreadable document must not pass for a complete one.
        assertThat(operations).as("operations checked in the embedded document").isGreaterThan(40);
        assertThat(missing).as("operations whose description lacks an example").isEmpty();
        assertThat(spec.at("/paths/~1v1~1rentals/post/description").asText())
                .contains("curl -sS -X POST \"$SMSVERIFYO_URL/v1/rentals\"", "Idempotency-Key: order-4711");
    }

    @Test
    void theServedDocumentCarriesCodeSamplesAndTheStoredOneStaysClean() throws IOException {
        JsonNode served = server.http().get("/v1/openapi.json", null).json();
        List<String> faults = new ArrayList<>();
        int operations = eachOperation(served, (name, operation) -> {
            List<String> labels = new ArrayList<>();
            operation.path("x-codeSamples").forEach(sample -> {
                labels.add(sample.path("label").asText());
                if (sample.path("source").asText().isBlank() || sample.path("lang").asText().isBlank()) {
                    faults.add(name + ": an empty sample");
                }
            });
            if (!labels.equals(LANGUAGES)) {
                faults.add(name + ": " + labels);
            }
            if (operation.path("description").asText().contains("#### Examples")) {
                faults.add(name + ": examples in the description of the downloadable document");
            }
        });
        // The API has 58 operations; an empty or unreadable document must not pass for a complete one.
        assertThat(operations).as("operations checked in the served document").isGreaterThan(40);
        assertThat(faults).isEmpty();

        try (InputStream stored = OpsRoutes.class.getResourceAsStream("/openapi.json")) {
            assertThat(new String(stored.readAllBytes(), StandardCharsets.UTF_8)).doesNotContain("x-codeSamples");
        }
    }

    @Test
    void swaggerUiIsServedFromItsJarWithoutItsDemoPage() {
        TestResponse bundle = server.http().get("/docs/swagger-ui/swagger-ui-bundle.js", null);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.header("Content-Type").orElse("")).contains("javascript");
        assertThat(bundle.body().length).isGreaterThan(100_000);
        assertThat(server.http().get("/docs/swagger-ui/swagger-ui.css", null).status()).isEqualTo(200);

        assertThat(server.http().get("/docs/swagger-ui/index.html", null).status())
                .as("the WebJar's page loads the Petstore demo from the internet").isEqualTo(404);
        assertThat(server.http().get("/docs/swagger-ui/swagger-initializer.js", null).status()).isEqualTo(404);
    }

    @Test
    void everyProblemTypeResolvesToARowOfTheProblemsPage() {
        TestResponse page = server.http().get("/docs/problems", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type").orElse("")).startsWith("text/html");
        String html = page.text();
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(html).as(code.code()).contains("<tr id=\"" + code.code() + "\">");
            assertThat(ProblemDocs.meaning(code)).as("ProblemDocs explains " + code).isPresent();
        }

        TestResponse refused = server.http().get("/v1/account", null);
        String type = refused.json().path("type").asText();
        assertThat(type).isEqualTo("/docs/problems#unauthenticated");
        String[] parts = type.split("#");
        assertThat(server.http().get(parts[0], null).text()).contains("id=\"" + parts[1] + "\"");
    }

    @Test
    void theEmbeddedDocumentCannotCloseItsScriptEarly() {
        assertThat(server.http().get("/docs", null).text().split("</script>", -1))
                .as("four scripts, each closed once").hasSize(4);
    }

    /** Hands every operation of {@code document} to {@code action}; returns how many there were. */
    private static int eachOperation(JsonNode document, java.util.function.BiConsumer<String, JsonNode> action) {
        int[] visited = {0};
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (List.of("get", "put", "post", "patch", "delete").contains(method.getKey())) {
                visited[0]++;
                action.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
        return visited[0];
    }
}
