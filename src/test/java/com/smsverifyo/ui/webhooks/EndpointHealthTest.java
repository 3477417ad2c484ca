package com.smsverifyo.ui.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.Webhook;
import com.smsverifyo.client.WebhookAttempt;
import com.smsverifyo.client.WebhookDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Health read from the attempts of an endpoint's messages (no server needed: plain values). */
class EndpointHealthTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Webhook HOOK = new Webhook("whk_1", "https://shop.example.com/hooks", List.of("rental.code_received"),
            true, Optional.empty(), Optional.of(T0));

    @Test
    void everyFailedAttemptSinceTheLastSuccessCountsAcrossMessagesAndRetries() {
        WebhookDelivery older = message("msg_1", WebhookDelivery.Status.DELIVERED, attempt(0, 200));
        WebhookDelivery retried = message("msg_2", WebhookDelivery.Status.PENDING,
                attempt(10, 500), attempt(15, 503), attempt(315, null));

        EndpointHealth health = EndpointHealth.of(HOOK, List.of(retried, older));

        assertThat(health.failureStreak()).isEqualTo(3);
        assertThat(health.last()).contains(retried.attempts().get(2));
        assertThat(health.state()).isEqualTo(EndpointHealth.State.FAILING);
        assertThat(health.summary()).contains("3 failed attempts in a row").endsWith("last: connection refused");
    }

    @Test
    void theLatestAttemptDecidesWhateverTheOrderOfMessages() {
        // The older message was redelivered by hand after the newer one failed: that success is the latest.
        WebhookDelivery redelivered = message("msg_1", WebhookDelivery.Status.DELIVERED, attempt(0, 500), attempt(60, 200));
        WebhookDelivery failed = message("msg_2", WebhookDelivery.Status.FAILED, attempt(30, 500));

        EndpointHealth health = EndpointHealth.of(HOOK, List.of(failed, redelivered));

        assertThat(health.failureStreak()).isZero();
        assertThat(health.state()).isEqualTo(EndpointHealth.State.HEALTHY);
        assertThat(health.summary()).startsWith("Last delivery 200 in 12 ms");
        assertThat(EndpointHealth.of(HOOK, List.of(message("msg_3", WebhookDelivery.Status.PENDING))).state())
                .isEqualTo(EndpointHealth.State.NEW);
    }

    private static WebhookAttempt attempt(int secondsAfterStart, Integer status) {
        return new WebhookAttempt(T0.plusSeconds(secondsAfterStart), Optional.ofNullable(status),
                status == null ? Optional.empty() : Optional.of(12L),
                status == null ? Optional.of("connection refused")
                        : status >= 300 ? Optional.of("HTTP " + status) : Optional.empty(),
                Optional.empty(), false);
    }

    private static WebhookDelivery message(String id, WebhookDelivery.Status status, WebhookAttempt... attempts) {
        return new WebhookDelivery(id, HOOK.id(), Optional.empty(), "webhook.test", Optional.empty(), Optional.empty(),
                status, attempts.length, Optional.empty(), T0, Optional.empty(), List.of(attempts), Optional.empty());
    }
}
