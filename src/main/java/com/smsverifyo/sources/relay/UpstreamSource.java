package com.smsverifyo.sources.relay;

import com.smsverifyo.client.ApiException;
import com.smsverifyo.client.Carrier;
import com.smsverifyo.client.Event;
import com.smsverifyo.client.MalformedResponseException;
import com.smsverifyo.client.NewRental;
import com.smsverifyo.client.RateLimitedException;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RequestOptions;
import com.smsverifyo.client.RetryPolicy;
import com.smsverifyo.client.ServerException;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.client.SmsVerifyoException;
import com.smsverifyo.client.WebhookVerificationException;
import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.InboundEndpoint;
import com.smsverifyo.engine.Money;
import com.smsverifyo.engine.NumberProvider;
import com.smsverifyo.engine.SmsSource;
import com.smsverifyo.engine.SourceHealth;
import com.smsverifyo.store.NumberType;
import com.smsverifyo.store.RelayRental;
import com.smsverifyo.store.RelayRepository;
import com.smsverifyo.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upstream SMSVerifyo-compatible server as a source of numbers. When the local pool has no
 * number for a request, {@link #reserve} rents one upstream, under a journal entry written first
 * (its id is the upstream Idempotency-Key); the engine charges the customer only in the transaction
 * that {@linkplain #attach attaches} that upstream rental, and {@link #settle} gives back one that
 * was never attached. Everything after that (codes coming back, cancelling or finishing upstream
 * when the local rental ends, recovering from a crash at any point) is {@link RelayWorker}'s.
 */
final class UpstreamSource implements SmsSource, NumberProvider, InboundEndpoint {
    private static final Logger log = LoggerFactory.getLogger(UpstreamSource.class);

    private final Engine engine;
    private final String sourceId;
    private final UpstreamSettings settings;
    private final SmsVerifyoClient client;
    private final RelayJournal journal;
    private final UpstreamWebhook webhook;
    private final RelayWorker worker;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Clock wall = Clock.systemUTC();
    private volatile Instant busyUntil = Instant.EPOCH;
    private volatile String lastProblem;
    private volatile Instant lastProblemAt;
    private volatile boolean reachable = true;
    private volatile Instant lastMessageAt;

    UpstreamSource(Engine engine, String sourceId, UpstreamSettings settings) {
        this.engine = engine;
        this.sourceId = sourceId;
        this.settings = settings;
        this.client = SmsVerifyoClient.builder().baseUrl(settings.baseUrl()).apiKey(settings.apiKey())
                .connectTimeout(min(settings.requestTimeout(), Duration.ofSeconds(5)))
                .readTimeout(settings.requestTimeout()).writeTimeout(settings.requestTimeout())
                // A customer waits on the first call: one quick retry at most, and a short wait for quota.
                .retryPolicy(new RetryPolicy(1, Duration.ofMillis(200), Duration.ofSeconds(1), 1, Duration.ofSeconds(2),
                        10, Duration.ofMillis(200)))
                .useEventStream(false).userAgent("smsverifyo-relay").build();
        this.journal = new RelayJournal(engine, sourceId);
        this.webhook = new UpstreamWebhook(engine, sourceId, settings.useWebhook() ? settings.callbackBaseUrl() : null);
        this.worker = new RelayWorker(this);
    }

    String sourceId() {
        return sourceId;
    }

    Engine engine() {
        return engine;
    }

    UpstreamSettings settings() {
        return settings;
    }

    SmsVerifyoClient client() {
        return client;
    }

    RelayJournal journal() {
        return journal;
    }

    UpstreamWebhook webhook() {
        return webhook;
    }

    /** Journal entries a request of this process is working on right now (the worker leaves them alone). */
    boolean inFlight(String entryId) {
        return inFlight.contains(entryId);
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void close() {
        worker.close();
        client.close();
    }

    @Override
    public Optional<NumberProvider> numberProvider() {
        return Optional.of(this);
    }

    @Override
    public Optional<InboundEndpoint> inboundEndpoint() {
        return Optional.of(this);
    }

    /** Runs the worker's round now (a local rental ended). */
    void wake() {
        worker.wake();
    }

    /** The local customer asked for another SMS: so does the relay, upstream (best effort). */
    void retryUpstream(RelayRental entry) {
        worker.retry(entry);
    }

    // --- handing out numbers -----------------------------------------------------------------------

    @Override
    public boolean serves(String service, String country) {
        return settings.serves(service, country);
    }

    @Override
    public Optional<ProvidedNumber> reserve(NumberRequest request) {
        if (wall.instant().isBefore(busyUntil)) {
            throw busy();
        }
        String id = engine.ids().next("rly");
        Long cap = settings.maxPriceMicros() != null ? settings.maxPriceMicros() : Long.valueOf(request.priceMicros());
        inFlight.add(id);
        boolean held = false;
        try {
            journal.reserving(id, request.service(), request.country(), request.carrier().toString(), cap);
            Rental rental = client.rentals().create(newRental(request.service(), request.country(),
                    request.carrier().toString(), cap), RequestOptions.idempotencyKey(id));
            journal.reserved(id, rental.id(), rental.phoneNumber(), rental.expiresAt());
            succeeded();
            held = true;
            return Optional.of(new ProvidedNumber(sourceId, id, rental.phoneNumber(), rental.country(),
                    request.carrier() == com.smsverifyo.store.Carrier.MOBILE ? NumberType.MOBILE : NumberType.VOIP,
                    rental.expiresAt()));
        } catch (RateLimitedException e) {
            busyUntil = wall.instant().plus(e.retryAfter());
            journal.finish(id, RelayRental.State.FAILED, "upstream rate limit: retry after " + e.retryAfter().toSeconds() + " s");
            problem("the upstream's rate limit was reached; renting there again after " + e.retryAfter().toSeconds() + " s");
            throw busy();
        } catch (ServerException | MalformedResponseException e) {
            // The upstream may or may not have rented: the worker asks again with the same key and gives back what it got.
            problem("the upstream failed (" + e.status() + " " + e.code() + ")");
            throw unavailable();
        } catch (ApiException e) {
            // A refusal (no numbers, its price above our cap, our balance there, our key): nothing was rented.
            journal.finish(id, RelayRental.State.FAILED, "upstream refused: " + e.code());
            if (!e.code().equals("no_numbers_available")) {
                problem("the upstream refused to rent: " + e.code() + " (" + e.detail() + ")");
            }
            return Optional.empty();
        } catch (SmsVerifyoException e) {
            unreachable(e);
            throw unavailable();
        } finally {
            if (!held) {
                inFlight.remove(id);
            }
        }
    }

    @Override
    public void attach(Tx tx, ProvidedNumber number, com.smsverifyo.store.Rental rental) {
        if (!new RelayRepository().attach(tx, number.reference(), rental.id(), engine.clock().instant())) {
            throw new IllegalStateException("relay entry " + number.reference() + " is no longer reserved");
        }
    }

    @Override
    public void settle(ProvidedNumber number) {
        try {
            // The local rental was not created (an attached entry is no longer 'reserved' and stays as it is):
            // the upstream one is given back.
            if (journal.giveBack(number.reference())) {
                worker.wake();
            }
        } catch (RuntimeException e) {
            // The entry is still 'reserved'; the worker gives it back once no request holds it.
            log.warn("relay {}: could not settle {} now; the worker will", sourceId, number.reference(), e);
        } finally {
            inFlight.remove(number.reference());
        }
    }

    static NewRental newRental(String service, String country, String carrier, Long capMicros) {
        NewRental request = new NewRental(service, country, "mobile".equals(carrier) ? Carrier.MOBILE : Carrier.ANY,
                null);
        return capMicros == null ? request : request.maxPrice(Money.toUsd(capMicros));
    }

    // --- the upstream's webhooks -------------------------------------------------------------------

    @Override
    public Map<String, Object> receive(InboundRequest request) {
        Event event;
        try {
            event = webhook.verifier().orElseThrow(() -> new DomainException(ErrorCode.SERVICE_UNAVAILABLE,
                    "This relay has no webhook registered upstream yet.")).verify(request.body(), request.headers());
        } catch (WebhookVerificationException e) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "The delivery does not verify: " + e.getMessage());
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        Optional<RelayRental> entry = event.rentalId().flatMap(journal::byUpstream);
        if (entry.isEmpty()) {
            reply.put("status", "ignored");
            return reply;
        }
        worker.syncSoon(entry.get().id());
        reply.put("status", "accepted");
        return reply;
    }

    // --- health --------------------------------------------------------------------------------------

    @Override
    public SourceHealth health() {
        long closing = journal.count(RelayRental.State.CLOSING);
        String how = webhook.verifier().isPresent() ? "codes come by webhook"
                : "codes come by polling every " + settings.pollInterval().toSeconds() + " s"
                + (worker.webhookProblem() == null ? "" : " (webhook: " + worker.webhookProblem() + ")");
        String detail = "Relaying from " + settings.baseUrl() + "; " + how + "."
                + (closing == 0 ? "" : " " + closing + " upstream rental" + (closing == 1 ? "" : "s") + " still to end.");
        if (!reachable) {
            return new SourceHealth(SourceHealth.Status.DOWN, detail + " The upstream cannot be reached: " + lastProblem,
                    lastMessageAt);
        }
        Instant since = lastProblemAt;
        if (since != null && since.isAfter(wall.instant().minus(Duration.ofMinutes(5)))) {
            return new SourceHealth(SourceHealth.Status.DEGRADED, detail + " Last problem: " + lastProblem + ".",
                    lastMessageAt);
        }
        return new SourceHealth(webhook.verifier().isPresent() || !settings.useWebhook()
                ? SourceHealth.Status.OK : SourceHealth.Status.DEGRADED, detail, lastMessageAt);
    }

    void succeeded() {
        reachable = true;
    }

    void problem(String what) {
        lastProblem = what;
        lastProblemAt = wall.instant();
        log.warn("relay {}: {}", sourceId, what);
    }

    void unreachable(SmsVerifyoException e) {
        reachable = false;
        problem(e.getMessage());
    }

    void delivered() {
        lastMessageAt = engine.clock().instant();
    }

    private static DomainException unavailable() {
        return new DomainException(ErrorCode.SERVICE_UNAVAILABLE,
                "The number supplier could not be reached; nothing was charged. Retry with the same Idempotency-Key.");
    }

    private static DomainException busy() {
        return new DomainException(ErrorCode.SERVICE_UNAVAILABLE,
                "The number supplier is busy; nothing was charged. Retry in a moment.");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
