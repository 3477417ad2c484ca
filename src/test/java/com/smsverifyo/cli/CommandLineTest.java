package com.smsverifyo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.TestHttp;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a shop uses it: keys, backup, version, help, clean stops. */
class CommandLineTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Launcher.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void keysCreatePrintsOnlyTheKeyAndInitialisesAFreshDirectory() {
        Run run = run("keys", "create", "--data-dir", dir.toString(), "--name", "first", "--scopes", "admin,rentals");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).matches("sms_live_[0-9A-Za-z]{36}\\R");
        try (TestServer server = TestServer.restart(dir, new com.smsverifyo.testing.MutableClock(TestServer.START),
                run.out().strip())) {
            TestResponse account = server.http().get("/v1/account", run.out().strip());
            assertThat(account.status()).isEqualTo(200);
            assertThat(account.json().path("name").asText()).isEqualTo("Owner");
            assertThat(server.http().get("/v1/keys", run.out().strip()).status()).isEqualTo(200);
        }
    }

    @Test
    void keysCreateWorksBesideARunningServerAndTheKeyWorksAtOnce() {
        try (TestServer server = TestServer.start(dir)) {
            Run run = run("keys", "create", "--data-dir", dir.toString(), "--name", "bot", "--rate-limit", "5",
                    "--daily-spend-cap", "2.5");
            assertThat(run.exitCode()).as(run.err()).isZero();
            String key = run.out().strip();
            TestResponse rental = server.http().post("/v1/rentals", key, "{\"service\":\"uber\",\"country\":\"US\"}");
            assertThat(rental.status()).isEqualTo(201);
            assertThat(rental.header("RateLimit-Policy")).contains("\"default\";q=5;w=60");
            assertThat(server.http().get("/v1/keys", key).status()).isEqualTo(403);
        }
    }

    @Test
    void keysCreateExplainsBadInput() {
        Run badScope = run("keys", "create", "--data-dir", dir.toString(), "--name", "x", "--scopes", "root");
        assertThat(badScope.exitCode()).isEqualTo(2);
        assertThat(badScope.err()).contains("'root' is not rentals or admin");
        assertThat(badScope.out()).isEmpty();

        Run noName = run("keys", "create", "--data-dir", dir.toString());
        assertThat(noName.exitCode()).isEqualTo(2);
        assertThat(noName.err()).contains("--name");

        Run noAccount = run("keys", "create", "--data-dir", dir.toString(), "--name", "x", "--account", "acc_nope");
        assertThat(noAccount.exitCode()).isEqualTo(1);
        assertThat(noAccount.err()).contains("Account acc_nope was not found").doesNotContain("Exception");
    }

    @Test
    void backupIsAConsistentCopyTakenWhileTheServerRuns() throws Exception {
        Path copy = dir.resolve("backup.db");
        try (TestServer server = TestServer.start(dir.resolve("data"))) {
            for (int i = 0; i < 5; i++) {
                server.http().post("/v1/rentals", server.ownerKey(), "{\"service\":\"whatsapp\",\"country\":\"GB\"}");
            }
            Run run = run("backup", "--data-dir", dir.resolve("data").toString(), "--to", copy.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Backed up");

            Run again = run("backup", "--data-dir", dir.resolve("data").toString(), "--to", copy.toString());
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.err()).contains("already exists");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*), (SELECT balance_micros FROM accounts) FROM rentals")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(5);
            assertThat(rows.getLong(2)).isLessThan(100_000_000L);
        }
    }

    @Test
    void versionAndHelp() {
        assertThat(run("version").out()).startsWith("smsverifyo ");
        assertThat(run("--version").out()).startsWith("smsverifyo ");
        for (String command : new String[] {"serve", "keys", "backup", "version"}) {
            Run help = run(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Usage: smsverifyo " + command);
        }
        assertThat(run("serve", "--help").out()).contains("--rental-ttl", "--sim-delay", "--sim-success", "SMSVERIFYO_PORT");
        Run bad = run("serve", "--rental-ttl", "soon", "--data-dir", dir.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--rental-ttl");
    }

    @Test
    void stoppingLetsARequestInFlightFinish() throws Exception {
        TestServer server = TestServer.start(dir);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.engine().db().submit(tx -> {
            held.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        held.await(10, TimeUnit.SECONDS);
        TestHttp http = server.http();
        CompletableFuture<TestResponse> inFlight = CompletableFuture.supplyAsync(() ->
                http.post("/v1/rentals", server.ownerKey(), "{\"service\":\"whatsapp\",\"country\":\"US\"}"));
        // Wait until the request is queued behind the held writer, then stop the server.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.engine().db().queuedWrites() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        release.countDown();
        stopping.get(30, TimeUnit.SECONDS);

        assertThat(inFlight.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("smsverifyo.db"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM rentals")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }
}
