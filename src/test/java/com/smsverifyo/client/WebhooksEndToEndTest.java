package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestServer;
import com.sun.net.httpserver.HttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks end to end, through the client only: endpoints registered with {@link WebhooksResource}
 * on a real engine, deliveries made by its dispatcher to a receiver on loopback (the JDK's HTTP
 * server), each verified by {@link WebhookVerifier} with the secret the client was given. Each test is
 * a customer account of its own with its own receiver path: events go only to the endpoints of the
 * account they belong to, so the tests do not see each other's deliveries.
 */
class WebhooksEndToEndTest {
    /** A valid secret that is no endpoint's (the Standard Webhooks test vector's). */
    private static final String STRANGER = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    static Path dir;
    static EngineFixture engine;
    static Receiver receiver;

    @BeforeAll
    static void start() {
        receiver = Receiver.start();
        engine = new EngineFixture(TestServer.start(dir, new MutableClock(TestServer.START), TestServer.loopbackWebhooks()));
    }

    @AfterAll
    static void stop() {
        engine.close();
        receiver.close();
    }

    @Test
    void aCodeReachesTheReceiverVerifiedWithTheSecretFromCreateAndDeliveriesShowEveryAttempt() {
        EngineFixture.Customer customer = engine.customer("Hooks One", "10", "admin", "rentals");
        receiver.script("/one", Receiver.Reply.status(500)); // the first attempt fails, the retry succeeds
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            // The reseller registers the endpoint for its customer.
            CreatedWebhook created = engine.owner.webhooks().create(NewWebhook.of(receiver.url("/one"), Event.RENTAL_CODE_RECEIVED)
                    .description("orders").forAccount(customer.accountId()));
            String id = created.webhook().id();
            assertThat(created.secret()).startsWith("whsec_");
            assertThat(created.webhook().accountId()).contains(customer.accountId());
            assertThat(created.webhook().description()).contains("orders");
            assertThat(created.webhook().events()).containsExactly(Event.RENTAL_CODE_RECEIVED);
            assertThat(created.webhook().enabled()).isTrue();
            assertThat(client.webhooks().get(id)).isEqualTo(created.webhook());
            assertThat(client.webhooks().list().stream().map(Webhook::id)).containsExactly(id);
            assertThat(engine.owner.webhooks().list(customer.accountId()).stream().map(Webhook::id)).containsExactly(id);
            assertThat(client.webhooks().secret(id)).isEqualTo(new WebhookSecret(id, created.secret(), java.util.Optional.empty()));

            Rental rental = client.rentals().create(NewRental.of("whatsapp", "US"));
            assertThat(engine.server.sms(rental.phoneNumber(), "WhatsApp", "Your WhatsApp code: 482-913").status()).isEqualTo(202);

            String messageId = receiver.await("/one", 1).get(0).header("webhook-id");
            WebhookDelivery failing = awaitDelivery(client, id, messageId, d -> d.attempts().size() == 1);
            assertThat(failing.status()).isEqualTo(WebhookDelivery.Status.PENDING);
            assertThat(failing.attempts().get(0)).satisfies(attempt -> {
                assertThat(attempt.statusCode()).contains(500);
                assertThat(attempt.succeeded()).isFalse();
                assertThat(attempt.error()).contains("HTTP 500 Internal Server Error");
                assertThat(attempt.nextAttemptAt()).isPresent().isEqualTo(failing.nextAttemptAt());
                assertThat(attempt.manual()).isFalse();
            });

            // The retry is due 5 s (±20 %) later on the engine's clock.
            engine.server.clock().advance(Duration.ofSeconds(10));
            engine.server.engine().webhookDispatcher().wake();
            Receiver.Hit hit = receiver.await("/one", 2).get(1);

            Event event = WebhookVerifier.of(created.secret()).verify(hit.body(), hit.headers());
            assertThat(event.id()).contains(messageId);
            assertThat(event.type()).isEqualTo(Event.RENTAL_CODE_RECEIVED);
            assertThat(event.codeReceived()).hasValueSatisfying(code -> {
                assertThat(code.rentalId()).isEqualTo(rental.id());
                assertThat(code.code()).isEqualTo("482913");
                assertThat(code.phoneNumber()).isEqualTo(rental.phoneNumber());
                assertThat(code.service()).isEqualTo("whatsapp");
                assertThat(code.country()).isEqualTo("US");
                assertThat(code.text()).contains("Your WhatsApp code: 482-913");
            });
            assertThatThrownBy(() -> WebhookVerifier.of(STRANGER).verify(hit.body(), hit.headers()))
                    .isInstanceOf(WebhookVerificationException.class);

            WebhookDelivery delivered = awaitDelivery(client, id, messageId, WebhookDelivery::delivered);
            assertThat(delivered.eventType()).isEqualTo(Event.RENTAL_CODE_RECEIVED);
            assertThat(delivered.rentalId()).contains(rental.id());
            assertThat(delivered.attemptCount()).isEqualTo(2);
            assertThat(delivered.finishedAt()).isPresent();
            assertThat(delivered.attempts()).extracting(a -> a.statusCode().orElseThrow()).containsExactly(500, 200);
            assertThat(delivered.latestAttempt()).hasValueSatisfying(a -> {
                assertThat(a.succeeded()).isTrue();
                assertThat(a.latencyMs()).hasValueSatisfying(ms -> assertThat(ms).isNotNegative());
                assertThat(a.nextAttemptAt()).isEmpty();
            });
            assertThat(delivered.body()).contains(hit.body());

            List<WebhookDelivery> listed = client.webhooks().deliveries(id).stream().toList();
            assertThat(listed).singleElement().satisfies(d -> {
                assertThat(d.messageId()).isEqualTo(messageId);
                assertThat(d.attempts()).isEqualTo(delivered.attempts());
                assertThat(d.body()).as("lists leave the body out").isEmpty();
            });
            assertThat(client.webhooks().deliveries(id, WebhookDelivery.Status.FAILED).stream()).isEmpty();
            assertThat(client.webhooks().deliveries(id, WebhookDelivery.Status.DELIVERED).stream().map(WebhookDelivery::messageId))
                    .containsExactly(messageId);
        }
    }

    @Test
    void afterARotationADeliveryVerifiesWithEitherSecret() {
        EngineFixture.Customer customer = engine.customer("Hooks Two", "10", "admin", "rentals");
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            CreatedWebhook created = client.webhooks().create(NewWebhook.of(receiver.url("/two"), Event.RENTAL_CODE_RECEIVED));
            String id = created.webhook().id();

            CreatedWebhook rotated = client.webhooks().rotateSecret(id);
            assertThat(rotated.webhook().id()).isEqualTo(id);
            assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(created.secret());
            assertThat(rotated.webhook().previousSecretExpiresAt()).contains(engine.server.clock().instant().plus(Duration.ofHours(24)));
            WebhookSecret shown = client.webhooks().secret(id);
            assertThat(shown.secret()).isEqualTo(rotated.secret());
            assertThat(shown.previousSecretExpiresAt()).isEqualTo(rotated.webhook().previousSecretExpiresAt());

            Rental rental = client.rentals().create(NewRental.of("whatsapp", "US"));
            engine.server.sms(rental.phoneNumber(), "WhatsApp", "Your WhatsApp code: 246-810");
            Receiver.Hit hit = receiver.await("/two", 1).get(0);

            assertThat(hit.header("webhook-signature").split(" ")).hasSize(2);
            assertThat(WebhookVerifier.of(rotated.secret()).verify(hit.body(), hit.headers()).codeReceived())
                    .hasValueSatisfying(code -> assertThat(code.code()).isEqualTo("246810"));
            assertThat(WebhookVerifier.of(created.secret()).verify(hit.body(), hit.headers()).id())
                    .contains(hit.header("webhook-id"));
            assertThat(WebhookVerifier.of(rotated.secret(), created.secret()).verify(hit.body(), hit.headers()).type())
                    .isEqualTo(Event.RENTAL_CODE_RECEIVED);
        }
    }

    @Test
    void redeliverSendsTheSameMessageAgainAndTestSendsATestMessage() {
        EngineFixture.Customer customer = engine.customer("Hooks Three", "10", "admin", "rentals");
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            CreatedWebhook created = client.webhooks().create(NewWebhook.of(receiver.url("/three"), Event.RENTAL_CODE_RECEIVED));
            String id = created.webhook().id();
            WebhookVerifier verifier = WebhookVerifier.of(created.secret());
            Rental rental = client.rentals().create(NewRental.of("whatsapp", "US"));
            engine.server.sms(rental.phoneNumber(), "WhatsApp", "Your WhatsApp code: 135-791");
            Receiver.Hit first = receiver.await("/three", 1).get(0);
            String messageId = first.header("webhook-id");
            awaitDelivery(client, id, messageId, WebhookDelivery::delivered);

            WebhookDelivery queued = client.webhooks().redeliver(id, messageId);
            assertThat(queued.messageId()).isEqualTo(messageId);
            assertThat(queued.status()).isEqualTo(WebhookDelivery.Status.PENDING);
            Receiver.Hit again = receiver.await("/three", 2).get(1);
            assertThat(again.header("webhook-id")).isEqualTo(messageId);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(verifier.verify(again.body(), again.headers()).codeReceived())
                    .hasValueSatisfying(code -> assertThat(code.code()).isEqualTo("135791"));
            WebhookDelivery redelivered = awaitDelivery(client, id, messageId, d -> d.delivered() && d.attempts().size() == 2);
            assertThat(redelivered.attempts()).extracting(WebhookAttempt::manual).containsExactly(false, true);

            WebhookDelivery test = client.webhooks().test(id);
            assertThat(test.eventType()).isEqualTo(Event.WEBHOOK_TEST);
            assertThat(test.status()).isEqualTo(WebhookDelivery.Status.PENDING);
            assertThat(test.messageId()).startsWith("msg_").isNotEqualTo(messageId);
            assertThat(test.attempts()).isEmpty();
            Receiver.Hit testHit = receiver.await("/three", 3).get(2);
            Event testEvent = verifier.verify(testHit.body(), testHit.headers());
            assertThat(testEvent.id()).contains(test.messageId());
            assertThat(testEvent.type()).isEqualTo(Event.WEBHOOK_TEST);
            assertThat(testEvent.json().orElseThrow().path("webhook_id").asText()).isEqualTo(id);
            assertThat(awaitDelivery(client, id, test.messageId(), WebhookDelivery::delivered).body()).contains(testHit.body());
        }
    }

    @Test
    void aDisabledEndpointGetsNothingWhileAnotherStillDoesAndADeletedOneIsGone() throws Exception {
        EngineFixture.Customer customer = engine.customer("Hooks Four", "10", "admin", "rentals");
        BlockingQueue<CodeReceived> documented = new LinkedBlockingQueue<>();
        HttpServer example = null;
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            String id = client.webhooks().create(NewWebhook.of(receiver.url("/four"), Event.RENTAL_CODE_RECEIVED)).webhook().id();
            // A second endpoint: the receiver of docs/client.md, which needs its secret before it starts.
            CreatedWebhook other = client.webhooks().create(NewWebhook.of(receiver.url("/not-yet"), Event.RENTAL_CODE_RECEIVED));
            example = WebhookReceiverExample.start(0, other.secret(), documented::add);
            String exampleUrl = "http://127.0.0.1:" + example.getAddress().getPort() + "/webhooks/smsverifyo";
            assertThat(client.webhooks().update(other.webhook().id(), WebhookUpdate.none().url(exampleUrl)).url()).isEqualTo(exampleUrl);

            Rental before = client.rentals().create(NewRental.of("whatsapp", "US"));
            engine.server.sms(before.phoneNumber(), "WhatsApp", "Your WhatsApp code: 111-222");
            String messageId = receiver.await("/four", 1).get(0).header("webhook-id");
            assertThat(documented.poll(20, TimeUnit.SECONDS)).isNotNull().satisfies(code -> assertThat(code.code()).isEqualTo("111222"));
            awaitDelivery(client, id, messageId, WebhookDelivery::delivered);

            Webhook disabled = client.webhooks().update(id, WebhookUpdate.disable());
            assertThat(disabled.enabled()).isFalse();
            assertThat(disabled.disabledReason()).contains("manual");
            assertThat(disabled.disabledAt()).isPresent();

            Rental after = client.rentals().create(NewRental.of("whatsapp", "US"));
            engine.server.sms(after.phoneNumber(), "WhatsApp", "Your WhatsApp code: 333-444");
            // The enabled endpoint gets the code; the disabled one was given no message for it at all
            // (messages are queued in the transaction that stores the code), so it never will.
            assertThat(documented.poll(20, TimeUnit.SECONDS)).isNotNull().satisfies(code -> assertThat(code.code()).isEqualTo("333444"));
            assertThat(client.webhooks().deliveries(id).stream().map(WebhookDelivery::messageId)).containsExactly(messageId);
            assertThat(receiver.hits("/four")).hasSize(1);
            assertThat(receiver.hits("/not-yet")).isEmpty();
            assertThatThrownBy(() -> client.webhooks().test(id)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> client.webhooks().redeliver(id, messageId)).isInstanceOf(ConflictException.class);

            client.webhooks().delete(id);
            assertThatThrownBy(() -> client.webhooks().get(id)).isInstanceOf(NotFoundException.class);
            assertThat(client.webhooks().list().stream().map(Webhook::id)).containsExactly(other.webhook().id());
        } finally {
            if (example != null) {
                example.stop(0);
            }
        }
    }

    @Test
    void anotherAccountsEndpointIsNotFound() {
        EngineFixture.Customer customer = engine.customer("Hooks Five", null, "admin");
        String ownersEndpoint = engine.owner.webhooks().create(NewWebhook.of(receiver.url("/owner"), Event.BALANCE_LOW)).webhook().id();
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            assertThatThrownBy(() -> client.webhooks().get(ownersEndpoint)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> client.webhooks().secret(ownersEndpoint)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> client.webhooks().deliveries(ownersEndpoint).firstPage()).isInstanceOf(NotFoundException.class);
        } finally {
            engine.owner.webhooks().delete(ownersEndpoint);
        }
    }

    /** Reads the message until it satisfies {@code condition}. */
    private static WebhookDelivery awaitDelivery(SmsVerifyoClient client, String webhookId, String messageId,
                                                 Predicate<WebhookDelivery> condition) {
        return Await.value("message " + messageId, () -> {
            WebhookDelivery delivery = client.webhooks().delivery(webhookId, messageId);
            return condition.test(delivery) ? delivery : null;
        });
    }
}
