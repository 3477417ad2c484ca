package com.smsverifyo.engine;

import com.smsverifyo.store.Account;
import com.smsverifyo.store.AccountStatus;
import com.smsverifyo.store.Carrier;
import com.smsverifyo.store.Database;
import com.smsverifyo.store.Message;
import com.smsverifyo.store.NumberRepository;
import com.smsverifyo.store.Page;
import com.smsverifyo.store.PoolNumber;
import com.smsverifyo.store.Rental;
import com.smsverifyo.store.RentalRepository;
import com.smsverifyo.store.RentalStatus;
import com.smsverifyo.store.Tx;
import com.smsverifyo.store.TxWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Rentals and their state machine. Every change of state happens in one transaction with its money
 * (charge or refund), its number lease and its events, so none of them can exist without the others.
 */
public final class RentalService {

    /** A rental request as the API validated it. */
    public record NewRental(String service, String country, Carrier carrier, Long maxPriceMicros) {
    }

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final Duration ttl;
    private final CatalogService catalog;
    private final AccountService accounts;
    private final LedgerService ledger;
    private final EventPublisher events;
    private final RentalRepository rentals;
    private final SourceRegistry sources;
    private final NumberRepository numbers = new NumberRepository();
    private final NumberAllocator allocator = new NumberAllocator();

    public RentalService(Database db, Clock clock, Ids ids, Duration ttl, CatalogService catalog,
                         AccountService accounts, LedgerService ledger, EventPublisher events,
                         RentalRepository rentals, SourceRegistry sources) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.ttl = ttl;
        this.catalog = catalog;
        this.accounts = accounts;
        this.ledger = ledger;
        this.events = events;
        this.rentals = rentals;
        this.sources = sources;
    }

    EventPublisher events() {
        return events;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * Rents a number from the pool: price check, spend cap, balance, a free number, the charge and
     * the lease, all in the caller's transaction. Any refusal charges nothing.
     */
    public Rental create(Tx tx, Principal principal, NewRental request) {
        principal.require(Scope.RENTALS);
        Quote quote = quote(tx, principal, request);
        PoolNumber number = allocator.allocate(tx, request.country(), request.carrier(), request.service())
                .orElseThrow(() -> noNumbers(request));
        return open(tx, principal, request, quote, number, quote.now().plus(ttl));
    }

    /**
     * Rents a number wherever one is: from the pool, or (when the pool has none free) from a source
     * that hands out numbers itself, such as an upstream relay. The relay's number is held before the
     * rental's transaction and given back after it if the rental was not created, so a customer is
     * charged only for a number that exists.
     */
    public StagedWrite<Rental> creation(Principal principal, NewRental request) {
        return new Creation(principal, request);
    }

    /** {@link #creation} run to the end: for callers without idempotency of their own. */
    public Rental create(Principal principal, NewRental request) {
        StagedWrite<Rental> creation = creation(principal, request);
        try {
            return db.write(creation.prepare());
        } finally {
            creation.settle();
        }
    }

    /** The price a request would be charged, checked against its cap, the key's spend cap and the balance. */
    private Quote quote(Tx tx, Principal principal, NewRental request) {
        Account account = accounts.own(tx, principal);
        if (account.status() == AccountStatus.SUSPENDED) {
            // Authentication refuses suspended accounts already; this closes the gap for a request that
            // was authenticated just before the suspension committed.
            throw new DomainException(ErrorCode.FORBIDDEN, ApiKeyService.SUSPENDED_DETAIL);
        }
        long price = catalog.priceFor(tx, account, request.service(), request.country(), request.carrier());
        if (request.maxPriceMicros() != null && price > request.maxPriceMicros()) {
            throw new DomainException(ErrorCode.MAX_PRICE_EXCEEDED,
                    "The current price of " + Money.format(price) + " USD is above your max_price_usd of "
                            + Money.format(request.maxPriceMicros()) + " USD; nothing was charged.")
                    .with("price_usd", Money.toUsd(price))
                    .with("max_price_usd", Money.toUsd(request.maxPriceMicros()));
        }
        Instant now = clock.instant();
        String today = Days.of(now);
        if (principal.dailySpendCapMicros() != null) {
            long spent = ledger.spent(tx, principal.keyId(), today);
            if (spent + price > principal.dailySpendCapMicros()) {
                throw new DomainException(ErrorCode.DAILY_SPEND_CAP_REACHED,
                        "This key has spent " + Money.format(spent) + " of its " + Money.format(principal.dailySpendCapMicros())
                                + " USD daily cap; this rental (" + Money.format(price) + " USD) would pass it.")
                        .with("spent_today_usd", Money.toUsd(spent))
                        .with("daily_spend_cap_usd", Money.toUsd(principal.dailySpendCapMicros()))
                        .with("price_usd", Money.toUsd(price));
            }
        }
        if (account.balanceMicros() < price) {
            throw new DomainException(ErrorCode.INSUFFICIENT_BALANCE,
                    "Your balance of " + Money.format(account.balanceMicros()) + " USD is below the price of "
                            + Money.format(price) + " USD; top up to rent.")
                    .with("balance_usd", Money.toUsd(account.balanceMicros()))
                    .with("price_usd", Money.toUsd(price));
        }
        return new Quote(account, price, now);
    }

    /** A rental on {@code number}: the row, the lease, the charge and the event, in one transaction. */
    private Rental open(Tx tx, Principal principal, NewRental request, Quote quote, PoolNumber number, Instant expiresAt) {
        Rental rental = rentals.insert(tx, new Rental(0, ids.next("rnt"), quote.account().id(), principal.keyId(),
                request.service(), request.country(), request.carrier(), number.id(), number.phoneNumber(), quote.price(),
                RentalStatus.WAITING, null, quote.now(), expiresAt, null, null, 0, List.of()));
        numbers.lease(tx, number.id(), rental.service(), rental.id());
        ledger.charge(tx, quote.account().id(), quote.price(), rental.id(), principal.keyId(), Days.of(quote.now()));
        publish(tx, "rental.created", rental);
        return rental;
    }

    /** A rental on a number a provider holds for it: checked again, opened, and the number attached. */
    private Rental openProvided(Tx tx, Principal principal, NewRental request, NumberProvider provider,
                                NumberProvider.ProvidedNumber provided) {
        principal.require(Scope.RENTALS);
        Quote quote = quote(tx, principal, request);
        PoolNumber number = providedNumber(tx, provided);
        Instant expiresAt = quote.now().plus(ttl);
        if (provided.expiresAt() != null && provided.expiresAt().isBefore(expiresAt)) {
            // The rental cannot outlive the number: it ends (and refunds) when the provider lets go.
            expiresAt = provided.expiresAt();
        }
        if (!number.country().equals(request.country()) || !expiresAt.isAfter(quote.now())
                || numbers.leased(tx, number.id(), request.service()) || numbers.blocked(tx, number.id(), request.service())) {
            throw noNumbers(request);
        }
        Rental rental = open(tx, principal, request, quote, number, expiresAt);
        provider.attach(tx, provided, rental);
        return rental;
    }

    /**
     * The pool row of a provided number: made the first time, brought back if it was deleted. A row
     * another source holds is taken over only while the pool does not rent it (its source disabled
     * or deleted) and no rental is open on it: one number is never fed by two sources at once.
     */
    private PoolNumber providedNumber(Tx tx, NumberProvider.ProvidedNumber provided) {
        String type = sources.typeOf(tx, provided.sourceId());
        NumberRepository.Origin origin = new NumberRepository.Origin(type, provided.sourceId(), null, null);
        Optional<PoolNumber> live = numbers.findByPhone(tx, provided.phoneNumber());
        if (live.isPresent() && provided.sourceId().equals(live.get().sourceId())) {
            return live.get();
        }
        Optional<PoolNumber> existing = live.or(() -> numbers.findDeleted(tx, provided.phoneNumber()));
        if (existing.isPresent()) {
            if (live.isPresent() && (numbers.rentable(tx, live.get().id())
                    || !numbers.leasedRentals(tx, live.get().id()).isEmpty())) {
                throw new DomainException(ErrorCode.NO_NUMBERS_AVAILABLE, "No number is free for this request right now.");
            }
            numbers.revive(tx, existing.get().id(), provided.country(), provided.type(), origin);
            return numbers.find(tx, existing.get().id()).orElseThrow();
        }
        long id = numbers.insert(tx, provided.phoneNumber(), provided.country(), provided.type(), origin, clock.instant());
        return numbers.find(tx, id).orElseThrow();
    }

    private static DomainException noNumbers(NewRental request) {
        return new DomainException(ErrorCode.NO_NUMBERS_AVAILABLE,
                "No " + (request.carrier() == Carrier.MOBILE ? "mobile " : "") + "number is free for "
                        + request.service() + " in " + request.country() + " right now; try again shortly"
                        + (request.carrier() == Carrier.MOBILE ? " or rent with carrier 'any'." : "."));
    }

    /** A price checked for an account at a moment. */
    private record Quote(Account account, long price, Instant now) {
    }

    /**
     * One rental creation: the pool when it has a free number (decided in a read, so the providers
     * are not asked for nothing), else each provider in turn, outside any transaction.
     */
    private final class Creation implements StagedWrite<Rental> {
        private final Principal principal;
        private final NewRental request;
        private NumberProvider provider;
        private NumberProvider.ProvidedNumber held;

        Creation(Principal principal, NewRental request) {
            this.principal = principal;
            this.request = request;
        }

        @Override
        public TxWork<Rental> prepare() {
            principal.require(Scope.RENTALS);
            List<NumberProvider> providers = sources.providers().stream()
                    .filter(p -> p.serves(request.service(), request.country())).toList();
            TxWork<Rental> fromPool = tx -> create(tx, principal, request);
            if (providers.isEmpty()) {
                return fromPool;
            }
            Long price = db.read(tx -> {
                Quote quote = quote(tx, principal, request);
                boolean poolHasOne = allocator.allocate(tx, request.country(), request.carrier(), request.service()).isPresent();
                return poolHasOne ? null : quote.price();
            });
            if (price == null) {
                return fromPool;
            }
            DomainException unavailable = null;
            for (NumberProvider candidate : providers) {
                try {
                    Optional<NumberProvider.ProvidedNumber> got = candidate.reserve(new NumberProvider.NumberRequest(
                            request.service(), request.country(), request.carrier(), price, request.maxPriceMicros()));
                    if (got.isPresent()) {
                        provider = candidate;
                        held = got.get();
                        return tx -> openProvided(tx, principal, request, candidate, got.get());
                    }
                } catch (DomainException e) {
                    unavailable = e;
                }
            }
            if (unavailable != null) {
                throw unavailable;
            }
            return fromPool;
        }

        @Override
        public void settle() {
            if (held != null) {
                provider.settle(held);
            }
        }
    }

    public Rental get(Tx tx, Principal principal, String id) {
        return rentals.find(tx, id).filter(rental -> visible(tx, principal, rental))
                .orElseThrow(() -> DomainException.notFound("Rental " + id));
    }

    public Optional<Rental> findBySeq(Tx tx, long seq) {
        return rentals.findBySeq(tx, seq);
    }

    public Page<Rental> list(Tx tx, RentalRepository.Filter filter, Long beforeSeq, int limit) {
        List<Rental> page = rentals.list(tx, filter, beforeSeq, limit + 1);
        if (page.size() > limit) {
            List<Rental> items = page.subList(0, limit);
            return new Page<>(List.copyOf(items), items.get(items.size() - 1).seq());
        }
        return new Page<>(page, null);
    }

    /** Streams rentals oldest first, without messages and without holding them (exports). */
    public void each(Tx tx, RentalRepository.Filter filter, Consumer<Rental> sink) {
        rentals.each(tx, filter, sink);
    }

    /** Cancels a waiting rental with a full refund; cancelling a cancelled rental returns it unchanged. */
    public Rental cancel(Tx tx, Principal principal, String id) {
        principal.require(Scope.RENTALS);
        Rental rental = mine(tx, principal, id);
        if (rental.status() == RentalStatus.CANCELLED) {
            return full(tx, rental);
        }
        if (rental.status() != RentalStatus.WAITING || rental.everReceived()) {
            throw new DomainException(ErrorCode.RENTAL_NOT_CANCELLABLE, rental.everReceived()
                    ? "A code already arrived on this rental; it can be finished, not cancelled."
                    : "This rental is already " + rental.status() + ".")
                    .with("rental_status", rental.status().toString());
        }
        return end(tx, rental, RentalStatus.CANCELLED, true, "rental.cancelled", "cancelled", RentalChange.CANCELLED);
    }

    /** Releases a rental that received a code; finishing a completed rental returns it unchanged. */
    public Rental finish(Tx tx, Principal principal, String id) {
        principal.require(Scope.RENTALS);
        Rental rental = mine(tx, principal, id);
        if (rental.status() == RentalStatus.COMPLETED) {
            return full(tx, rental);
        }
        if (!rental.status().open() || !rental.everReceived()) {
            throw new DomainException(ErrorCode.RENTAL_NOT_FINISHABLE, rental.status().open()
                    ? "No code has arrived yet; cancel the rental instead for a full refund."
                    : "This rental is already " + rental.status() + ".")
                    .with("rental_status", rental.status().toString());
        }
        return end(tx, rental, RentalStatus.COMPLETED, false, "rental.completed", null, RentalChange.COMPLETED);
    }

    /** Asks for another SMS on a received rental: back to waiting, no new charge. */
    public Rental retry(Tx tx, Principal principal, String id) {
        principal.require(Scope.RENTALS);
        Rental rental = mine(tx, principal, id);
        if (rental.status() != RentalStatus.RECEIVED) {
            throw new DomainException(ErrorCode.RENTAL_NOT_RETRYABLE,
                    "Only a rental in state 'received' can ask for another SMS; this one is " + rental.status() + ".")
                    .with("rental_status", rental.status().toString());
        }
        Rental waiting = withStatus(rental, RentalStatus.WAITING, rental.endedAt(), rental.refundedMicros());
        rentals.update(tx, waiting);
        sources.rentalChanged(tx, waiting, RentalChange.RETRIED);
        Rental updated = rentals.find(tx, id).orElseThrow();
        publish(tx, "rental.updated", updated);
        return updated;
    }

    /**
     * The service refused the number: a waiting rental is cancelled with a full refund and the number
     * never serves that service again.
     */
    public Rental report(Tx tx, Principal principal, String id) {
        principal.require(Scope.RENTALS);
        Rental rental = mine(tx, principal, id);
        if (rental.status() == RentalStatus.CANCELLED) {
            numbers.block(tx, rental.numberId(), rental.service(), rental.id(), clock.instant());
            return full(tx, rental);
        }
        if (rental.status() != RentalStatus.WAITING || rental.everReceived()) {
            throw new DomainException(ErrorCode.RENTAL_NOT_CANCELLABLE, rental.everReceived()
                    ? "A code already arrived on this rental; it cannot be reported any more."
                    : "This rental is already " + rental.status() + ".")
                    .with("rental_status", rental.status().toString());
        }
        numbers.block(tx, rental.numberId(), rental.service(), rental.id(), clock.instant());
        return end(tx, rental, RentalStatus.CANCELLED, true, "rental.cancelled", "reported: number refused by the service",
                RentalChange.REPORTED);
    }

    /**
     * Ends open rentals whose time is up: a rental that never got a code expires with a full refund,
     * one that did completes. Returns how many ended; safe to run at any time, any number of times.
     */
    public int expireDue(int limit) {
        return db.write(tx -> {
            List<Rental> due = rentals.dueForExpiry(tx, clock.instant(), limit);
            for (Rental rental : due) {
                if (rental.everReceived()) {
                    end(tx, rental, RentalStatus.COMPLETED, false, "rental.completed", null, RentalChange.COMPLETED);
                } else {
                    end(tx, rental, RentalStatus.EXPIRED, true, "rental.expired", "expired: no SMS arrived",
                            RentalChange.EXPIRED);
                }
            }
            return due.size();
        });
    }

    /**
     * The source of a rental's number lost it (an upstream server ended its rental): a rental still
     * waiting for its first code ends now, cancelled with a full refund. Anything else is left as it is.
     */
    public Optional<Rental> endForSource(Tx tx, String id, String note) {
        Optional<Rental> rental = rentals.findBare(tx, id);
        if (rental.isEmpty() || rental.get().status() != RentalStatus.WAITING || rental.get().everReceived()) {
            return Optional.empty();
        }
        return Optional.of(end(tx, rental.get(), RentalStatus.CANCELLED, true, "rental.cancelled", note,
                RentalChange.CANCELLED));
    }

    public Optional<Instant> nextExpiry() {
        return db.read(rentals::nextExpiry);
    }

    /** The account's visible rental: not found for any other account's id. */
    private Rental mine(Tx tx, Principal principal, String id) {
        return rentals.findBare(tx, id).filter(rental -> visible(tx, principal, rental))
                .orElseThrow(() -> DomainException.notFound("Rental " + id));
    }

    private Rental full(Tx tx, Rental bare) {
        return rentals.find(tx, bare.id()).orElseThrow();
    }

    private boolean visible(Tx tx, Principal principal, Rental rental) {
        return rental.accountId().equals(principal.accountId())
                || accounts.find(tx, rental.accountId()).map(a -> accounts.canSee(tx, principal, a)).orElse(false);
    }

    private Rental end(Tx tx, Rental rental, RentalStatus status, boolean refund, String eventType, String note,
                       RentalChange change) {
        Instant now = clock.instant();
        long refunded = 0;
        // What support already gave back (an adjustment) is not given twice.
        long left = refund ? ledger.refundable(tx, rental) : 0;
        if (left > 0) {
            ledger.refund(tx, rental.accountId(), left, rental.id(), rental.keyId(), Days.of(rental.createdAt()), note);
            refunded = left;
        }
        Rental ended = withStatus(rental, status, now, refunded);
        rentals.update(tx, ended);
        numbers.release(tx, rental.id());
        sources.rentalChanged(tx, ended, change);
        Rental full = rentals.find(tx, rental.id()).orElseThrow();
        publish(tx, eventType, full);
        return full;
    }

    void publish(Tx tx, String type, Rental rental) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("rental_id", rental.id());
        payload.put("status", rental.status().toString());
        payload.put("rental", Wire.rental(rental));
        events.publish(tx, rental.accountId(), type, rental.id(), payload);
        if (!type.equals("rental.updated") && !type.equals("rental.created")) {
            // Live views follow one event per change of a rental; the named event is for webhooks.
            events.publish(tx, rental.accountId(), "rental.updated", rental.id(), payload);
        }
    }

    /**
     * A code for an open rental, from an SMS or a support correction: the rental is {@code received}
     * (since its first code), shows this code, and {@code rental.code_received} goes out to the
     * account's webhooks and streams.
     */
    public Rental codeArrived(Tx tx, Rental rental, Message message) {
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
        events.publish(tx, rental.accountId(), "rental.code_received", rental.id(), payload);
        publish(tx, "rental.updated", updated);
        return updated;
    }

    static Rental withCode(Rental r, String code) {
        return new Rental(r.seq(), r.id(), r.accountId(), r.keyId(), r.service(), r.country(), r.carrier(), r.numberId(),
                r.phoneNumber(), r.priceMicros(), r.status(), code, r.createdAt(), r.expiresAt(), r.receivedAt(),
                r.endedAt(), r.refundedMicros(), r.messages());
    }

    static Rental withStatus(Rental r, RentalStatus status, Instant endedAt, long refundedMicros) {
        return new Rental(r.seq(), r.id(), r.accountId(), r.keyId(), r.service(), r.country(), r.carrier(), r.numberId(),
                r.phoneNumber(), r.priceMicros(), status, r.code(), r.createdAt(), r.expiresAt(), r.receivedAt(),
                endedAt, refundedMicros, r.messages());
    }
}
