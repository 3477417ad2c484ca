package com.smsverifyo.sources.relay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.RentalChange;
import com.smsverifyo.engine.SmsSource;
import com.smsverifyo.engine.SourceSettings;
import com.smsverifyo.engine.SourceType;
import com.smsverifyo.store.RelayRental;
import com.smsverifyo.store.RelayRepository;
import com.smsverifyo.store.Rental;
import com.smsverifyo.store.SourceRecord;
import com.smsverifyo.store.Tx;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code upstream} type: a reseller's relay. Settings: {@code base_url} and {@code api_key}
 * (write-only) of the upstream server; optional {@code use_webhook} (default true),
 * {@code callback_base_url} (this server as the upstream reaches it; default: the URL the source was
 * created at), {@code countries}, {@code services}, {@code max_price_usd} (default: never more than
 * the customer pays here), {@code poll_interval_seconds} (15) and {@code request_timeout_seconds} (10).
 */
public final class UpstreamType implements SourceType {
    public static final String TYPE = "upstream";

    private final Engine engine;
    private final RelayRepository entries = new RelayRepository();
    private final Map<String, UpstreamSource> running = new ConcurrentHashMap<>();

    public UpstreamType(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean inbound() {
        return true;
    }

    @Override
    public boolean takesNumbers() {
        return false;
    }

    @Override
    public Set<String> secretSettings() {
        return Set.of(UpstreamSettings.API_KEY);
    }

    @Override
    public ObjectNode check(SourceSettings settings) {
        return UpstreamSettings.check(settings);
    }

    @Override
    public SmsSource create(SourceRecord source, ObjectNode settings) {
        return new Tracked(new UpstreamSource(engine, source.id(), UpstreamSettings.of(settings)));
    }

    /**
     * Records in the rental's own transaction what the upstream must now be told, so it is told even
     * after a crash: an ended rental's upstream rental is cancelled (or reported, or finished).
     */
    @Override
    public void rentalChanged(Tx tx, SourceRecord source, Rental rental, RentalChange change) {
        Optional<RelayRental> entry = entries.findByRental(tx, rental.id());
        if (entry.isEmpty() || entry.get().state() != RelayRental.State.ACTIVE) {
            return;
        }
        RelayRental.CloseAction action = switch (change) {
            case CANCELLED, EXPIRED -> RelayRental.CloseAction.CANCEL;
            case REPORTED -> RelayRental.CloseAction.REPORT;
            case COMPLETED -> RelayRental.CloseAction.FINISH;
            case RETRIED -> null;
        };
        UpstreamSource live = running.get(source.id());
        if (action == null) {
            if (live != null) {
                tx.afterCommit(() -> live.retryUpstream(entry.get()));
            }
            return;
        }
        entries.closing(tx, entry.get().id(), action, engine.clock().instant());
        if (live != null) {
            tx.afterCommit(live::wake);
        }
    }

    /** A running relay, known to the type while it runs (so rental changes can wake it). */
    private final class Tracked implements SmsSource {
        private final UpstreamSource source;

        Tracked(UpstreamSource source) {
            this.source = source;
        }

        @Override
        public void start() {
            running.put(source.sourceId(), source);
            source.start();
        }

        @Override
        public void close() {
            running.remove(source.sourceId(), source);
            source.close();
        }

        @Override
        public com.smsverifyo.engine.SourceHealth health() {
            return source.health();
        }

        @Override
        public Optional<com.smsverifyo.engine.NumberProvider> numberProvider() {
            return source.numberProvider();
        }

        @Override
        public Optional<com.smsverifyo.engine.InboundEndpoint> inboundEndpoint() {
            return source.inboundEndpoint();
        }
    }
}
