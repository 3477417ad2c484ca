package com.smsverifyo.webhooks;

import static com.smsverifyo.webhooks.Webhooks.register;
import static com.smsverifyo.webhooks.Webhooks.rentWithCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.EventStreamClient;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics, log trimming and stopping: the operational side of webhooks and the stream. */
class WebhookHousekeepingTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestServer.START);

    @Test
    void deliveriesAreCountedByOutcome() {
        try (Receiver receiver = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks(Duration.ZERO, Duration.ofHours(1)))) {
            receiver.script("/m", Receiver.Reply.status(500));
            register(server, receiver.url("/m"), null);
            rentWithCode(server, "818181");
            rentWithCode(server, "828282");
            receiver.await("/m", 2);
            Await.until("both attempts counted", () -> metrics(server).contains("smsverifyo_webhook_attempts_total{outcome=\"failure\"} 1.0")
                    && metrics(server).contains("smsverifyo_webhook_attempts_total{outcome=\"success\"} 1.0"));
            assertThat(metrics(server)).contains("smsverifyo_webhook_in_flight").contains("smsverifyo_webhook_messages_failed_total");
        }
    }

    @Test
    void oldEventsAndFinishedMessagesAreTrimmedButPendingOnesAreKept() {
        try (Receiver receiver = Receiver.start();
             TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks(Duration.ZERO, Duration.ofDays(60)))) {
            receiver.script("/k", Receiver.Reply.status(200), Receiver.Reply.status(503));
            String id = register(server, receiver.url("/k"), "[\"rental.code_received\"]").path("id").asText();
            rentWithCode(server, "919191");
            receiver.await("/k", 1);
            rentWithCode(server, "929292");
            receiver.await("/k", 2);
            Await.until("one delivered, one waiting", () -> {
                JsonNode deliveries = Webhooks.deliveries(server, id);
                return deliveries.size() == 2 && deliveries.get(1).path("status").asText().equals("delivered")
                        && deliveries.get(0).path("attempts").size() == 1;
            });
            long events = server.engine().events().since(0, null, 10_000).size();
            assertThat(events).isGreaterThan(0);

            clock.advance(Duration.ofDays(6));
            assertThat(server.engine().trimLogs()).isZero(); // the log is kept a week
            clock.advance(Duration.ofDays(2));
            assertThat(server.engine().trimLogs()).isEqualTo((int) events);
            assertThat(Webhooks.deliveries(server, id)).hasSize(2);

            clock.advance(Duration.ofDays(30));
            server.engine().trimLogs();
            JsonNode left = Webhooks.deliveries(server, id);
            // The delivered one is history now; the pending one still has its body to send.
            assertThat(left).singleElement().satisfies(message -> assertThat(message.path("status").asText()).isEqualTo("pending"));
            receiver.fallback(Receiver.Reply.status(200));
            clock.advance(Duration.ofDays(40)); // past its retry, 60 days ± 20 % after the first attempt
            server.engine().webhookDispatcher().wake();
            receiver.await("/k", 3);
        }
    }

    @Test
    void stoppingTheServerEndsOpenStreamsAtOnce() {
        TestServer server = TestServer.start(dir, clock, TestServer.loopbackWebhooks());
        try (EventStreamClient stream = EventStreamClient.connect(server.baseUrl(), server.ownerKey())) {
            long started = System.nanoTime();
            server.close();
            // Well inside the 15 s a graceful stop would otherwise wait for the open stream.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            Await.until("the client to see the end", stream::isClosed);
        }
    }

    private static String metrics(TestServer server) {
        return server.http().get("/metrics", null).text();
    }
}
