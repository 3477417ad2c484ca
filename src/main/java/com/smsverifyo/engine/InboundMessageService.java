package com.smsverifyo.engine;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.smsverifyo.store.Database;
import com.smsverifyo.store.InboundReceiptRepository;
import com.smsverifyo.store.Message;
import com.smsverifyo.store.MessageRepository;
import com.smsverifyo.store.NumberRepository;
import com.smsverifyo.store.Rental;
import com.smsverifyo.store.RentalRepository;
import com.smsverifyo.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point every SMS source calls. A message is matched to the open rental on its number
 * (by service when several are open), its code extracted and recorded; a message that arrives after
 * its rental ended is kept on it as late; anything else is kept unmatched. Nothing is dropped.
 */
public final class InboundMessageService {
    private static final Duration LATE_WINDOW = Duration.ofHours(24);
    /**
     * A message that reached its phone this long before a rental was created is never that rental's
     * (a phone or modem handing in an old SMS late must not give one customer's code to the next):
     * the allowance covers clocks that are a little off.
     */
    private static final Duration CLOCK_ALLOWANCE = Duration.ofMinutes(5);
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

    /**
     * A delivery a source may hand in more than once (an app's retry, a message read again after a
     * restart): {@code key} names it uniquely among the deliveries of {@code sourceId}.
     */
    public record Receipt(String sourceId, String key) {
    }

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final RentalRepository rentals;
    private final MessageRepository messages;
    private final RentalService rentalService;
    private final InboundReceiptRepository receipts = new InboundReceiptRepository();
    private final NumberRepository numbers = new NumberRepository();

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

    /**
     * Takes in a source's delivery once: the same receipt again (a retry, a re-read) keeps nothing
     * and returns empty. The receipt is written with the message, so a crash never keeps it twice.
     * A text longer than the API allows is kept shortened rather than refused (a source cannot fix it).
     */
    public Optional<Match> receiveOnce(Inbound inbound, Receipt receipt) {
        String to = normalize(inbound.to()).orElseThrow(() -> DomainException.invalid("to",
                "'to' must be a phone number in E.164 form, such as +14155550123."));
        Inbound kept = shortened(inbound);
        return db.write(tx -> once(tx, receipt, () -> {
            // A source speaks only for its own numbers: a phone (or a leaked signing key) naming another
            // source's number completes no rental there; the message is kept, unmatched, for Support.
            boolean ours = numbers.findByPhone(tx, to).map(n -> receipt.sourceId().equals(n.sourceId())).orElse(false);
            return ours ? receive(tx, to, sender(kept), kept) : unaddressed(tx, "recipient:" + to, kept);
        }));
    }

    /**
     * Keeps a delivery whose number the source could not tell (a phone SIM registered to no number):
     * unmatched, under {@code address} (such as {@code device:…/sim:2}), shown on the Support page.
     * No rental can be on a number the pool does not know, so none is missed.
     */
    public Optional<Match> keepUnaddressed(String address, Inbound inbound, Receipt receipt) {
        Inbound kept = shortened(inbound);
        return db.write(tx -> once(tx, receipt, () -> unaddressed(tx, address, kept)));
    }

    private Match unaddressed(Tx tx, String address, Inbound kept) {
        String from = sender(kept);
        String named = CodeExtractor.serviceOf(from, kept.text()).orElse(null);
        String code = CodeExtractor.extract(kept.text(), named).orElse(null);
        Message message = messages.insert(tx, new Message(0, ids.next("sms"), null, address, from, kept.text(), code,
                false, kept.source(), receivedAt(kept)));
        return new Match(MatchStatus.UNMATCHED, message, Optional.empty());
    }

    /** Messages newest first (Support: unmatched and late ones stay visible). */
    public com.smsverifyo.store.Page<Message> list(Tx tx, MessageRepository.Filter filter, Long beforeSeq, int limit) {
        List<Message> page = messages.list(tx, filter, beforeSeq, limit + 1);
        if (page.size() > limit) {
            List<Message> items = page.subList(0, limit);
            return new com.smsverifyo.store.Page<>(List.copyOf(items), items.get(items.size() - 1).seq());
        }
        return new com.smsverifyo.store.Page<>(page, null);
    }

    /** Forgets receipts older than {@code cutoff} (sources retry for two days at most). */
    public int purgeReceipts(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = db.write(tx -> receipts.deleteOlderThan(tx, cutoff, 1000));
            total += deleted;
        } while (deleted == 1000);
        return total;
    }

    private Optional<Match> once(Tx tx, Receipt receipt, java.util.function.Supplier<Match> work) {
        if (receipts.messageOf(tx, receipt.sourceId(), receipt.key()).isPresent()) {
            return Optional.empty();
        }
        Match match = work.get();
        receipts.record(tx, receipt.sourceId(), receipt.key(), match.message().id(), clock.instant());
        return Optional.of(match);
    }

    private static Inbound shortened(Inbound inbound) {
        String text = inbound.text() == null ? "" : inbound.text();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT - 1) + "…";
        }
        return new Inbound(inbound.to(), inbound.from(), text, inbound.source(), inbound.receivedAt());
    }

    private static String sender(Inbound inbound) {
        return inbound.from() == null || inbound.from().isBlank() ? "unknown" : inbound.from().strip();
    }

    /** When the SMS reached the phone: as the source says, but never in the future. */
    private Instant receivedAt(Inbound inbound) {
        Instant now = clock.instant();
        return inbound.receivedAt() == null || inbound.receivedAt().isAfter(now) ? now : inbound.receivedAt();
    }

    private Match receive(Tx tx, String to, String from, Inbound inbound) {
        Instant at = receivedAt(inbound);
        Instant earliestRental = at.plus(CLOCK_ALLOWANCE);
        List<Rental> candidates = rentals.openOn(tx, to).stream()
                .filter(rental -> !rental.createdAt().isAfter(earliestRental)).toList();
        Optional<Rental> open = pick(candidates, from, inbound.text());
        if (open.isPresent()) {
            Rental rental = open.get();
            String code = CodeExtractor.extract(inbound.text(), rental.service()).orElse(null);
            Message message = messages.insert(tx, new Message(0, ids.next("sms"), rental.id(), to, from,
                    inbound.text(), code, false, inbound.source(), at));
            Rental updated = record(tx, rental, message);
            return new Match(MatchStatus.MATCHED, message, Optional.of(updated));
        }
        Optional<Rental> ended = pick(rentals.endedOnSince(tx, to, clock.instant().minus(LATE_WINDOW)).stream()
                .filter(rental -> !rental.createdAt().isAfter(earliestRental)).toList(), from, inbound.text());
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

    /** A message with a code moves the rental to {@code received}; one without changes only what it shows. */
    private Rental record(Tx tx, Rental rental, Message message) {
        if (message.code() == null) {
            Rental same = rentals.find(tx, rental.id()).orElseThrow();
            rentalService.publish(tx, "rental.updated", same);
            return same;
        }
        return rentalService.codeArrived(tx, rental, message);
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
