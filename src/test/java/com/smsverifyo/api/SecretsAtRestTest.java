package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.cli.Logging;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No API key is ever readable from the data directory: not in the database files, not in the logs. */
class SecretsAtRestTest {
    @TempDir
    Path dir;

    @Test
    void keysNeverAppearInPlaintextInTheDatabaseOrLogs() throws IOException {
        Logging.toDirectory(dir.resolve("logs"));
        List<String> keys = new ArrayList<>();
        try (TestServer server = TestServer.start(dir)) {
            keys.add(server.ownerKey());
            for (int i = 0; i < 3; i++) {
                TestResponse created = server.http().post("/v1/keys", server.ownerKey(),
                        "{\"name\":\"k" + i + "\",\"scopes\":[\"rentals\"]}", Map.of("Idempotency-Key", "create-key-" + i));
                keys.add(created.json().path("key").asText());
                // Replays must show the key again, yet the kept reply must not reveal it.
                TestResponse replay = server.http().post("/v1/keys", server.ownerKey(),
                        "{\"name\":\"k" + i + "\",\"scopes\":[\"rentals\"]}", Map.of("Idempotency-Key", "create-key-" + i));
                assertThat(replay.json().path("key").asText()).isEqualTo(keys.get(keys.size() - 1));
            }
            for (String key : keys) {
                server.http().post("/v1/rentals", key, "{\"service\":\"whatsapp\",\"country\":\"US\"}");
                server.http().get("/v1/account", key + "x");
            }
            server.http().get("/v1/account", keys.get(1).substring(0, 20));
            assertThat(Files.getPosixFilePermissions(dir.resolve("smsverifyo.db")))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            assertNoKeyIn(dir, keys);
        }
        assertNoKeyIn(dir, keys);
        assertThat(dir.resolve("logs/smsverifyo.log")).exists();
    }

    private static void assertNoKeyIn(Path root, List<String> keys) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String key : keys) {
                    assertThat(content).as("a key in %s", file).doesNotContain(key);
                    // Not even the secret part without its prefix.
                    assertThat(content).as("a key body in %s", file).doesNotContain(key.substring(9, 39));
                }
            }
        }
    }
}
