package com.smsverifyo.ui.webhooks;

import com.smsverifyo.client.Webhook;
import com.smsverifyo.client.WebhookAttempt;
import com.smsverifyo.client.WebhookDelivery;
import com.smsverifyo.ui.common.Formats;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An endpoint with how it is doing: enabled or why not, failing since when, its latest attempt and
 * how many attempts in a row have failed (read from the attempts of its recent messages).
 *
 * @param webhook       the endpoint as the server reports it
 * @param last          the most recent attempt, if any was made
 * @param failureStreak failed attempts since the last success, among the recent messages
 */
public record EndpointHealth(Webhook webhook, Optional<WebhookAttempt> last, int failureStreak) {

    /** How an endpoint is doing, for its pill. */
    public enum State {
        HEALTHY("healthy"), FAILING("failing"), DISABLED("disabled"), NEW("no deliveries");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Reads the health of {@code webhook} from the attempts of its recent messages: every attempt of
     * every message counts, newest first, so retries of one message make a streak as well.
     */
    public static EndpointHealth of(Webhook webhook, List<WebhookDelivery> deliveries) {
        List<WebhookAttempt> attempts = deliveries.stream()
                .flatMap(d -> d.attempts().stream())
                .sorted(Comparator.comparing(WebhookAttempt::attemptedAt).reversed())
                .toList();
        int streak = 0;
        for (WebhookAttempt attempt : attempts) {
            if (attempt.succeeded()) {
                break;
            }
            streak++;
        }
        return new EndpointHealth(webhook, attempts.stream().findFirst(), streak);
    }

    public State state() {
        if (!webhook.enabled()) {
            return State.DISABLED;
        }
        if (webhook.failingSince().isPresent() || last.map(d -> !d.succeeded()).orElse(false)) {
            return State.FAILING;
        }
        return last.isPresent() ? State.HEALTHY : State.NEW;
    }

    /** One line a person reads to know whether deliveries arrive. */
    public String summary() {
        return switch (state()) {
            case DISABLED -> disabledText() + webhook.disabledAt().map(at -> " · " + Formats.dateTime(at)).orElse("");
            case FAILING -> "Failing" + webhook.failingSince().map(at -> " since " + Formats.dateTime(at)).orElse("")
                    + (failureStreak > 0 ? " · " + failureStreak + (failureStreak == 1 ? " failed attempt" : " failed attempts")
                    + " in a row" : "") + last.map(d -> " · last: " + result(d)).orElse("");
            case HEALTHY -> "Last delivery " + result(last.orElseThrow()) + " · "
                    + Formats.dateTime(last.get().attemptedAt());
            case NEW -> "No deliveries yet: send a test event to check it.";
        };
    }

    private String disabledText() {
        return switch (webhook.disabledReason().orElse("")) {
            case "manual" -> "Disabled by hand: nothing is sent, events are held";
            case "gone" -> "Disabled: the receiver answered 410 Gone";
            case "failing" -> "Disabled: every delivery failed for 5 days";
            default -> "Disabled";
        };
    }

    /** {@code 200 in 34 ms}, {@code HTTP 500}, or the error in words. */
    public static String result(WebhookAttempt attempt) {
        if (attempt.statusCode().isPresent()) {
            return (attempt.succeeded() ? "" : "HTTP ") + attempt.statusCode().get()
                    + attempt.latencyMs().map(ms -> " in " + ms + " ms").orElse("");
        }
        return attempt.error().orElse("no answer");
    }
}
