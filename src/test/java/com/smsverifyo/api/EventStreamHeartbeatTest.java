package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.engine.Bootstrap;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.store.Database;
import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.TestServer;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream's keep-alive and key checks, with a heartbeat short enough to watch. */
class EventStreamHeartbeatTest {
    @TempDir
    Path dir;

    @Test
    void idleStreamsGetHeartbeatsAndARevokedKeyLosesItsStream() throws Exception {
        MutableClock clock = new MutableClock(TestServer.START);
        try (Database db = Database.open(dir.resolve("smsverifyo.db"))) {
            Bootstrap.Result boot = Bootstrap.initialise(db, clock, new Bootstrap.Options(true));
            String key = boot.ownerKey().orElseThrow().plaintext();
            Engine engine = new Engine(db, clock, Engine.Config.defaults());
            EventStream stream = new EventStream(engine, Duration.ofMillis(100));
            Auth auth = new Auth(engine);
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.routes.before("/v1/*", auth::authenticate);
                stream.register(config.routes);
            }).start("127.0.0.1", 0);
            try {
                List<String> lines = new CopyOnWriteArrayList<>();
                AtomicBoolean ended = new AtomicBoolean();
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/events"))
                        .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream").build();
                HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
                Thread reader = new Thread(() -> {
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            lines.add(line);
                        }
                    } catch (java.io.IOException e) {
                        // the server ended the stream
                    }
                    ended.set(true);
                });
                reader.start();
                Await.until("two heartbeats", () -> lines.stream().filter(line -> line.startsWith(":")).count() >= 2);
                assertThat(ended).isFalse();

                String keyId = engine.db().read(tx -> engine.keys().list(tx, boot.owner().id(), null, 10)).get(0).id();
                engine.db().write(tx -> engine.keys().revoke(tx, keyId));
                Await.until("the stream of a revoked key to end", ended::get);
                assertThat(stream.sessions()).isZero();
            } finally {
                stream.close();
                app.stop();
                engine.close();
            }
        }
    }
}
