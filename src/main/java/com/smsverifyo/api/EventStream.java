package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.EventPublisher;
import com.smsverifyo.engine.FieldError;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.store.StoredEvent;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/events}: the live event stream (Server-Sent Events), scoped to what the key may see.
 * Each event carries its log
 * sequence as {@code id}, its type as {@code event} and its payload as {@code data}. A client that
 * reconnects with {@code Last-Event-ID} (or {@code ?last_event_id=}) first gets what it missed
 * from the stored log, then the live events, none twice and none lost: a session subscribes before
 * it reads the log, buffers what arrives meanwhile, and drops anything at or below the last
 * sequence it sent.
 */
final class EventStream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    /** What the stream carries (the named end events of a rental are for webhooks; rental.updated follows every change). */
    static final Set<String> TYPES = Set.of("rental.created", "rental.updated", "rental.code_received", "balance.low",
            "webhook.delivery_failed", "webhook.disabled");
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int REPLAY_PAGE = 500;
    /** A client this far behind is dropped; it resumes from the log when it reconnects. */
    private static final int BUFFER = 10_000;
    private static final StoredEvent END = new StoredEvent(-1, "", "", "", null, "", null);

    private final Engine engine;
    private final Duration heartbeat;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final EventPublisher.Listener listener = this::onEvent;
    private volatile boolean closed;

    EventStream(Engine engine) {
        this(engine, HEARTBEAT);
    }

    EventStream(Engine engine, Duration heartbeat) {
        this.engine = engine;
        this.heartbeat = heartbeat;
        engine.events().subscribe(listener);
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/events", this::open);
    }

    int sessions() {
        return sessions.size();
    }

    private void open(Context ctx) {
        Principal principal = Auth.principal(ctx);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new DomainException(ErrorCode.NOT_ACCEPTABLE,
                    "GET /v1/events is a Server-Sent Events stream; send 'Accept: text/event-stream'.");
        }
        Long resumeAfter = lastEventId(ctx);
        if (closed) {
            throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "The server is stopping; reconnect shortly.");
        }
        Set<String> accounts = Set.copyOf(engine.db().read(tx -> engine.accounts().visibleIds(tx, principal)));
        Session session = new Session(accounts, principal.has(Scope.ADMIN), ctx.header("Authorization"));
        // Subscribe before reading the log, so nothing committed from now on can be missed.
        sessions.add(session);
        long last = engine.events().lastSeq();
        long start = resumeAfter == null ? last : Math.min(resumeAfter, last);
        try {
            new SseHandler(client -> session.run(client, start)).handle(ctx);
        } catch (RuntimeException e) {
            sessions.remove(session);
            throw e;
        }
    }

    private void onEvent(StoredEvent event) {
        if (!TYPES.contains(event.type())) {
            return;
        }
        for (Session session : sessions) {
            if (session.sees(event)) {
                session.offer(event);
            }
        }
    }

    /** {@code Last-Event-ID} header, or {@code ?last_event_id=} for clients that cannot set headers. */
    private static Long lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        String value = header != null && !header.isBlank() ? header : ctx.queryParam("last_event_id");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String detail = "'Last-Event-ID' must be the id of an event this stream sent (a whole number).";
        throw new DomainException(ErrorCode.INVALID_REQUEST, detail,
                List.of(new FieldError("#/headers/Last-Event-ID", detail)), Map.of());
    }

    /** Ends every stream (clients reconnect and resume), so a graceful stop is not held up by them. */
    @Override
    public void close() {
        closed = true;
        engine.events().unsubscribe(listener);
        for (Session session : sessions) {
            session.end();
        }
    }

    /** One connected client: its buffer and the loop that writes to it. */
    private final class Session {
        private final Set<String> accounts;
        private final boolean admin;
        private final String authorization;
        private final BlockingQueue<StoredEvent> buffer = new ArrayBlockingQueue<>(BUFFER);
        private volatile boolean overflowed;

        Session(Set<String> accounts, boolean admin, String authorization) {
            this.accounts = accounts;
            this.admin = admin;
            this.authorization = authorization;
        }

        /** Its accounts' events; webhook notices only for admin keys, as webhooks are admin business. */
        boolean sees(StoredEvent event) {
            return TYPES.contains(event.type()) && accounts.contains(event.accountId())
                    && (admin || !event.type().startsWith("webhook."));
        }

        void offer(StoredEvent event) {
            if (!buffer.offer(event)) {
                overflowed = true;
            }
        }

        void end() {
            buffer.clear();
            buffer.offer(END);
        }

        /** Replays the log after {@code start}, then follows live events; runs on Javalin's async thread. */
        void run(SseClient client, long start) {
            try {
                long sent = replay(client, start);
                while (!client.terminated() && !closed && !overflowed) {
                    StoredEvent event = buffer.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                    if (event == END) {
                        break;
                    }
                    if (event == null) {
                        if (!stillAuthorized()) {
                            break;
                        }
                        client.sendComment("heartbeat");
                        continue;
                    }
                    if (event.seq() > sent) {
                        send(client, event);
                        sent = event.seq();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.debug("event stream ended: {}", e.getMessage());
            } finally {
                sessions.remove(this);
                client.close();
            }
        }

        private long replay(SseClient client, long start) {
            long sent = start;
            List<StoredEvent> page;
            do {
                page = engine.events().since(sent, accounts, REPLAY_PAGE);
                for (StoredEvent event : page) {
                    if (client.terminated()) {
                        return sent;
                    }
                    if (sees(event)) {
                        send(client, event);
                    }
                    sent = event.seq();
                }
            } while (page.size() == REPLAY_PAGE);
            return sent;
        }

        private void send(SseClient client, StoredEvent event) {
            client.sendEvent(event.type(), event.payload(), Long.toString(event.seq()));
        }

        /** A key revoked while its stream is open loses the stream at the next heartbeat. */
        private boolean stillAuthorized() {
            try {
                engine.keys().authenticate(authorization);
                return true;
            } catch (DomainException e) {
                return false;
            }
        }
    }
}
