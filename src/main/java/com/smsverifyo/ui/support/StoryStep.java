package com.smsverifyo.ui.support;

import com.smsverifyo.client.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a rental's timeline as the Support page shows it.
 *
 * @param at      when it happened
 * @param type    what kind of entry (its icon)
 * @param tone    how it went (its colour)
 * @param title   the server's summary line
 * @param time    the time of day, {@code 10:00:03}
 * @param offset  how long after the rental was created, {@code +3 s} (empty for the first entries)
 * @param details the raw facts behind it, in a useful order
 * @param action  what an agent can do from here, if anything
 */
public record StoryStep(Instant at, TimelineEntry.Type type, Tone tone, String title, String time, String offset,
                        List<Detail> details, Optional<Action> action) {

    /** How an entry went. */
    public enum Tone { NEUTRAL, ACCENT, SUCCESS, WARNING, DANGER }

    /**
     * One fact of an entry.
     *
     * @param label what it is, {@code HTTP status}
     * @param value its value, as text
     * @param raw   whether it is raw data (an SMS text, an id) to show as-is, in a fixed-width font
     */
    public record Detail(String label, String value, boolean raw) {
    }

    /** What an agent can do from an entry. */
    public sealed interface Action permits CorrectCode, Redeliver {
    }

    /**
     * Correct the code extracted from a message.
     *
     * @param messageId the message ({@code sms_…})
     * @param code      the code extracted now, if any
     * @param text      the message's raw text
     */
    public record CorrectCode(String messageId, Optional<String> code, String text) implements Action {
    }

    /**
     * Deliver a webhook message again.
     *
     * @param webhookId the endpoint ({@code whk_…})
     * @param messageId the message ({@code msg_…})
     * @param eventType what it tells, {@code rental.code_received}
     */
    public record Redeliver(String webhookId, String messageId, String eventType) implements Action {
    }

    public StoryStep {
        details = List.copyOf(details);
    }

    /** Finds a detail by its label. */
    public Optional<String> detail(String label) {
        return details.stream().filter(d -> d.label().equals(label)).map(Detail::value).findFirst();
    }
}
