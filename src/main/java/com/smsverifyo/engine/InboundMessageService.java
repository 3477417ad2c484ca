package com.smsverifyo.engine;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.smsverifyo.store.Database;
import com.smsverifyo.store.Message;
import com.smsverifyo.store.MessageRepository;
import com.smsverifyo.store.Rental;
import com.smsverifyo.store.RentalRepository;
import com.smsverifyo.store.RentalStatus;
import com.smsverifyo.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry point every SMS source calls. A message is matched to the open rental on its number
 * (by service when several are open), its code extracted and recorded; a message that arrives after
 * its rental ended is kept on it as late; anything else is kept unmatched. Nothing is dropped.
 */
public final class InboundMessageService {
    private static final Duration LATE_WINDOW = Duration.ofHours(24);
    private static final int MAX_TEXT = 2_000;

    /** The outcome of one inbound message. */
    public enum MatchStatus {
        MATCHED, LATE, UNMATCHED;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Inbound(String to, String from, String text, String source, Instant receivedAt) {
    }

    public record Match(MatchStatus status, Message message, Optional<Rental> rental) {
    }

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final RentalRepository rentals;
    private final MessageRepository messages;
    private final RentalService rentalService;

    public InboundMessageService(Database db, Clock clock, Ids ids, RentalRepository rentals,
                                 MessageRepository messages, RentalService rentalService) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.rentals = rentals;
        this.messages = messages;
        this.rentalService = rentalService;
    }

    public Match receive(Inbound inbound) {
        String to = normalize(inbound.to())
                .orElseThrow(() -> DomainException.invalid("to", "'to' must be a phone number in E.164 form, such as +14155550123."));
        if (inbound.text() == null) {
            throw DomainException.invalid("text", "'text' is required.");
        }
        if (inbound.text().length() > MAX_TEXT) {
            throw DomainException.invalid("text", "'text' is longer than " + MAX_TEXT + " characters.");
        }
        String from = inbound.from() == null || inbound.from().isBlank() ? "unknown" : inbound.from().strip();
        return db.write(tx -> receive(tx, to, from, inbound));
    }

    private Match receive(Tx tx, String to, String from, Inbound inbound) {
        Instant at = inbound.receivedAt() == null ? clock.instant() : inbound.receivedAt();
        Optional<Rental> open = pick(rentals.openOn(tx, to), from, inbound.text());
        if (open.isPresent()) {
            Rental rental = open.get();
            String code = CodeExtractor.extract(inbound.text(), rental.service()).orElse(null);
            Message message = messages.insert(tx, new Message(0, ids.next("sms"), rental.id(), to, from,
                    inbound.text(), code, false, inbound.source(), at));
            Rental updated = record(tx, rental, message);
            return new Match(MatchStatus.MATCHED, message, Optional.of(updated));
        }
        Optional<Rental> ended = pick(rentals.endedOnSince(tx, to, clock.instant().minus(LATE_WINDOW)), from,
                inbound.text());
        if (ended.isPresent()) {
            Rental rental = ended.get();
            String code = CodeExtractor.extract(inbound.text(), rental.service()).orElse(null);
            Message message = messages.insert(tx, new Message(0, ids.next("sms"), rental.id(), to, from,
                    inbound.text(), code, true, inbound.source(), at));
            Rental updated = rentals.find(tx, rental.id()).orElseThrow();
            rentalService.publish(tx, "rental.updated", updated);
            return new Match(MatchStatus.LATE, message, Optional.of(updated));
        }
        String named = CodeExtractor.serviceOf(from, inbound.text()).orElse(null);
        String code = CodeExtractor.extract(inbound.text(), named).orElse(null);
        Message message = messages.insert(tx, new Message(0, ids.next("sms"), null, to, from, inbound.text(), code,
                false, inbound.source(), at));
        return new Match(MatchStatus.UNMATCHED, message, Optional.empty());
    }

    /** A message with a code moves the rental to {@code received}; the newest code is the rental's code. */
    private Rental record(Tx tx, Rental rental, Message message) {
        if (message.code() == null) {
            Rental same = rentals.find(tx, rental.id()).orElseThrow();
            rentalService.publish(tx, "rental.updated", same);
            return same;
        }
        Instant firstCode = rental.receivedAt() == null ? message.receivedAt() : rental.receivedAt();
        Rental received = new Rental(rental.seq(), rental.id(), rental.accountId(), rental.keyId(), rental.service(),
                rental.country(), rental.carrier(), rental.numberId(), rental.phoneNumber(), rental.priceMicros(),
                RentalStatus.RECEIVED, message.code(), rental.createdAt(), rental.expiresAt(), firstCode,
                rental.endedAt(), rental.refundedMicros(), List.of());
        rentals.update(tx, received);
        Rental updated = rentals.find(tx, rental.id()).orElseThrow();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("rental_id", rental.id());
        payload.put("code", message.code());
        payload.put("received_at", Wire.time(message.receivedAt()));
        payload.put("phone_number", rental.phoneNumber());
        payload.put("service", rental.service());
        payload.put("country", rental.country());
        payload.put("text", message.text());
        rentalService.events().publish(tx, rental.accountId(), "rental.code_received", rental.id(), payload);
        rentalService.publish(tx, "rental.updated", updated);
        return updated;
    }

    /**
     * The one rental a message belongs to (newest first among the candidates): one whose service the
     * message names, or the only candidate when the message names no service at all. A message naming
     * another service is not pinned on a rental, so a customer never gets someone else's code.
     */
    private static Optional<Rental> pick(List<Rental> candidates, String sender, String text) {
        Optional<Rental> named = candidates.stream()
                .filter(rental -> CodeExtractor.mentions(rental.service(), sender, text)).findFirst();
        if (named.isPresent()) {
            return named;
        }
        if (candidates.size() == 1 && !CodeExtractor.mentionsAnyService(sender, text)) {
            return Optional.of(candidates.get(0));
        }
        return Optional.empty();
    }

    /** E.164 form of a number written with a leading + (spaces, dashes and brackets allowed). */
    public static Optional<String> normalize(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        String compact = phone.strip();
        if (!compact.startsWith("+") && compact.matches("\\d{8,15}")) {
            compact = "+" + compact;
        }
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            var parsed = util.parse(compact, "ZZ");
            return Optional.of(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
