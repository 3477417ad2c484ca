package com.smsverifyo.engine;

import com.smsverifyo.store.Database;
import com.smsverifyo.store.EventRepository;
import com.smsverifyo.store.StoredEvent;
import com.smsverifyo.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events to the event log in the same transaction as the change that caused them, lets
 * in-transaction handlers (the webhook outbox) add their rows there too, and tells live listeners
 * (the event stream, the simulator) only after the commit.
 */
public final class EventPublisher {
    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    /** Told after commit; must return quickly (it runs on the writer thread). */
    @FunctionalInterface
    public interface Listener {
        void onEvent(StoredEvent event);
    }

    /** Runs inside the transaction that writes the event. */
    @FunctionalInterface
    public interface TxHandler {
        void onEvent(Tx tx, StoredEvent event);
    }

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final EventRepository events = new EventRepository();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<TxHandler> txHandlers = new CopyOnWriteArrayList<>();

    public EventPublisher(Database db, Clock clock, Ids ids) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
    }

    /** Appends an event; {@code payload} gets {@code type} first, as every body shows it. */
    public StoredEvent publish(Tx tx, String accountId, String type, String rentalId, Map<String, Object> payload) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.putAll(payload);
        Instant now = clock.instant();
        StoredEvent event = events.append(tx, ids.next("evt"), accountId, type, rentalId, Json.text(body), now);
        for (TxHandler handler : txHandlers) {
            handler.onEvent(tx, event);
        }
        tx.afterCommit(() -> notifyListeners(event));
        return event;
    }

    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Listener listener) {
        listeners.remove(listener);
    }

    public void addTxHandler(TxHandler handler) {
        txHandlers.add(handler);
    }

    /** Stored events after {@code afterSeq} for the given accounts (null: all), oldest first. */
    public List<StoredEvent> since(long afterSeq, Collection<String> accountIds, int limit) {
        return db.read(tx -> events.after(tx, afterSeq, accountIds, limit));
    }

    /** Deletes events created before {@code cutoff}, in small transactions; returns how many. */
    public int purgeOlderThan(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = db.write(tx -> events.deleteOlderThan(tx, cutoff, 1000));
            total += deleted;
        } while (deleted == 1000);
        return total;
    }

    public long lastSeq() {
        return db.read(events::lastSeq);
    }

    private void notifyListeners(StoredEvent event) {
        for (Listener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("event listener failed on {}", event.type(), e);
            }
        }
    }
}
