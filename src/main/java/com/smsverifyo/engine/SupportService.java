package com.smsverifyo.engine;

import com.smsverifyo.store.Account;
import com.smsverifyo.store.ApiKeyRecord;
import com.smsverifyo.store.ApiKeyRepository;
import com.smsverifyo.store.EventRepository;
import com.smsverifyo.store.LedgerEntry;
import com.smsverifyo.store.LedgerRepository;
import com.smsverifyo.store.Message;
import com.smsverifyo.store.MessageRepository;
import com.smsverifyo.store.NumberRepository;
import com.smsverifyo.store.PoolNumber;
import com.smsverifyo.store.Rental;
import com.smsverifyo.store.RentalRepository;
import com.smsverifyo.store.StoredEvent;
import com.smsverifyo.store.Tx;
import com.smsverifyo.store.WebhookAttempt;
import com.smsverifyo.store.WebhookMessage;
import com.smsverifyo.store.WebhookMessageRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What support agents need to answer "what happened to my code?": a rental's whole story (its
 * messages, state changes, ledger entries and every webhook attempt), and two corrections: fixing
 * an extracted code, and a refund with a reason (an adjustment, never more than the price).
 */
public final class SupportService {

    /** Everything known about one rental. */
    public record RentalStory(Rental rental, Optional<ApiKeyRecord> key, Optional<PoolNumber> number,
                              List<StoredEvent> events, List<LedgerEntry> ledger,
                              List<WebhookService.Delivery> deliveries) {
    }

    private final RentalService rentals;
    private final AccountService accounts;
    private final LedgerService ledgerService;
    private final RentalRepository rentalRepository;
    private final MessageRepository messages;
    private final ApiKeyRepository keys = new ApiKeyRepository();
    private final NumberRepository numbers = new NumberRepository();
    private final EventRepository events = new EventRepository();
    private final LedgerRepository ledger = new LedgerRepository();
    private final WebhookMessageRepository webhookMessages = new WebhookMessageRepository();

    public SupportService(RentalService rentals, AccountService accounts, LedgerService ledgerService,
                          RentalRepository rentalRepository, MessageRepository messages) {
        this.rentals = rentals;
        this.accounts = accounts;
        this.ledgerService = ledgerService;
        this.rentalRepository = rentalRepository;
        this.messages = messages;
    }

    public RentalStory story(Tx tx, Principal principal, String rentalId) {
        principal.require(Scope.ADMIN);
        Rental rental = rentals.get(tx, principal, rentalId);
        List<WebhookMessage> sent = webhookMessages.forRental(tx, rental.id());
        Map<String, List<WebhookAttempt>> attempts = webhookMessages.attempts(tx, sent.stream().map(WebhookMessage::id).toList());
        List<WebhookService.Delivery> deliveries = sent.stream()
                .map(message -> new WebhookService.Delivery(message, attempts.getOrDefault(message.id(), List.of())))
                .toList();
        return new RentalStory(rental, keys.find(tx, rental.keyId()), numbers.find(tx, rental.numberId()),
                events.forRental(tx, rental.id()), ledger.forRental(tx, rental.id()), deliveries);
    }

    /**
     * Corrects the code extracted from one message of a rental (the extractor guessed wrong, or found
     * none). When it is the rental's newest code, the rental shows the corrected one; on a rental still
     * open that is a code arriving: it is {@code received} and {@code rental.code_received} goes out,
     * so the customer gets the right code (and can no longer cancel for a refund while holding it).
     */
    public Rental correctCode(Tx tx, Principal principal, String rentalId, String messageId, String code) {
        Rental rental = correctable(tx, principal, rentalId);
        if (code == null || !code.matches("[0-9A-Za-z-]{3,12}")) {
            throw DomainException.invalid("code", "'code' must be 3 to 12 letters, digits or dashes.");
        }
        Message message = messages.find(tx, messageId).filter(m -> rental.id().equals(m.rentalId()))
                .orElseThrow(() -> DomainException.notFound("Message " + messageId));
        messages.correctCode(tx, message.id(), code);
        Message newest = messages.forRental(tx, rental.id()).stream().filter(m -> m.code() != null && !m.late())
                .reduce((first, second) -> second).orElse(null);
        if (newest != null && newest.id().equals(message.id())) {
            if (rental.status().open()) {
                return rentals.codeArrived(tx, rental, newest);
            }
            rentalRepository.update(tx, RentalService.withCode(rental, code));
        }
        Rental updated = rentalRepository.find(tx, rental.id()).orElseThrow();
        rentals.publish(tx, "rental.updated", updated);
        return updated;
    }

    /**
     * Refunds (part of) a rental as an {@code adjustment} with a reason. Refunds and adjustments of a
     * rental never add up to more than its price: a rental that ends with a refund later gets back
     * only what is left ({@link LedgerService#refundable}).
     */
    public LedgerEntry refund(Tx tx, Principal principal, String rentalId, Long amountMicros, String reason) {
        Rental rental = correctable(tx, principal, rentalId);
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "'reason' is required: say why the customer is refunded.");
        }
        long room = ledgerService.refundable(tx, rental);
        long amount = amountMicros == null ? room : amountMicros;
        if (amount <= 0 || amount > room) {
            throw new DomainException(ErrorCode.CONFLICT, room <= 0
                    ? "This rental has already been refunded in full."
                    : "At most " + Money.format(room) + " USD of this rental can still be refunded.")
                    .with("refundable_usd", Money.toUsd(Math.max(0, room)));
        }
        return ledgerService.adjust(tx, rental.accountId(), amount, rental.id(), "refund: " + reason.strip());
    }

    /** Corrections are for the provider: an admin above the rental's account, or the owner. */
    private Rental correctable(Tx tx, Principal principal, String rentalId) {
        principal.require(Scope.ADMIN);
        Rental rental = rentals.get(tx, principal, rentalId);
        Account account = accounts.find(tx, rental.accountId()).orElseThrow();
        if (account.id().equals(principal.accountId()) && !principal.ownerAccount()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only your provider can correct or refund your rentals.");
        }
        return rental;
    }
}
