package com.smsverifyo.ui.rentals;

import com.smsverifyo.client.Message;
import com.smsverifyo.client.Rental;
import com.smsverifyo.ui.common.Formats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A rental's story told from its own fields: rented (and charged), number assigned, each SMS and
 * code, then how it ended and what was refunded; an open rental ends with its expiry ahead.
 */
public final class RentalTimeline {
    private RentalTimeline() {
    }

    /**
     * @param rental      the rental
     * @param serviceName the display name of a service code ({@code whatsapp} → {@code WhatsApp})
     * @return its steps, oldest first
     */
    public static List<TimelineEntry> of(Rental rental, UnaryOperator<String> serviceName) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(rental.createdAt(), TimelineEntry.Kind.CREATED,
                "Rented for " + Formats.usd(rental.price()),
                serviceName.apply(rental.service()) + " · " + rental.country() + " · "
                        + rental.carrier().name().toLowerCase(java.util.Locale.ROOT) + " carrier"));
        entries.add(new TimelineEntry(rental.createdAt(), TimelineEntry.Kind.NUMBER, "Number assigned",
                PhoneNumbers.display(rental.phoneNumber())));
        for (Message message : rental.messages()) {
            entries.add(messageEntry(message));
        }
        if (rental.isFinal()) {
            entries.add(ending(rental));
        } else {
            entries.add(new TimelineEntry(rental.expiresAt(), TimelineEntry.Kind.EXPIRES, "Expires",
                    rental.code().isPresent() ? "More messages may arrive until then; finish to release the number now."
                            : "Nothing arrived yet; cancel for a full refund, or it is refunded at expiry."));
        }
        // Stable: the creation steps keep their order, messages follow theirs.
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return List.copyOf(entries);
    }

    private static TimelineEntry messageEntry(Message message) {
        String from = message.from() == null || message.from().isBlank() ? "unknown sender" : message.from();
        if (message.late()) {
            return new TimelineEntry(message.receivedAt(), TimelineEntry.Kind.LATE,
                    "Late SMS from " + from + message.code().map(code -> " · code " + code).orElse(""),
                    "Arrived after the rental ended; kept, no money changed.");
        }
        if (message.code().isPresent()) {
            return new TimelineEntry(message.receivedAt(), TimelineEntry.Kind.CODE,
                    "Code " + message.code().get() + " from " + from, message.text());
        }
        return new TimelineEntry(message.receivedAt(), TimelineEntry.Kind.MESSAGE, "SMS from " + from + " (no code found)",
                message.text());
    }

    private static TimelineEntry ending(Rental rental) {
        var at = rental.endedAt().orElse(rental.expiresAt());
        String refund = rental.refunded().signum() > 0 ? "Refunded " + Formats.usd(rental.refunded())
                : "Nothing refunded";
        return switch (rental.status()) {
            case CANCELLED -> new TimelineEntry(at, TimelineEntry.Kind.CANCELLED, "Cancelled", refund);
            case EXPIRED -> new TimelineEntry(at, TimelineEntry.Kind.EXPIRED, "Expired with no code", refund);
            default -> new TimelineEntry(at, TimelineEntry.Kind.COMPLETED, "Completed",
                    Formats.usd(rental.price().subtract(rental.refunded())) + " charged"
                            + (rental.refunded().signum() > 0 ? " · " + refund : ""));
        };
    }
}
