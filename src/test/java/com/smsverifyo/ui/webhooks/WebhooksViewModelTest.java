package com.smsverifyo.ui.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.smsverifyo.client.WebhookAttempt;
import com.smsverifyo.client.WebhookDelivery;
import com.smsverifyo.client.WebhookVerifier;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.RecordingNotices;
import com.smsverifyo.ui.TestSessions;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.session.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Webhooks page's logic against a real engine (loopback receivers allowed), without a screen. */
class WebhooksViewModelTest {
    @TempDir
    Path dir;
    TestServer server;
    Receiver receiver;
    Session session;
    RecordingNotices notices = new RecordingNotices();
    WebhooksViewModel model;

    @BeforeEach
    void start() {
        // One attempt only: a failure is final at once (and announced on the event stream).
        server = TestServer.start(dir, new MutableClock(TestServer.START), TestServer.loopbackWebhooks(Duration.ZERO));
        receiver = Receiver.start();
        session = TestSessions.open(server, server.ownerKey(), UiExecutors.direct());
        model = new WebhooksViewModel(session, notices, (delay, work) -> { });
        model.load().join();
    }

    @AfterEach
    void stop() {
        session.close();
        receiver.close();
        server.close();
    }

    @Test
    void badUrlsAndNoEventsAreRefusedInPlaceAndTheServersRefusalShowsAtTheUrl() {
        WebhookForm form = model.startAdd();
        form.eventProperty("rental.code_received").set(false);
        assertThat(model.add().join()).isFalse();
        assertThat(form.urlField().errorProperty().get()).contains("Enter the address of your receiver");
        assertThat(form.eventsField().errorProperty().get()).isEqualTo("Choose at least one event to send.");

        form.urlProperty().set("ftp://shop.example.com/hooks");
        form.eventProperty("balance.low").set(true);
        assertThat(form.eventsField().errorProperty().get()).isEmpty();
        assertThat(form.urlField().errorProperty().get()).contains("http:// or https://");

        form.urlProperty().set("http://10.0.0.5/hook");
        assertThat(model.add().join()).isFalse();

        assertThat(form.urlField().errorProperty().get()).contains("refused").contains("10.0.0.5");
        assertThat(form.form().errorProperty().get()).isEmpty();
        assertThat(model.addingProperty().get()).isSameAs(form);
        assertThat(server.http().get("/v1/webhooks", server.ownerKey()).json().path("data")).isEmpty();
    }

    @Test
    void aTestEventIsDeliveredSignedWithTheShownSecretAndAppearsInTheLog() {
        WebhookForm form = model.startAdd();
        form.urlProperty().set(receiver.url("/hook"));
        form.eventProperty("balance.low").set(true);
        assertThat(model.add().join()).isTrue();

        EndpointRow row = model.selectedProperty().get();
        assertThat(row.webhook().events()).containsExactly("rental.code_received", "balance.low");
        assertThat(row.state()).isEqualTo(EndpointHealth.State.NEW);
        String secret = model.secretProperty().get();
        assertThat(secret).startsWith("whsec_");
        model.hideSecret();
        assertThat(model.secretProperty().get()).isEmpty();
        model.revealSecret().join();
        assertThat(model.secretProperty().get()).isEqualTo(secret);

        assertThat(model.sendTest().join()).isTrue();
        Receiver.Hit hit = receiver.await("/hook", 1).get(0);
        assertThat(WebhookVerifier.of(secret).withTolerance(Duration.ofDays(3650)).verify(hit.body(), hit.headers()).type())
                .isEqualTo("webhook.test");

        TestSessions.await(() -> {
            model.refreshLog();
            return model.deliveries().stream().anyMatch(WebhookDelivery::delivered);
        }, "the delivery shows in the log");
        WebhookDelivery delivery = model.deliveries().get(0);
        assertThat(delivery.messageId()).isEqualTo(hit.header("webhook-id"));
        assertThat(delivery.eventType()).isEqualTo("webhook.test");
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(delivery.attemptCount()).isEqualTo(1);
        assertThat(delivery.nextAttemptAt()).isEmpty();
        WebhookAttempt attempt = delivery.attempts().get(0);
        assertThat(attempt.statusCode()).contains(200);
        assertThat(attempt.latencyMs()).isPresent();
        assertThat(attempt.manual()).as("a test is sent by hand").isTrue();
        assertThat(model.selectedProperty().get().state()).isEqualTo(EndpointHealth.State.HEALTHY);
        assertThat(model.selectedProperty().get().summary()).startsWith("Last delivery 200 in ");
    }

    @Test
    void aFailingEndpointShowsItsStreakAndARedeliveryThatSucceedsMakesItHealthy() {
        receiver.script("/hook", Receiver.Reply.status(500), Receiver.Reply.status(503));
        WebhookForm form = model.startAdd();
        form.urlProperty().set(receiver.url("/hook"));
        model.add().join();
        model.sendTest().join();
        receiver.await("/hook", 1);
        server.clock().advance(Duration.ofSeconds(30));
        model.sendTest().join();
        receiver.await("/hook", 2);
        TestSessions.await(() -> {
            model.refreshLog();
            return model.deliveries().size() == 2 && model.deliveries().stream()
                    .allMatch(d -> d.latestAttempt().flatMap(WebhookAttempt::statusCode).isPresent());
        }, "both failures show");

        EndpointRow failing = model.selectedProperty().get();
        assertThat(failing.state()).isEqualTo(EndpointHealth.State.FAILING);
        assertThat(failing.failureStreak()).isEqualTo(2);
        assertThat(failing.summary()).contains("Failing since").contains("2 failed attempts in a row");
        assertThat(model.deliveries()).extracting(WebhookDelivery::status).containsOnly(WebhookDelivery.Status.FAILED);
        assertThat(model.deliveries()).extracting(d -> d.latestAttempt().orElseThrow().statusCode().orElseThrow())
                .containsExactly(503, 500);

        WebhookDelivery first = model.deliveries().get(1);
        server.clock().advance(Duration.ofSeconds(30));
        assertThat(model.redeliver(first).join()).isTrue();
        receiver.await("/hook", 3);
        TestSessions.await(() -> {
            model.refreshLog();
            return model.deliveries().stream().anyMatch(WebhookDelivery::delivered);
        }, "the redelivery shows");
        WebhookDelivery again = model.deliveries().get(0);
        assertThat(again.messageId()).as("the redelivered message moves to the top").isEqualTo(first.messageId());
        assertThat(again.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(again.attempts()).extracting(a -> a.statusCode().orElseThrow(), WebhookAttempt::manual)
                .containsExactly(tuple(500, true), tuple(200, true)); // a test, then a redelivery: both by hand
        assertThat(model.selectedProperty().get().state()).isEqualTo(EndpointHealth.State.HEALTHY);
        assertThat(model.selectedProperty().get().failureStreak()).isZero();
    }

    @Test
    void anOpenMessageShowsEveryAttemptAndItsSignedBodyAndFollowsRereads() {
        receiver.script("/hook", Receiver.Reply.status(500));
        WebhookForm form = model.startAdd();
        form.urlProperty().set(receiver.url("/hook"));
        model.add().join();
        model.sendTest().join();
        Receiver.Hit failed = receiver.await("/hook", 1).get(0);
        TestSessions.await(() -> {
            model.refreshLog();
            return model.deliveries().size() == 1 && model.deliveries().get(0).status() == WebhookDelivery.Status.FAILED;
        }, "the failure shows");

        model.openDelivery(model.deliveries().get(0));
        assertThat(model.openedProperty().get().attempts()).hasSize(1);
        assertThat(model.openedBodyProperty().get()).isEqualTo(failed.body());

        server.clock().advance(Duration.ofSeconds(30));
        model.redeliver(model.deliveries().get(0)).join();
        receiver.await("/hook", 2);
        TestSessions.await(() -> {
            model.refreshLog();
            return model.openedProperty().get().attemptCount() == 2;
        }, "the open message shows its new attempt");
        assertThat(model.openedProperty().get().attempts()).extracting(a -> a.statusCode().orElseThrow())
                .containsExactly(500, 200);
        assertThat(model.openedBodyProperty().get()).as("the body read stays").isEqualTo(failed.body());

        model.askDelete();
        model.delete().join();
        assertThat(model.openedProperty().get()).isNull();
        assertThat(model.openedBodyProperty().get()).isEmpty();
    }

    @Test
    void disablingRotatingAndDeletingChangeTheServerAndTheList() {
        WebhookForm form = model.startAdd();
        form.urlProperty().set(receiver.url("/hook"));
        model.add().join();
        String id = model.selectedProperty().get().webhook().id();
        String first = model.secretProperty().get();

        assertThat(model.setEnabled(false).join()).isTrue();
        assertThat(model.selectedProperty().get().state()).isEqualTo(EndpointHealth.State.DISABLED);
        assertThat(model.selectedProperty().get().summary()).startsWith("Disabled by hand");
        assertThat(model.sendTest().join()).isFalse();
        assertThat(notices.told()).anySatisfy(n -> assertThat(n).startsWith("error: The test event was not sent")
                .contains("disabled"));
        assertThat(model.setEnabled(true).join()).isTrue();
        assertThat(model.endpoints().get(0).webhook().enabled()).isTrue();

        model.askRotate();
        assertThat(model.rotatingProperty().get().id()).isEqualTo(id);
        assertThat(model.rotate().join()).isTrue();
        assertThat(model.secretProperty().get()).startsWith("whsec_").isNotEqualTo(first);
        assertThat(model.graceUntil()).contains(TestServer.START.plus(Duration.ofHours(24)));

        model.askDelete();
        assertThat(model.delete().join()).isTrue();
        assertThat(model.endpoints()).isEmpty();
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(server.http().get("/v1/webhooks/" + id, server.ownerKey()).status()).isEqualTo(404);
    }

    @Test
    void theLogFollowsTheLiveFeedForWebhookEvents() throws Exception {
        ExecutorService fx = Executors.newSingleThreadExecutor();
        Session live = TestSessions.open(server, server.ownerKey(), new UiExecutors(Runnable::run, fx));
        try {
            WebhooksViewModel watching = new WebhooksViewModel(live, notices, (delay, work) -> { });
            receiver.script("/hook", Receiver.Reply.status(500));
            String id = server.http().post("/v1/webhooks", server.ownerKey(),
                    "{\"url\":\"" + receiver.url("/hook") + "\"}").json().path("id").asText();
            on(fx, () -> {
                watching.start();
                return watching.load();
            }).get(10, TimeUnit.SECONDS);
            assertThat(on(fx, () -> watching.deliveries().size())).isZero();

            // Sent behind the page's back: only the stream's webhook.delivery_failed can tell it.
            server.http().post("/v1/webhooks/" + id + "/test", server.ownerKey(), "{}");

            TestSessions.await(() -> call(fx, () -> watching.deliveries().stream()
                    .anyMatch(d -> d.status() == WebhookDelivery.Status.FAILED)), "the failure shows without a refresh");
            assertThat(on(fx, () -> watching.selectedProperty().get().state())).isEqualTo(EndpointHealth.State.FAILING);
            on(fx, () -> {
                watching.stop();
                return null;
            });
        } finally {
            live.close();
            fx.shutdownNow();
        }
    }

    private static <T> T on(ExecutorService fx, Callable<T> work) throws Exception {
        return fx.submit(work).get(10, TimeUnit.SECONDS);
    }

    private static boolean call(ExecutorService fx, Callable<Boolean> work) {
        try {
            return on(fx, work);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
