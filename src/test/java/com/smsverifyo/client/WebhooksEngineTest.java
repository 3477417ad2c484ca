package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's webhook calls against the real engine's shapes: message ids, attempts, health. */
class WebhooksEngineTest {
    @TempDir
    Path dir;

    @Test
    void aTestDeliveryIsReadAsItsMessageWithItsLatestAttemptAndHealthIsReported() {
        try (TestServer server = TestServer.start(dir, new MutableClock(TestServer.START), TestServer.loopbackWebhooks());
             Receiver receiver = Receiver.start();
             SmsVerifyoClient client = SmsVerifyoClient.builder().baseUrl(server.baseUrl()).apiKey(server.ownerKey()).build()) {
            receiver.script("/hook", Receiver.Reply.status(500));
            CreatedWebhook created = client.webhooks().create(NewWebhook.of(receiver.url("/hook"), "rental.code_received"));
            String id = created.webhook().id();

            WebhookMessage queued = client.webhooks().test(id).orElseThrow();
            assertThat(queued.messageId()).startsWith("msg_");
            Await.until("the first attempt fails", () -> client.webhooks().get(id).failingSince().isPresent());
            WebhookDelivery failed = client.webhooks().deliveries(id).firstPage().data().get(0);
            assertThat(failed.messageId()).isEqualTo(queued.messageId());
            assertThat(failed.statusCode()).contains(500);
            assertThat(failed.attempt()).contains(1);
            assertThat(failed.status()).contains("pending");
            assertThat(failed.nextRetryAt()).isPresent();

            client.webhooks().redeliver(id, queued.messageId());
            Await.until("the redelivery succeeds", () -> client.webhooks().deliveries(id).firstPage().data().get(0).succeeded());
            List<WebhookDelivery> log = client.webhooks().deliveries(id).firstPage().data();
            assertThat(log).singleElement().satisfies(d -> {
                assertThat(d.eventType()).contains("webhook.test");
                assertThat(d.status()).contains("delivered");
                assertThat(d.attempt()).contains(2);
                assertThat(d.latencyMs()).isPresent();
                assertThat(d.attemptedAt()).isPresent();
            });
            assertThat(client.webhooks().get(id).failingSince()).isEmpty();

            Webhook disabled = client.webhooks().update(id, WebhookUpdate.disable());
            assertThat(disabled.enabled()).isFalse();
            assertThat(disabled.disabledReason()).contains("manual");
            assertThat(disabled.disabledAt()).isPresent();
            assertThat(client.webhooks().rotateSecret(id).previousExpires()).isPresent();
            assertThat(client.webhooks().get(id).previousSecretExpiresAt()).isPresent();
        }
    }
}
