package com.smsverifyo.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.store.Database;
import com.smsverifyo.store.NumberRepository;
import com.smsverifyo.store.PoolNumber;
import com.smsverifyo.store.Rental;
import com.smsverifyo.store.SourceRecord;
import com.smsverifyo.store.SourceRepository;
import com.smsverifyo.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS sources of the server: the plug-in types the process offers, the sources the owner
 * configured (stored, with their settings) and the running instance of each. A change commits
 * first; then, off the writer thread, the running source follows what is now stored
 * ({@link #reconcile}): started, restarted with new settings, or stopped once deleted.
 *
 * <p>A disabled source keeps running: its numbers get no new rentals, but SMS for the rentals
 * already open on them must still arrive (and a relay must still end its upstream rentals).
 *
 * <p>Only the server owner's admin keys see or change sources.
 */
public final class SourceRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourceRegistry.class);
    public static final int MAX_NAME = 100;

    /** A source to create. */
    public record NewSource(String type, String name, ObjectNode settings, boolean enabled) {
    }

    /** A change of a source; null fields stay as they are. {@code settings} is merged (RFC 7396). */
    public record Changes(String name, Boolean enabled, ObjectNode settings) {
    }

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final SourceRepository sources = new SourceRepository();
    private final NumberRepository numbers = new NumberRepository();
    private final Map<String, SourceType> types = new ConcurrentHashMap<>();
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    /** Why a source that should run could not start (its settings refused by its plug-in, say). */
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final ExecutorService lifecycle = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sms-sources");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean started;

    /** A source as it runs, with the stored record it was started from. */
    private record Running(SourceRecord source, SmsSource instance) {
    }
    private volatile boolean closed;

    public SourceRegistry(Database db, Clock clock, Ids ids) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
    }

    /** Offers a plug-in type in this process. */
    public SourceRegistry register(SourceType type) {
        types.put(type.type(), type);
        return this;
    }

    /** Keeps sources of {@code type} from running in this process (they stay configured): {@code why} says so. */
    public SourceRegistry hold(String type, String why) {
        held.put(type, why);
        return this;
    }

    public Optional<SourceType> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** Starts every enabled source; afterwards every committed change is followed at once. */
    public void start() {
        List<String> ids = db.read(tx -> sources.list(tx, null, 10_000)).stream().map(SourceRecord::id).toList();
        for (String id : ids) {
            reconcile(id);
        }
        started = true;
    }

    // --- the admin API ---------------------------------------------------------------------------

    public SourceRecord create(Tx tx, Principal principal, NewSource request, String serverUrl) {
        requireOwnerAdmin(principal);
        List<FieldError> errors = new ArrayList<>();
        SourceType type = types.get(request.type());
        if (type == null) {
            errors.add(FieldError.of("type", "'type' must be one of: "
                    + String.join(", ", types.keySet().stream().sorted().toList()) + "."));
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > MAX_NAME) {
            errors.add(FieldError.of("name", "'name' is required: 1 to " + MAX_NAME + " characters."));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        ObjectNode settings = type.check(new SourceSettings(request.settings(), serverUrl));
        Instant now = clock.instant();
        SourceRecord source = new SourceRecord(ids.next("src"), type.type(), request.name().strip(), request.enabled(),
                Json.text(settings), now, now);
        sources.insert(tx, source);
        tx.afterCommit(() -> follow(source.id()));
        return source;
    }

    public SourceRecord update(Tx tx, Principal principal, String id, Changes changes, String serverUrl) {
        requireOwnerAdmin(principal);
        SourceRecord source = find(tx, id);
        Instant now = clock.instant();
        SourceRecord updated = source;
        if (changes.name() != null) {
            if (changes.name().isBlank() || changes.name().length() > MAX_NAME) {
                throw DomainException.invalid("name", "'name' must be 1 to " + MAX_NAME + " characters.");
            }
            updated = updated.withName(changes.name().strip(), now);
        }
        if (changes.settings() != null) {
            SourceType type = requiredType(source);
            ObjectNode merged = SourceSettings.merged(settings(source), changes.settings(), type.secretSettings());
            updated = updated.withSettings(Json.text(type.check(new SourceSettings(merged, serverUrl))), now);
        }
        if (changes.enabled() != null) {
            updated = updated.withEnabled(changes.enabled(), now);
        }
        sources.update(tx, updated);
        boolean enabled = updated.enabled();
        tx.afterCommit(() -> {
            // The switch holds from the reply on: a disabled provider is asked for no further number
            // even before the background reconcile has run (its settings stay as they were, so that
            // reconcile still sees whether to restart it).
            running.computeIfPresent(id, (key, live) -> new Running(live.source().withEnabled(enabled, now),
                    live.instance()));
            follow(id);
        });
        return updated;
    }

    /**
     * Deletes a source and takes its numbers out of the pool. Refused while a rental is open on one
     * of its numbers, or a relay still has work upstream: nothing must be left half done.
     */
    public void delete(Tx tx, Principal principal, String id) {
        requireOwnerAdmin(principal);
        SourceRecord source = find(tx, id);
        long open = sources.countOpenRentals(tx, id);
        if (open > 0) {
            throw new DomainException(ErrorCode.CONFLICT, "This source still has " + open + " open rental"
                    + (open == 1 ? "" : "s") + "; disable it (no new rentals) and delete it once they have ended.")
                    .with("open_rentals", open);
        }
        Instant now = clock.instant();
        numbers.deleteOfSource(tx, source.id(), now);
        sources.delete(tx, source.id(), now);
        tx.afterCommit(() -> follow(id));
    }

    public SourceRecord get(Tx tx, Principal principal, String id) {
        requireOwnerAdmin(principal);
        return find(tx, id);
    }

    public List<SourceRecord> list(Tx tx, Principal principal, String afterId, int limit) {
        requireOwnerAdmin(principal);
        return sources.list(tx, afterId, limit);
    }

    /** The settings as the API shows them: secrets masked. */
    public ObjectNode shownSettings(SourceRecord source) {
        return SourceSettings.masked(settings(source),
                type(source.type()).map(SourceType::secretSettings).orElse(java.util.Set.of()));
    }

    public long numberCount(Tx tx, SourceRecord source) {
        return sources.countNumbers(tx, source.id());
    }

    public boolean inbound(SourceRecord source) {
        return type(source.type()).map(SourceType::inbound).orElse(false);
    }

    // --- running sources -------------------------------------------------------------------------

    public SourceHealth health(SourceRecord source) {
        Running live = running.get(source.id());
        if (!source.enabled()) {
            SourceHealth inner = live == null ? null : live.instance().health();
            return new SourceHealth(SourceHealth.Status.DISABLED, "Disabled: its numbers get no new rentals; SMS for "
                    + "rentals already open still arrive." + (inner == null ? "" : " " + inner.detail()),
                    inner == null ? null : inner.lastMessageAt());
        }
        if (live != null) {
            return live.instance().health();
        }
        if (!types.containsKey(source.type())) {
            return SourceHealth.of(SourceHealth.Status.STOPPED, "This server does not offer '" + source.type() + "' sources.");
        }
        String why = held.get(source.type());
        if (why != null) {
            return SourceHealth.of(SourceHealth.Status.STOPPED, why);
        }
        String failure = failures.get(source.id());
        return failure != null ? SourceHealth.of(SourceHealth.Status.DOWN, "It could not start: " + failure)
                : SourceHealth.of(SourceHealth.Status.STARTING, "Starting.");
    }

    /** The HTTP receiver of a running source of that type. */
    public Optional<InboundEndpoint> endpoint(String id, String type) {
        Running live = running.get(id);
        return live == null || !live.source().type().equals(type) ? Optional.empty() : live.instance().inboundEndpoint();
    }

    /** Whether a source of that type exists (enabled or not). */
    public boolean exists(String id, String type) {
        return db.read(tx -> sources.find(tx, id)).map(s -> s.type().equals(type)).orElse(false);
    }

    /** Running, enabled sources that hand out numbers themselves, oldest source first. */
    public List<NumberProvider> providers() {
        List<NumberProvider> found = new ArrayList<>();
        running.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                .filter(live -> live.source().enabled())
                .forEach(live -> live.instance().numberProvider().ifPresent(found::add));
        return found;
    }

    /** The type of a source (deleted or not), as numbers record where they come from. */
    String typeOf(Tx tx, String sourceId) {
        return sources.findAny(tx, sourceId).map(SourceRecord::type)
                .orElseThrow(() -> new IllegalStateException("no source " + sourceId));
    }

    /** Tells the type of the rental's number's source, in the transaction that changed the rental. */
    void rentalChanged(Tx tx, Rental rental, RentalChange change) {
        Optional<PoolNumber> number = numbers.find(tx, rental.numberId());
        if (number.isEmpty() || number.get().sourceId() == null) {
            return;
        }
        sources.findAny(tx, number.get().sourceId()).ifPresent(source -> type(source.type())
                .ifPresent(type -> type.rentalChanged(tx, source, rental, change)));
    }

    /** The kept settings of a source. */
    public static ObjectNode settings(SourceRecord source) {
        JsonNode tree = Json.tree(source.settings());
        return tree instanceof ObjectNode object ? object : Json.MAPPER.createObjectNode();
    }

    /** Refuses every key but the server owner's admin keys. */
    public static void requireOwnerAdmin(Principal principal) {
        principal.require(Scope.ADMIN);
        if (!principal.ownerAccount()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only the server owner's admin keys manage SMS sources and numbers.");
        }
    }

    private SourceRecord find(Tx tx, String id) {
        return sources.find(tx, id).orElseThrow(() -> DomainException.notFound("Source " + id));
    }

    private SourceType requiredType(SourceRecord source) {
        return type(source.type()).orElseThrow(() -> new DomainException(ErrorCode.CONFLICT,
                "This server does not offer '" + source.type() + "' sources; their settings cannot be changed here."));
    }

    /** After a committed change: bring the running instance in line, off the writer thread. */
    private void follow(String id) {
        if (!started || closed) {
            return;
        }
        lifecycle.execute(() -> reconcile(id));
    }

    /**
     * Brings the running instance in line with the stored source: a change of name or of
     * {@code enabled} alone keeps it running (a modem keeps its port); new settings restart it; a
     * deleted source stops.
     */
    private synchronized void reconcile(String id) {
        if (closed) {
            return;
        }
        Optional<SourceRecord> source = db.read(tx -> sources.find(tx, id));
        Running previous = running.get(id);
        if (previous != null && source.isPresent() && previous.source().settings().equals(source.get().settings())) {
            running.put(id, new Running(source.get(), previous.instance()));
            return;
        }
        if (previous != null) {
            running.remove(id);
            stopQuietly(id, previous.instance());
        }
        failures.remove(id);
        if (source.isEmpty() || held.containsKey(source.get().type())) {
            return;
        }
        SourceType type = types.get(source.get().type());
        if (type == null) {
            log.warn("source {} is of type '{}', which this server does not offer; it does not run", id, source.get().type());
            return;
        }
        try {
            SmsSource instance = type.create(source.get(), settings(source.get()));
            instance.start();
            running.put(id, new Running(source.get(), instance));
            log.info("SMS source {} ({}, '{}') started", id, type.type(), source.get().name());
        } catch (RuntimeException e) {
            failures.put(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            log.error("SMS source {} ({}) could not start", id, type.type(), e);
        }
    }

    private static void stopQuietly(String id, SmsSource source) {
        try {
            source.close();
            log.info("SMS source {} stopped", id);
        } catch (RuntimeException e) {
            log.warn("SMS source {} did not stop cleanly", id, e);
        }
    }

    /** Waits until every change committed so far is followed (tests, orderly shutdown). */
    public void awaitSettled() {
        try {
            lifecycle.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("sources did not settle", e);
        }
    }

    /** Stops every running source. */
    @Override
    public synchronized void close() {
        closed = true;
        lifecycle.shutdownNow();
        for (Map.Entry<String, Running> entry : Map.copyOf(running).entrySet()) {
            stopQuietly(entry.getKey(), entry.getValue().instance());
        }
        running.clear();
    }
}
