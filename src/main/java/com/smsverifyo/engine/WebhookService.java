package com.smsverifyo.engine;

import com.smsverifyo.store.Database;
import com.smsverifyo.store.Page;
import com.smsverifyo.store.StoredEvent;
import com.smsverifyo.store.Tx;
import com.smsverifyo.store.WebhookAttempt;
import com.smsverifyo.store.WebhookEndpoint;
import com.smsverifyo.store.WebhookEndpointRepository;
import com.smsverifyo.store.WebhookMessage;
import com.smsverifyo.store.WebhookMessageRepository;
import com.smsverifyo.store.WebhookMessageStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook endpoints and the durable outbox. An event that is stored gets its messages (one per
 * subscribed endpoint) in the same transaction ({@link #onEvent}), so a stored code is never
 * without its webhook; the {@link WebhookDispatcher} sends them and {@link #recordAttempt} writes
 * each outcome: delivered, retry later, or failed once the schedule runs out.
 */
public final class WebhookService {
    /** The events an endpoint can subscribe to (API.md "Webhooks"). */
    public static final List<String> EVENT_TYPES = List.of("rental.code_received", "rental.cancelled",
            "rental.expired", "rental.completed", "balance.low", "webhook.test");
    public static final String TEST = "webhook.test";
    public static final String DELIVERY_FAILED = "webhook.delivery_failed";
    public static final String DISABLED = "webhook.disabled";
    public static final int MAX_ENDPOINTS_PER_ACCOUNT = 50;
    public static final int MAX_DESCRIPTION = 200;
    /** How long the secret before a rotation keeps signing. */
    public static final Duration SECRET_GRACE = Duration.ofHours(24);

    /** An endpoint to register; {@code events} null means every event. */
    public record NewEndpoint(String accountId, UrlPolicy.CheckedUrl url, String description, List<String> events) {
    }

    /** A change to an endpoint; null fields stay as they are. */
    public record Changes(UrlPolicy.CheckedUrl url, String description, boolean clearDescription, List<String> events,
                          Boolean enabled) {
    }

    /** A message with every attempt made to deliver it. */
    public record Delivery(WebhookMessage message, List<WebhookAttempt> attempts) {
    }

    /** A message due now, with the endpoint it goes to. */
    record Outgoing(WebhookEndpoint endpoint, WebhookMessage message) {
    }

    /** How an attempt ended, as the dispatcher saw it. */
    enum Outcome { DELIVERED, FAILED, GONE }

    /** One attempt's result, written by {@link #recordAttempt}. */
    record AttemptResult(String messageId, Instant attemptedAt, Integer statusCode, long latencyMs, String error,
                         Duration retryAfter, Outcome outcome) {
    }

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final EventPublisher events;
    private final AccountService accounts;
    private final UrlPolicy policy;
    private final RetrySchedule schedule;
    private final Duration disableAfter;
    private final Signal work;
    private final WebhookEndpointRepository endpoints = new WebhookEndpointRepository();
    private final WebhookMessageRepository messages = new WebhookMessageRepository();
    private final AtomicLong failedMessages = new AtomicLong();
    private final AtomicLong disabledEndpoints = new AtomicLong();

    WebhookService(Database db, Clock clock, Ids ids, EventPublisher events, AccountService accounts, UrlPolicy policy,
                   RetrySchedule schedule, Duration disableAfter, Signal work) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.accounts = accounts;
        this.policy = policy;
        this.schedule = schedule;
        this.disableAfter = disableAfter;
        this.work = work;
        events.addTxHandler(this::onEvent);
    }

    /** Checks a URL against the URL policy; may use DNS, so call it before the write transaction. */
    public UrlPolicy.CheckedUrl checkUrl(String field, String url) {
        return policy.check(field, url);
    }

    /** Registers an endpoint of the principal's account or (admin) of one of its customers, with a new secret. */
    public WebhookEndpoint create(Tx tx, Principal principal, NewEndpoint request) {
        principal.require(Scope.ADMIN);
        String accountId = accounts.resolve(tx, principal, request.accountId());
        if (endpoints.countOf(tx, accountId) >= MAX_ENDPOINTS_PER_ACCOUNT) {
            throw new DomainException(ErrorCode.CONFLICT, "An account can have at most " + MAX_ENDPOINTS_PER_ACCOUNT
                    + " webhook endpoints; delete one first.");
        }
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(ids.next("whk"), accountId, request.url().url(),
                description(request.description()), eventTypes(request.events()), true, null, null,
                WebhookSigner.newSecret(), null, null, null, now, now);
        endpoints.insert(tx, endpoint);
        return endpoint;
    }

    /** The endpoints of one visible account (the caller's own when {@code accountId} is null), newest first. */
    public List<WebhookEndpoint> list(Tx tx, Principal principal, String accountId, String beforeId, int limit) {
        principal.require(Scope.ADMIN);
        return endpoints.list(tx, accounts.resolve(tx, principal, accountId), beforeId, limit);
    }

    /** The endpoint, if the principal may see it; anything else is 404. */
    public WebhookEndpoint get(Tx tx, Principal principal, String id) {
        principal.require(Scope.ADMIN);
        return endpoints.find(tx, id)
                .filter(endpoint -> accounts.find(tx, endpoint.accountId())
                        .map(account -> accounts.canSee(tx, principal, account)).orElse(false))
                .orElseThrow(() -> DomainException.notFound("Webhook " + id));
    }

    /** Changes URL, filter, description or enabled state; enabling sends what was held at once. */
    public WebhookEndpoint update(Tx tx, Principal principal, String id, Changes changes) {
        WebhookEndpoint endpoint = get(tx, principal, id);
        Instant now = clock.instant();
        String description = changes.clearDescription() ? null
                : changes.description() != null ? description(changes.description()) : endpoint.description();
        WebhookEndpoint updated = endpoint.withSettings(changes.url() != null ? changes.url().url() : endpoint.url(),
                description, changes.events() != null ? eventTypes(changes.events()) : endpoint.events(), now);
        if (Boolean.TRUE.equals(changes.enabled()) && !endpoint.enabled()) {
            updated = updated.enabled(now);
            // Messages held while it was disabled go out now, not at the retry they were waiting for.
            messages.bringForward(tx, endpoint.id(), now);
            tx.afterCommit(work::raise);
        } else if (Boolean.FALSE.equals(changes.enabled()) && endpoint.enabled()) {
            updated = updated.disabled("manual", now);
        }
        endpoints.update(tx, updated);
        return updated;
    }

    /** Deletes the endpoint, its messages (pending ones are not sent) and its attempts. */
    public void delete(Tx tx, Principal principal, String id) {
        endpoints.delete(tx, get(tx, principal, id).id());
    }

    /** A new secret; the old one keeps signing for {@link #SECRET_GRACE}. */
    public WebhookEndpoint rotateSecret(Tx tx, Principal principal, String id) {
        WebhookEndpoint endpoint = get(tx, principal, id);
        Instant now = clock.instant();
        WebhookEndpoint rotated = endpoint.withSecret(WebhookSigner.newSecret(), endpoint.secret(), now.plus(SECRET_GRACE), now);
        endpoints.update(tx, rotated);
        return rotated;
    }

    /** Queues a {@code webhook.test} message to this endpoint, whatever its event filter. */
    public WebhookMessage sendTest(Tx tx, Principal principal, String id) {
        WebhookEndpoint endpoint = requireEnabled(get(tx, principal, id), "send a test");
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TEST);
        body.put("webhook_id", endpoint.id());
        body.put("account_id", endpoint.accountId());
        body.put("created_at", Wire.time(now));
        WebhookMessage message = messages.insert(tx, new WebhookMessage(0, ids.next("msg"), endpoint.id(),
                endpoint.accountId(), null, TEST, null, Json.text(body), WebhookMessageStatus.PENDING, 0, 0, now, true,
                now, null));
        tx.afterCommit(work::raise);
        return message;
    }

    /** An endpoint's messages, newest first, with their attempts. */
    public Page<Delivery> deliveries(Tx tx, Principal principal, String endpointId, Long beforeSeq,
                                     WebhookMessageStatus status, int limit) {
        WebhookEndpoint endpoint = get(tx, principal, endpointId);
        List<WebhookMessage> page = messages.list(tx, endpoint.id(), beforeSeq, status, limit + 1);
        boolean more = page.size() > limit;
        List<WebhookMessage> shown = more ? page.subList(0, limit) : page;
        Map<String, List<WebhookAttempt>> attempts = messages.attempts(tx, shown.stream().map(WebhookMessage::id).toList());
        List<Delivery> deliveries = new ArrayList<>(shown.size());
        for (WebhookMessage message : shown) {
            deliveries.add(new Delivery(message, attempts.getOrDefault(message.id(), List.of())));
        }
        return new Page<>(deliveries, more ? shown.get(shown.size() - 1).seq() : null);
    }

    /** One message of the endpoint with its attempts; another endpoint's message is not found. */
    public Delivery delivery(Tx tx, Principal principal, String endpointId, String messageId) {
        WebhookMessage message = message(tx, get(tx, principal, endpointId), messageId);
        return new Delivery(message, messages.attempts(tx, List.of(message.id())).getOrDefault(message.id(), List.of()));
    }

    /**
     * Sends the same message (same {@code webhook-id}) again now. A message that had finished starts
     * the retry schedule over; a pending one is simply brought forward.
     */
    public WebhookMessage redeliver(Tx tx, Principal principal, String endpointId, String messageId) {
        WebhookEndpoint endpoint = requireEnabled(get(tx, principal, endpointId), "redeliver");
        WebhookMessage message = message(tx, endpoint, messageId);
        Instant now = clock.instant();
        int step = message.status() == WebhookMessageStatus.PENDING ? message.step() : 0;
        WebhookMessage again = new WebhookMessage(message.seq(), message.id(), message.endpointId(), message.accountId(),
                message.eventId(), message.eventType(), message.rentalId(), message.body(), WebhookMessageStatus.PENDING,
                step, message.attempts(), now, true, message.createdAt(), null);
        messages.updateState(tx, again);
        tx.afterCommit(work::raise);
        return again;
    }

    /** The outbox: runs in the transaction that stores {@code event}. */
    void onEvent(Tx tx, StoredEvent event) {
        if (!EVENT_TYPES.contains(event.type())) {
            return;
        }
        List<WebhookEndpoint> targets = endpoints.enabledOf(tx, event.accountId()).stream()
                .filter(endpoint -> endpoint.subscribes(event.type())).toList();
        if (targets.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (WebhookEndpoint endpoint : targets) {
            messages.insert(tx, new WebhookMessage(0, ids.next("msg"), endpoint.id(), endpoint.accountId(), event.id(),
                    event.type(), event.rentalId(), event.payload(), WebhookMessageStatus.PENDING, 0, 0,
                    now.plus(schedule.wait(0, null)), false, now, null));
        }
        tx.afterCommit(work::raise);
    }

    /** Enabled endpoints with messages due at {@code now}, the longest-waiting first. */
    List<String> endpointsWithDue(Tx tx, Instant now, int limit) {
        return messages.endpointsWithDue(tx, now, limit);
    }

    /** Up to {@code limit} messages of one endpoint due at {@code now}, with the endpoint as it is now. */
    List<Outgoing> due(Tx tx, String endpointId, Instant now, int limit) {
        Optional<WebhookEndpoint> endpoint = endpoints.find(tx, endpointId).filter(WebhookEndpoint::enabled);
        if (endpoint.isEmpty()) {
            return List.of();
        }
        return messages.due(tx, endpointId, now, limit).stream().map(m -> new Outgoing(endpoint.get(), m)).toList();
    }

    /** Writes one attempt's outcome: delivered, a retry at the next step, or failed (and told). */
    void recordAttempt(Tx tx, AttemptResult result) {
        Optional<WebhookMessage> found = messages.find(tx, result.messageId());
        if (found.isEmpty()) {
            return; // its endpoint was deleted meanwhile
        }
        WebhookMessage message = found.get();
        WebhookEndpoint endpoint = endpoints.find(tx, message.endpointId()).orElseThrow();
        Instant now = clock.instant();
        int attempts = message.attempts() + 1;
        if (result.outcome() == Outcome.DELIVERED) {
            messages.updateState(tx, state(message, WebhookMessageStatus.DELIVERED, message.step(), attempts, null, now));
            messages.insertAttempt(tx, new WebhookAttempt(0, message.id(), result.attemptedAt(), result.statusCode(),
                    result.latencyMs(), null, null, message.manual()));
            if (endpoint.failingSince() != null) {
                endpoints.update(tx, endpoint.withFailingSince(null));
            }
            return;
        }
        int step = message.step() + 1;
        boolean exhausted = step >= schedule.attempts();
        Instant next = exhausted ? null : now.plus(schedule.wait(step, result.retryAfter()));
        messages.updateState(tx, state(message, exhausted ? WebhookMessageStatus.FAILED : WebhookMessageStatus.PENDING,
                step, attempts, next, exhausted ? now : null));
        messages.insertAttempt(tx, new WebhookAttempt(0, message.id(), result.attemptedAt(), result.statusCode(),
                result.latencyMs(), result.error(), next, message.manual()));
        if (exhausted) {
            announceFailure(tx, endpoint, message, attempts, result, now);
        }
        WebhookEndpoint updated = endpoint.failingSince() == null ? endpoint.withFailingSince(result.attemptedAt()) : endpoint;
        if (updated.enabled() && result.outcome() == Outcome.GONE) {
            updated = disable(tx, updated, "gone", "The receiver answered 410 Gone.", now);
        } else if (updated.enabled() && !now.isBefore(updated.failingSince().plus(disableAfter))) {
            updated = disable(tx, updated, "failing", "Every attempt since " + Wire.time(updated.failingSince())
                    + " failed.", now);
        }
        if (updated != endpoint) {
            endpoints.update(tx, updated);
        }
    }

    /** Forgets delivered and failed messages created before {@code cutoff}; returns how many. */
    public int purgeFinished(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = db.write(tx -> messages.deleteFinishedBefore(tx, cutoff, 1000));
            total += deleted;
        } while (deleted == 1000);
        return total;
    }

    /** Messages waiting for delivery, held ones of disabled endpoints included. */
    public long pendingMessages() {
        return db.read(messages::countPending);
    }

    /** Messages whose retries ran out, since this process started. */
    public long failedMessages() {
        return failedMessages.get();
    }

    /** Endpoints disabled automatically (410, or failing for too long), since this process started. */
    public long disabledEndpoints() {
        return disabledEndpoints.get();
    }

    private void announceFailure(Tx tx, WebhookEndpoint endpoint, WebhookMessage message, int attempts,
                                 AttemptResult result, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("webhook_id", endpoint.id());
        payload.put("message_id", message.id());
        payload.put("event_type", message.eventType());
        payload.put("event_id", message.eventId());
        payload.put("rental_id", message.rentalId());
        payload.put("url", endpoint.url());
        payload.put("attempts", attempts);
        payload.put("last_status_code", result.statusCode());
        payload.put("last_error", result.error());
        payload.put("failed_at", Wire.time(now));
        events.publish(tx, endpoint.accountId(), DELIVERY_FAILED, message.rentalId(), payload);
        tx.afterCommit(failedMessages::incrementAndGet);
    }

    private WebhookEndpoint disable(Tx tx, WebhookEndpoint endpoint, String reason, String detail, Instant now) {
        WebhookEndpoint disabled = endpoint.disabled(reason, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("webhook_id", endpoint.id());
        payload.put("url", endpoint.url());
        payload.put("reason", reason);
        payload.put("detail", detail);
        payload.put("disabled_at", Wire.time(now));
        events.publish(tx, endpoint.accountId(), DISABLED, null, payload);
        tx.afterCommit(disabledEndpoints::incrementAndGet);
        return disabled;
    }

    private static WebhookMessage state(WebhookMessage m, WebhookMessageStatus status, int step, int attempts,
                                        Instant next, Instant finishedAt) {
        return new WebhookMessage(m.seq(), m.id(), m.endpointId(), m.accountId(), m.eventId(), m.eventType(),
                m.rentalId(), m.body(), status, step, attempts, next, false, m.createdAt(), finishedAt);
    }

    private WebhookMessage message(Tx tx, WebhookEndpoint endpoint, String messageId) {
        return messages.find(tx, messageId).filter(m -> m.endpointId().equals(endpoint.id()))
                .orElseThrow(() -> DomainException.notFound("Webhook message " + messageId));
    }

    private static WebhookEndpoint requireEnabled(WebhookEndpoint endpoint, String what) {
        if (!endpoint.enabled()) {
            throw new DomainException(ErrorCode.CONFLICT, "Webhook " + endpoint.id() + " is disabled; enable it "
                    + "(PATCH {\"enabled\": true}) to " + what + ".");
        }
        return endpoint;
    }

    /** The event filter: known types, each once; none given means every event. */
    static List<String> eventTypes(List<String> requested) {
        if (requested == null) {
            return EVENT_TYPES;
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            if (!EVENT_TYPES.contains(type)) {
                throw DomainException.invalid("events", "'events' may only name: " + String.join(", ", EVENT_TYPES) + ".");
            }
            types.add(type);
        }
        if (types.isEmpty()) {
            throw DomainException.invalid("events", "'events' must name at least one event; leave it out for every event.");
        }
        return List.copyOf(types);
    }

    private static String description(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_DESCRIPTION) {
            throw DomainException.invalid("description", "'description' must be at most " + MAX_DESCRIPTION + " characters.");
        }
        return text.strip();
    }
}
