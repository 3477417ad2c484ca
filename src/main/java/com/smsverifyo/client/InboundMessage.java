package com.smsverifyo.client;

import java.util.Locale;
import java.util.Optional;

/**
 * An SMS the server received, with where it went ({@code GET /v1/messages}, and the reply of
 * {@link MessagesResource#receive}).
 *
 * @param message     the SMS (its code, if one was found, is {@link Message#code()})
 * @param phoneNumber the number it was sent to, or where it came from when no number is known
 *                    (such as {@code device:ffff…/sim:2})
 * @param rentalId    the rental it was given to, if any
 * @param status      matched, late or unmatched
 */
public record InboundMessage(Message message, String phoneNumber, Optional<String> rentalId, Status status) {

    /** Where an SMS went. */
    public enum Status {
        /** To the rental open on its number. */
        MATCHED,
        /** To a rental that had ended: kept and shown, no money changes. */
        LATE,
        /** To no rental (none open on the number, or a SIM registered to no number). */
        UNMATCHED,
        /** A status this client does not know (a newer server). */
        UNKNOWN;

        static Status fromWire(String wire) {
            try {
                return valueOf(wire.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }
    }
}
