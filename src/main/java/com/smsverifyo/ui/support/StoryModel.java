package com.smsverifyo.ui.support;

import com.smsverifyo.client.Carrier;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalStory;
import com.smsverifyo.client.TimelineEntry;
import com.smsverifyo.client.TimelineEntry.Type;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.support.StoryStep.Detail;
import com.smsverifyo.ui.support.StoryStep.Tone;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rental's story, ready to show: the header's facts and the timeline's steps, oldest first, each
 * with its raw details and the action an agent can take from it.
 *
 * @param story      the story as the server told it
 * @param phone      the number as people read it
 * @param customer   the account's name
 * @param facts      the header's facts: customer, key, service, price, refunded, code, times
 * @param refundable what can still be refunded
 * @param steps      the timeline, oldest first
 */
public record StoryModel(RentalStory story, String phone, String customer, List<Detail> facts, BigDecimal refundable,
                         List<StoryStep> steps) {

    /** Finds a header fact by its label. */
    public Optional<String> fact(String label) {
        return facts.stream().filter(f -> f.label().equals(label)).map(Detail::value).findFirst();
    }

    public Rental rental() {
        return story.rental();
    }

    /**
     * Tells a story for the page; {@code customer} is the name of the rental's account, and
     * {@code serviceName} names a service code.
     */
    static StoryModel of(RentalStory story, String customer, java.util.function.UnaryOperator<String> serviceName) {
        Rental rental = story.rental();
        List<Detail> facts = new ArrayList<>();
        facts.add(new Detail("Customer", customer, false));
        facts.add(new Detail("Key", story.key().map(k -> k.name() + " · " + k.prefix()).orElse("—"), false));
        facts.add(new Detail("Service", serviceName.apply(rental.service()) + " · " + rental.country()
                + (rental.carrier() == Carrier.MOBILE ? " · mobile carrier" : ""), false));
        facts.add(new Detail("Price", Formats.usd(rental.price()), false));
        BigDecimal refunded = story.refundedTotal();
        facts.add(new Detail("Refunded", refunded.signum() == 0 ? "nothing"
                : Formats.usd(refunded) + " of " + Formats.usd(rental.price()), false));
        facts.add(new Detail("Code", rental.code().orElse("none yet"), rental.code().isPresent()));
        facts.add(new Detail("Created", Formats.dateTime(rental.createdAt()), false));
        facts.add(rental.isFinal()
                ? new Detail("Ended", rental.endedAt().map(Formats::dateTime).orElse("—"), false)
                : new Detail("Expires", Formats.dateTime(rental.expiresAt()), false));
        return new StoryModel(story, Formats.phone(rental.phoneNumber()), customer, List.copyOf(facts),
                story.refundable(), steps(story));
    }

    private static List<StoryStep> steps(RentalStory story) {
        Instant start = story.rental().createdAt();
        // Redelivery is offered on the newest attempt of each webhook message.
        Map<String, Integer> lastAttempt = new HashMap<>();
        List<TimelineEntry> timeline = story.timeline();
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.get(i).type() == Type.WEBHOOK_ATTEMPT) {
                int index = i;
                timeline.get(i).text("message_id").ifPresent(id -> lastAttempt.put(id, index));
            }
        }
        List<StoryStep> steps = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            TimelineEntry entry = timeline.get(i);
            Integer index = i;
            boolean newestAttempt = entry.text("message_id").map(lastAttempt::get).map(index::equals).orElse(false);
            steps.add(new StoryStep(entry.at(), entry.type(), tone(entry), entry.summary(), time(entry.at(), start),
                    offset(start, entry.at()), StepDetails.of(entry, story), action(entry, newestAttempt)));
        }
        return List.copyOf(steps);
    }

    private static Tone tone(TimelineEntry entry) {
        return switch (entry.type()) {
            case CREATED, NUMBER_ASSIGNED -> Tone.ACCENT;
            case MESSAGE -> entry.flag("late") || entry.text("code").isEmpty() ? Tone.WARNING : Tone.SUCCESS;
            case STATUS -> switch (entry.text("event").orElse("")) {
                case "rental.cancelled", "rental.expired" -> Tone.DANGER;
                case "rental.completed" -> Tone.SUCCESS;
                default -> Tone.NEUTRAL;
            };
            case LEDGER -> entry.text("kind").orElse("").equals("charge") ? Tone.NEUTRAL : Tone.SUCCESS;
            case WEBHOOK_ATTEMPT -> entry.decimal("status_code").map(c -> c.intValue() >= 200 && c.intValue() < 300)
                    .orElse(false) ? Tone.SUCCESS : Tone.DANGER;
            case OTHER -> Tone.NEUTRAL;
        };
    }

    private static Optional<StoryStep.Action> action(TimelineEntry entry, boolean newestAttempt) {
        if (entry.type() == Type.MESSAGE && entry.text("message_id").isPresent()) {
            return Optional.of(new StoryStep.CorrectCode(entry.text("message_id").get(), entry.text("code"),
                    entry.text("text").orElse("")));
        }
        if (entry.type() == Type.WEBHOOK_ATTEMPT && newestAttempt && entry.text("webhook_id").isPresent()) {
            return Optional.of(new StoryStep.Redeliver(entry.text("webhook_id").get(), entry.text("message_id").get(),
                    entry.text("event_type").orElse("")));
        }
        return Optional.empty();
    }

    /** The time of day; with the date when it is another day than the rental's creation. */
    private static String time(Instant at, Instant start) {
        ZoneId zone = ZoneId.systemDefault();
        return at.atZone(zone).toLocalDate().equals(start.atZone(zone).toLocalDate()) ? Formats.time(at) : Formats.dateTime(at);
    }

    /** {@code +3 s}, {@code +2 min 5 s}, {@code +1 h 4 min}; empty at the start. */
    static String offset(Instant start, Instant at) {
        Duration after = Duration.between(start, at);
        if (after.isNegative() || after.toSeconds() == 0) {
            return "";
        }
        long seconds = after.toSeconds();
        if (seconds < 60) {
            return "+" + seconds + " s";
        }
        if (seconds < 3600) {
            return "+" + seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        if (seconds < 86_400) {
            return "+" + seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
        }
        return "+" + seconds / 86_400 + " d" + (seconds % 86_400 / 3600 == 0 ? "" : " " + seconds % 86_400 / 3600 + " h");
    }
}
