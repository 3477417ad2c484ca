package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.Programs;
import com.smsverifyo.testing.Programs.Result;
import com.smsverifyo.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples of every operation are programs that compile in their language (checked with each
 * toolchain that is on the machine), and the rental examples really rent against a live engine.
 */
class CodeSamplesTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static TestServer server;
    /** Every sample of the served document, by language label, named by operation. */
    private static final Map<String, Map<String, String>> SAMPLES = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        server = TestServer.start(dir.resolve("server"));
        JsonNode document = server.http().get("/v1/openapi.json", null).json();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            method.getValue().path("x-codeSamples").forEach(sample -> SAMPLES
                    .computeIfAbsent(sample.path("label").asText(), label -> new LinkedHashMap<>())
                    .put(method.getKey() + " " + path.getKey(), sample.path("source").asText()));
        }));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void curlExamplesAreValidBash() throws IOException {
        Programs.assumeAvailable("bash", "checking the curl examples");
        assertEverySampleCompiles("curl", ".sh", file -> List.of("bash", "-n", file.toString()));
    }

    @Test
    void nodeExamplesParse() throws IOException {
        Programs.assumeAvailable("node", "checking the Node examples");
        assertEverySampleCompiles("Node", ".mjs", file -> List.of("node", "--check", file.toString()));
    }

    @Test
    void pythonExamplesCompile() throws IOException {
        Programs.assumeAvailable("python3", "checking the Python examples");
        Path folder = write("Python", ".py");
        Result result = Programs.run(List.of("python3", "-m", "compileall", "-q", folder.toString()), Map.of(), null, LIMIT);
        assertThat(result.ok()).as(result.output()).isTrue();
    }

    @Test
    void phpExamplesLint() throws IOException {
        Programs.assumeAvailable("php", "checking the PHP examples");
        assertEverySampleCompiles("PHP", ".php", file -> List.of("php", "-l", file.toString()));
    }

    /** All Go examples in one package (each main renamed), so one `go vet` checks them all. */
    @Test
    void goExamplesVetAndAreFormatted() throws IOException {
        Programs.assumeAvailable("go", "checking the Go examples");
        Path module = Files.createDirectories(dir.resolve("go"));
        Files.writeString(module.resolve("go.mod"), "module samples\n\ngo 1.19\n");
        Files.writeString(module.resolve("main.go"), "package main\n\nfunc main() {}\n");
        int index = 0;
        for (String source : SAMPLES.get("Go").values()) {
            Files.writeString(module.resolve("sample" + index + ".go"),
                    source.replace("func main() {", "func sample" + index + "() {"));
            index++;
        }
        Map<String, String> env = Map.of("GOFLAGS", "-mod=mod", "GOCACHE", dir.resolve("gocache").toString(),
                "GOPATH", dir.resolve("gopath").toString(), "GOPROXY", "off");
        Result vet = Programs.run(List.of("go", "vet", "."), env, module, Duration.ofMinutes(3));
        assertThat(vet.ok()).as(vet.output()).isTrue();
        Result format = Programs.run(List.of("gofmt", "-l", "."), env, module, LIMIT);
        assertThat(format.output().strip()).as("files gofmt would change").isEmpty();
    }

    /** Each language's rental example, run twice: it rents, and the same Idempotency-Key rents once. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"curl", "Node", "Python", "PHP", "Go"})
    void theRentalExamplesRentInEveryLanguage(String label) throws IOException {
        List<String> command = new ArrayList<>(runner(label));
        String idempotencyKey = "sample-" + label.toLowerCase();
        String source = SAMPLES.get(label).get("post /v1/rentals").replace("order-4711", idempotencyKey);
        Path file = Files.createDirectories(dir.resolve("run-" + label)).resolve("rent" + suffix(label));
        Files.writeString(file, source);
        command.add(file.toString());
        Result result = Programs.run(command, env(), file.getParent(), Duration.ofMinutes(3));
        assertThat(result.ok()).as(label + ":\n" + result.output()).isTrue();
        assertThat(result.output()).as(label).contains("rnt_").contains("whatsapp");

        Result again = Programs.run(command, env(), file.getParent(), Duration.ofMinutes(3));
        String first = rentalId(result.output());
        assertThat(rentalId(again.output())).as(label + ": the same Idempotency-Key rents once").isEqualTo(first);
    }

    @Test
    void anErrorEndsTheExampleWithTheProblemsCodeAndDetail() throws IOException {
        Programs.assumeAvailable("python3", "running a Python example");
        Path file = Files.createDirectories(dir.resolve("error")).resolve("get.py");
        Files.writeString(file, SAMPLES.get("Python").get("get /v1/rentals/{id}"));
        Result result = Programs.run(List.of("python3", file.toString()), env(), null, LIMIT);
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output()).contains("404 not_found: ");
    }

    // ---------------------------------------------------------------------------------------------

    /** The command that runs {@code label}'s example, or the test is skipped, saying why, when its toolchain is missing. */
    private static List<String> runner(String label) {
        return switch (label) {
            case "curl" -> {
                Programs.assumeAvailable("bash", "running the curl example");
                Programs.assumeAvailable("curl", "running the curl example");
                yield List.of("bash");
            }
            case "Node" -> {
                Programs.assumeAvailable("node", "running the Node example");
                yield List.of("node");
            }
            case "Python" -> {
                Programs.assumeAvailable("python3", "running the Python example");
                yield List.of("python3");
            }
            case "PHP" -> {
                Assumptions.assumeTrue(Programs.phpHasCurl(),
                        "php with its curl extension is not on this machine: running the PHP example skipped");
                yield List.of("php");
            }
            case "Go" -> {
                Programs.assumeAvailable("go", "running the Go example");
                yield List.of("go", "run");
            }
            default -> throw new IllegalArgumentException(label);
        };
    }

    private static String suffix(String label) {
        return Map.of("curl", ".sh", "Node", ".mjs", "Python", ".py", "PHP", ".php", "Go", ".go").get(label);
    }

    private static Map<String, String> env() {
        return Map.of("SMSVERIFYO_URL", server.baseUrl(), "SMSVERIFYO_KEY", server.ownerKey(),
                "GOCACHE", dir.resolve("gocache").toString(), "GOPATH", dir.resolve("gopath").toString(),
                "GOPROXY", "off");
    }

    private static String rentalId(String output) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("rnt_[0-9A-Z]{26}").matcher(output);
        return matcher.find() ? matcher.group() : "none in: " + output;
    }

    private static Path write(String label, String suffix) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("check-" + label));
        int index = 0;
        for (String source : SAMPLES.get(label).values()) {
            Files.writeString(folder.resolve("sample" + index++ + suffix), source);
        }
        return folder;
    }

    private static void assertEverySampleCompiles(String label, String suffix,
                                                  java.util.function.Function<Path, List<String>> check) throws IOException {
        assertThat(SAMPLES.get(label)).as("samples of " + label).hasSizeGreaterThan(40);
        List<String> faults = new ArrayList<>();
        Path folder = Files.createDirectories(dir.resolve("check-" + label));
        for (Map.Entry<String, String> sample : SAMPLES.get(label).entrySet()) {
            Path file = folder.resolve(sample.getKey().replaceAll("[^A-Za-z0-9]+", "_") + suffix);
            Files.writeString(file, sample.getValue());
            Result result = Programs.run(check.apply(file), Map.of(), null, LIMIT);
            if (!result.ok()) {
                faults.add(sample.getKey() + ":\n" + result.output() + "\n" + sample.getValue());
            }
        }
        assertThat(faults).isEmpty();
    }
}
