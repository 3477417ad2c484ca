package com.smsverifyo.sources.relay;

import com.smsverifyo.client.ApiException;
import com.smsverifyo.client.ConflictException;
import com.smsverifyo.client.IdempotencyConflictException;
import com.smsverifyo.client.MalformedResponseException;
import com.smsverifyo.client.Message;
import com.smsverifyo.client.NotFoundException;
import com.smsverifyo.client.RentalStatus;
import com.smsverifyo.client.RequestOptions;
import com.smsverifyo.client.ServerException;
import com.smsverifyo.client.SmsVerifyoException;
import com.smsverifyo.engine.InboundMessageService;
import com.smsverifyo.store.RelayRental;
import com.smsverifyo.store.RelayRepository;
import com.smsverifyo.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's background work, on one thread, every quarter second and whenever woken:
 * <ul>
 * <li>registers the webhook upstream (until it works, once a minute);</li>
 * <li>finishes what a crash left half done: an entry still {@code reserving} is asked again with
 *     its Idempotency-Key (so the upstream answers with the rental it made, if it made one) and that
 *     rental is cancelled; an entry {@code reserved} but never attached is cancelled;</li>
 * <li>ends upstream rentals whose local rental ended ({@code closing}): cancel, report or finish,
 *     each with its own Idempotency-Key, retried with backoff while the upstream is away;</li>
 * <li>reads open rentals upstream (at once when a webhook says something happened, else every poll
 *     interval) and hands every new message to the engine once; a rental the upstream ended while
 *     the local one still waits is cancelled here with a full refund, in one transaction with its
 *     journal entry.</li>
 * </ul>
 * Pacing (backoff, poll times) follows the wall clock: it paces network calls, not business time.
 */
final class RelayWorker {
    private static final Logger log = LoggerFactory.getLogger(RelayWorker.class);
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final Duration WEBHOOK_RETRY = Duration.ofMinutes(1);

    private final UpstreamSource source;
    private final RelayJournal journal;
    private final RelayRepository entries = new RelayRepository();
    private final Clock wall = Clock.systemUTC();
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
    private final Map<String, Instant> polledAt = new ConcurrentHashMap<>();
    private final Set<String> syncNow = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread worker = new Thread(runnable, "relay-worker");
        worker.setDaemon(true);
        return worker;
    });
    private volatile Instant webhookTriedAt = Instant.EPOCH;
    private volatile String webhookProblem;

    RelayWorker(UpstreamSource source) {
        this.source = source;
        this.journal = source.journal();
    }

    void start() {
        thread.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a round now (a rental just ended, a reservation was given back). */
    void wake() {
        if (!thread.isShutdown()) {
            thread.execute(this::tick);
        }
    }

    /** Reads this entry's rental upstream now (a webhook said something happened to it). */
    void syncSoon(String entryId) {
        syncNow.add(entryId);
        wake();
    }

    /** Asks the upstream for another SMS on an entry's rental, off the caller's thread. */
    void retry(RelayRental entry) {
        if (thread.isShutdown()) {
            return;
        }
        thread.execute(() -> {
            try {
                source.client().rentals().retry(entry.upstreamRentalId(),
                        RequestOptions.idempotencyKey(entry.id() + ":retry:" + wall.millis()));
            } catch (SmsVerifyoException e) {
                // Nothing to undo: the upstream rental keeps waiting or holds its code, and the next sync reads it.
                log.info("relay {}: upstream retry of {} not done: {}", source.sourceId(), entry.upstreamRentalId(),
                        e.getMessage());
            }
        });
    }

    /** Why the webhook is not registered, if it is not. */
    String webhookProblem() {
        return webhookProblem;
    }

    private void tick() {
        try {
            registerWebhook();
            for (RelayRental entry : journal.inState(RelayRental.State.RESERVING)) {
                if (ready(entry)) {
                    recover(entry);
                }
            }
            for (RelayRental entry : journal.inState(RelayRental.State.RESERVED)) {
                // The list was read before this check: a request may have attached the entry and left
                // since, so the change is made only if the entry is still merely reserved.
                if (!source.inFlight(entry.id())) {
                    journal.giveBack(entry.id());
                }
            }
            for (RelayRental entry : journal.inState(RelayRental.State.CLOSING)) {
                if (ready(entry)) {
                    close(entry);
                }
            }
            for (RelayRental entry : journal.inState(RelayRental.State.ACTIVE)) {
                if (syncNow.remove(entry.id()) || pollDue(entry)) {
                    sync(entry);
                }
            }
        } catch (StoreException e) {
            log.warn("relay {}: the database refused a change; the next round tries again", source.sourceId(), e);
        } catch (RuntimeException e) {
            log.error("relay {}: unexpected failure in the worker", source.sourceId(), e);
        }
    }

    private void registerWebhook() {
        UpstreamWebhook webhook = source.webhook();
        if (webhook.url() == null || webhook.verifier().isPresent()
                || wall.instant().isBefore(webhookTriedAt.plus(WEBHOOK_RETRY))) {
            return;
        }
        webhookTriedAt = wall.instant();
        try {
            webhook.register(source.client());
            webhookProblem = null;
            log.info("relay {}: webhook registered upstream for {}", source.sourceId(), webhook.url());
        } catch (SmsVerifyoException e) {
            webhookProblem = e.getMessage();
            log.warn("relay {}: webhook not registered upstream ({}); polling instead", source.sourceId(), e.getMessage());
        }
    }

    /** A reservation whose outcome a crash (or a lost answer) hid: asked again, and given back. */
    private void recover(RelayRental entry) {
        try {
            com.smsverifyo.client.Rental rental = source.client().rentals().create(UpstreamSource.newRental(
                    entry.service(), entry.country(), entry.carrier(), entry.maxPriceMicros()),
                    RequestOptions.idempotencyKey(entry.id()));
            // One write: the entry never shows as a plain reservation between the two states.
            journal.recoveredToGiveBack(entry.id(), rental.id(), rental.phoneNumber(), rental.expiresAt());
            log.info("relay {}: reservation {} had no local rental; cancelling upstream rental {}", source.sourceId(),
                    entry.id(), rental.id());
            source.succeeded();
        } catch (IdempotencyConflictException e) {
            backoff(entry, e);
        } catch (ServerException | MalformedResponseException e) {
            backoff(entry, e);
        } catch (ApiException refused) {
            journal.finish(entry.id(), RelayRental.State.FAILED, "upstream refused: " + refused.code());
        } catch (SmsVerifyoException e) {
            source.unreachable(e);
            backoff(entry, e);
        }
    }

    /** Ends the upstream rental of a local rental that ended. */
    private void close(RelayRental entry) {
        String upstream = entry.upstreamRentalId();
        try {
            sync(entry); // a message that raced the end still reaches the local rental (as a late one)
            RequestOptions key = RequestOptions.idempotencyKey(entry.id() + ":" + entry.closeAction());
            switch (entry.closeAction()) {
                case FINISH -> source.client().rentals().finish(upstream, key);
                case REPORT -> source.client().rentals().report(upstream, key);
                default -> source.client().rentals().cancel(upstream, key);
            }
            journal.finish(entry.id(), RelayRental.State.CLOSED, null);
            source.succeeded();
        } catch (ConflictException e) {
            // Not cancellable: a code came upstream meanwhile (the late message reached the local rental).
            // Finish it so the upstream releases the number; either way nothing more is ours to do.
            finishQuietly(upstream, entry);
            journal.finish(entry.id(), RelayRental.State.CLOSED, "upstream: " + e.code());
        } catch (NotFoundException e) {
            journal.finish(entry.id(), RelayRental.State.CLOSED, "upstream: " + e.code());
        } catch (SmsVerifyoException e) {
            if (!(e instanceof ApiException)) {
                source.unreachable(e);
            }
            backoff(entry, e);
        }
    }

    private void finishQuietly(String upstream, RelayRental entry) {
        try {
            source.client().rentals().finish(upstream, RequestOptions.idempotencyKey(entry.id() + ":finish"));
        } catch (SmsVerifyoException e) {
            // Already ended there.
        }
    }

    /** Reads the upstream rental: new messages in, and an end upstream is an end here. */
    private void sync(RelayRental entry) {
        polledAt.put(entry.id(), wall.instant());
        com.smsverifyo.client.Rental rental;
        try {
            rental = source.client().rentals().get(entry.upstreamRentalId());
            source.succeeded();
        } catch (NotFoundException e) {
            endLocally(entry, "the upstream no longer knows rental " + entry.upstreamRentalId());
            return;
        } catch (SmsVerifyoException e) {
            if (!(e instanceof ApiException)) {
                source.unreachable(e);
            }
            return;
        }
        for (Message message : rental.messages()) {
            InboundMessageService.Inbound inbound = new InboundMessageService.Inbound(entry.phoneNumber(), message.from(),
                    message.text(), source.sourceId(), message.receivedAt());
            if (source.engine().inbound().receiveOnce(inbound,
                    new InboundMessageService.Receipt(source.sourceId(), "msg:" + message.id())).isPresent()) {
                source.delivered();
            }
        }
        if ((rental.status() == RentalStatus.CANCELLED || rental.status() == RentalStatus.EXPIRED)
                && entry.state() == RelayRental.State.ACTIVE) {
            endLocally(entry, "the upstream " + rental.status().toString().toLowerCase(java.util.Locale.ROOT)
                    + " its rental");
        }
    }

    /**
     * The upstream let the number go while the local rental still waits: the local rental is
     * cancelled with a full refund, in the transaction that closes the journal entry.
     */
    private void endLocally(RelayRental entry, String why) {
        source.engine().db().write(tx -> {
            RelayRental now = entries.find(tx, entry.id()).orElseThrow();
            if (now.state() != RelayRental.State.ACTIVE) {
                return null;
            }
            entries.finish(tx, entry.id(), RelayRental.State.CLOSED, why, source.engine().clock().instant());
            source.engine().rentals().endForSource(tx, entry.rentalId(), "cancelled: " + why);
            return null;
        });
        log.info("relay {}: {}; local rental {} ended", source.sourceId(), why, entry.rentalId());
    }

    private boolean ready(RelayRental entry) {
        return !source.inFlight(entry.id()) && !wall.instant().isBefore(notBefore.getOrDefault(entry.id(), Instant.EPOCH));
    }

    private boolean pollDue(RelayRental entry) {
        Duration every = source.webhook().verifier().isPresent()
                ? source.settings().pollInterval().multipliedBy(4) : source.settings().pollInterval();
        return !wall.instant().isBefore(polledAt.getOrDefault(entry.id(), Instant.EPOCH).plus(every));
    }

    private void backoff(RelayRental entry, SmsVerifyoException e) {
        journal.failedAttempt(entry.id(), e.getMessage());
        long delay = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(entry.attempts(), 10));
        notBefore.put(entry.id(), wall.instant().plusMillis(delay));
    }
}
