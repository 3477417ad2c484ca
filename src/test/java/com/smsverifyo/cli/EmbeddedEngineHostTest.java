package com.smsverifyo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.TestHttp;
import com.smsverifyo.ui.EmbeddedEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop app's own engine: its kept owner key, rebinding for the network, backups with a check. */
class EmbeddedEngineHostTest {
    @TempDir
    Path dir;

    @Test
    void keepsItsOwnerKeyBacksUpAndRebindsOnTheSamePort() throws Exception {
        EmbeddedEngineHost host = new EmbeddedEngineHost(ServerRuntime.Settings.embedded(DataDirectory.open(dir)));
        host.start();
        try {
            String base = host.baseUrl().orElseThrow();
            String key = host.ownerKey();
            TestHttp http = new TestHttp(base);
            assertThat(http.get("/v1/account", key).status()).isEqualTo(200);
            assertThat(Files.readString(dir.resolve("owner.key")).strip()).isEqualTo(key);
            assertThat(Files.getPosixFilePermissions(dir.resolve("owner.key")))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            for (int i = 0; i < 3; i++) {
                http.post("/v1/rentals", key, "{\"service\":\"whatsapp\",\"country\":\"US\"}");
            }

            List<Double> progress = new ArrayList<>();
            EmbeddedEngine.BackupReport report = host.backup(progress::add);
            assertThat(report.matchesLive()).isTrue();
            assertThat(report.rentals()).isEqualTo(3);
            assertThat(report.file()).startsWith(dir.resolve("backups")).exists();
            assertThat(progress).isNotEmpty().last().isEqualTo(1.0);

            host.setLanAccess(true);
            assertThat(host.lanAccess()).isTrue();
            assertThat(host.baseUrl()).contains(base);
            assertThat(http.get("/v1/account", key).status()).isEqualTo(200);
            host.setLanAccess(false);
            assertThat(host.lanAccess()).isFalse();
            assertThat(http.get("/v1/rentals", key).json().path("data")).hasSize(3);
        } finally {
            host.stop();
        }
        // A second start on the same directory keeps the saved key.
        EmbeddedEngineHost again = new EmbeddedEngineHost(ServerRuntime.Settings.embedded(DataDirectory.open(dir)));
        again.start();
        try {
            assertThat(again.ownerKey()).isEqualTo(Files.readString(dir.resolve("owner.key")).strip());
        } finally {
            again.stop();
        }
    }
}
