package com.smsverifyo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.Programs;
import com.smsverifyo.testing.Programs.Result;
import com.smsverifyo.testing.Programs.Running;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rent → wait → finish/cancel programs of {@code docs/examples/} run against a live engine in
 * every language whose toolchain is on this machine (Node and Python on CI; bash needs curl, PHP its
 * curl extension, Go its toolchain); the others are skipped, saying so.
 */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("docs/examples").toAbsolutePath();
    private static final Pattern RENTED = Pattern.compile("Rented (\\+\\d+) \\((rnt_\\w+)\\) for 0\\.45 USD");
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    static Path dir;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir.resolve("server"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"node", "python", "bash", "php", "go"})
    void rentsWaitsForTheCodeAndFinishes(String language) throws Exception {
        List<String> command = command(language);
        try (Running program = Programs.start(command, env(Map.of("SMSVERIFYO_WAIT", "90", "SMSVERIFYO_POLL", "0.2")),
                EXAMPLES)) {
            Await.until(language + " rents", Duration.ofSeconds(90), () -> RENTED.matcher(program.output()).find());
            Matcher rented = RENTED.matcher(program.output());
            assertThat(rented.find()).isTrue();
            // The SMS arrives once the number is known, as it would from the service.
            assertThat(server.sms(rented.group(1), "WhatsApp", "Your WhatsApp code: 482-913").status()).isEqualTo(202);
            Result result = program.await(LIMIT);

            assertThat(result.ok()).as(result.output()).isTrue();
            assertThat(result.output()).contains("Code: 482913", "Finished: completed");
            assertThat(status(rented.group(2))).isEqualTo("completed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"node", "python", "bash", "php", "go"})
    void cancelsForAFullRefundWhenNoCodeArrives(String language) {
        Result result = Programs.run(command(language), env(Map.of("SMSVERIFYO_WAIT", "0")), EXAMPLES, LIMIT);

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("No code in 0 s: cancelled, refunded 0.45 USD");
        Matcher rented = RENTED.matcher(result.output());
        assertThat(rented.find()).as(result.output()).isTrue();
        assertThat(status(rented.group(2))).isEqualTo("cancelled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"node", "python", "bash", "php", "go"})
    void stopsWithTheProblemsCodeAndDetail(String language) {
        Result result = Programs.run(command(language), env(Map.of("SMSVERIFYO_SERVICE", "no-such-service")), EXAMPLES,
                LIMIT);

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("error: 404 unknown_service: ").doesNotContain("Rented");
    }

    /** The program's command line, or the test is skipped when its language is not on this machine. */
    private static List<String> command(String language) {
        return switch (language) {
            case "node" -> {
                Programs.assumeAvailable("node", "the Node example");
                yield List.of("node", "rent.mjs");
            }
            case "python" -> {
                Programs.assumeAvailable("python3", "the Python example");
                yield List.of("python3", "rent.py");
            }
            case "bash" -> {
                Programs.assumeAvailable("bash", "the curl example");
                Programs.assumeAvailable("curl", "the curl example");
                yield List.of("bash", "rent.sh");
            }
            case "php" -> {
                Assumptions.assumeTrue(Programs.phpHasCurl(),
                        "php with its curl extension is not on this machine: the PHP example skipped");
                yield List.of("php", "rent.php");
            }
            case "go" -> {
                Programs.assumeAvailable("go", "the Go example");
                yield List.of("go", "run", "rent.go");
            }
            default -> throw new IllegalArgumentException(language);
        };
    }

    private static Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("SMSVERIFYO_URL", server.baseUrl());
        env.put("SMSVERIFYO_KEY", server.ownerKey());
        // go run without a module: offline, with its caches in the temp dir.
        env.put("GOPROXY", "off");
        env.put("GOFLAGS", "-mod=mod");
        env.put("GO111MODULE", "off");
        env.put("GOCACHE", dir.resolve("gocache").toString());
        env.put("GOPATH", dir.resolve("gopath").toString());
        return env;
    }

    private static String status(String rentalId) {
        return server.http().get("/v1/rentals/" + rentalId, server.ownerKey()).json().path("status").asText();
    }
}
