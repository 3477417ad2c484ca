package com.smsverifyo.testing;

import com.smsverifyo.cli.DataDirectory;
import com.smsverifyo.cli.ServerRuntime;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.WebhookSettings;
import com.smsverifyo.sources.SimulatorSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A whole server on a loopback port over a real SQLite file: the simulator's pool and demo credit,
 * but no simulated SMS (tests hand messages in through the API), and a clock the test moves.
 */
public final class TestServer implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

    private final ServerRuntime runtime;
    private final MutableClock clock;
    private final String ownerKey;
    private final TestHttp http;

    private TestServer(ServerRuntime runtime, MutableClock clock, String ownerKey) {
        this.runtime = runtime;
        this.clock = clock;
        this.ownerKey = ownerKey;
        this.http = new TestHttp(runtime.baseUrl());
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, new MutableClock(START), Duration.ofMinutes(20), 40);
    }

    public static TestServer start(Path dataDir, MutableClock clock, Duration rentalTtl, int poolPerCountry) {
        return start(dataDir, clock, rentalTtl, poolPerCountry, WebhookSettings.defaults());
    }

    /** A server whose webhooks are delivered as {@code webhooks} says (tests allow loopback receivers there). */
    public static TestServer start(Path dataDir, MutableClock clock, WebhookSettings webhooks) {
        return start(dataDir, clock, Duration.ofMinutes(20), 40, webhooks);
    }

    public static TestServer start(Path dataDir, MutableClock clock, Duration rentalTtl, int poolPerCountry,
                                   WebhookSettings webhooks) {
        return start(dataDir, clock, rentalTtl, poolPerCountry, webhooks, 0);
    }

    /**
     * A restart that keeps the server's address, as a real server's does (another server that
     * talks to this one keeps reaching it).
     */
    public static TestServer restartOnPort(Path dataDir, MutableClock clock, String ownerKey, WebhookSettings webhooks,
                                           int port) {
        TestServer started = start(dataDir, clock, Duration.ofMinutes(20), 40, webhooks, port);
        return new TestServer(started.runtime, clock, ownerKey);
    }

    private static TestServer start(Path dataDir, MutableClock clock, Duration rentalTtl, int poolPerCountry,
                                    WebhookSettings webhooks, int port) {
        ServerRuntime.Settings settings = new ServerRuntime.Settings(DataDirectory.open(dataDir), "127.0.0.1", port,
                rentalTtl, true, new SimulatorSource.Settings(Duration.ZERO, Duration.ZERO, 0.0), poolPerCountry,
                clock, Duration.ofHours(1), 42L, webhooks);
        ServerRuntime runtime = ServerRuntime.start(settings);
        String key = runtime.firstOwnerKey().map(k -> k.plaintext()).orElse(null);
        return new TestServer(runtime, clock, key);
    }

    /** Starts a server again on the same data directory (a restart), keeping the owner key it had. */
    public static TestServer restart(Path dataDir, MutableClock clock, String ownerKey) {
        TestServer started = start(dataDir, clock, Duration.ofMinutes(20), 40);
        return new TestServer(started.runtime, clock, ownerKey);
    }

    /** A restart with other webhook settings. */
    public static TestServer restart(Path dataDir, MutableClock clock, String ownerKey, WebhookSettings webhooks) {
        TestServer started = start(dataDir, clock, Duration.ofMinutes(20), 40, webhooks);
        return new TestServer(started.runtime, clock, ownerKey);
    }

    /** Webhook settings that reach loopback receivers, with this retry schedule. */
    public static WebhookSettings loopbackWebhooks(Duration... schedule) {
        WebhookSettings settings = WebhookSettings.defaults().withAllowedCidrs(WebhookSettings.loopback())
                .withPollInterval(Duration.ofMillis(100));
        return schedule.length == 0 ? settings : settings.withRetrySchedule(java.util.List.of(schedule));
    }

    public TestHttp http() {
        return http;
    }

    public String baseUrl() {
        return runtime.baseUrl();
    }

    /** The owner's admin key (only on the start that created the data directory). */
    public String ownerKey() {
        return ownerKey;
    }

    public MutableClock clock() {
        return clock;
    }

    public Engine engine() {
        return runtime.engine();
    }

    public ServerRuntime runtime() {
        return runtime;
    }

    /** Hands an SMS in as an operator would. */
    public TestResponse sms(String to, String from, String text) {
        return http.post("/v1/inbound/messages", ownerKey,
                "{\"to\":\"" + to + "\",\"from\":\"" + from + "\",\"text\":\"" + text.replace("\n", "\\n") + "\"}");
    }

    @Override
    public void close() {
        runtime.close();
    }
}
