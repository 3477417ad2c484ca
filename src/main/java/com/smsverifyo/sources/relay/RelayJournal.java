package com.smsverifyo.sources.relay;

import com.smsverifyo.engine.Engine;
import com.smsverifyo.store.RelayRental;
import com.smsverifyo.store.RelayRepository;
import com.smsverifyo.store.Tx;
import java.util.List;
import java.util.Optional;

/** The relay's journal entries of one source, each change in its own committed write. */
final class RelayJournal {
    private final Engine engine;
    private final String sourceId;
    private final RelayRepository entries = new RelayRepository();

    RelayJournal(Engine engine, String sourceId) {
        this.engine = engine;
        this.sourceId = sourceId;
    }

    void reserving(String id, String service, String country, String carrier, Long maxPriceMicros) {
        engine.db().write(tx -> {
            entries.insert(tx, id, sourceId, service, country, carrier, maxPriceMicros, engine.clock().instant());
            return null;
        });
    }

    void reserved(String id, String upstreamRentalId, String phone, java.time.Instant upstreamExpiresAt) {
        write(tx -> entries.reserved(tx, id, upstreamRentalId, phone, upstreamExpiresAt, engine.clock().instant()));
    }

    /** A recovered reservation that no local rental holds: recorded and marked to be cancelled, in one write. */
    void recoveredToGiveBack(String id, String upstreamRentalId, String phone, java.time.Instant upstreamExpiresAt) {
        write(tx -> {
            entries.reserved(tx, id, upstreamRentalId, phone, upstreamExpiresAt, engine.clock().instant());
            entries.closing(tx, id, RelayRental.CloseAction.CANCEL, engine.clock().instant());
        });
    }

    void closing(String id, RelayRental.CloseAction action) {
        write(tx -> entries.closing(tx, id, action, engine.clock().instant()));
    }

    /** Cancels upstream a reservation that is still only reserved; false if a local rental took it meanwhile. */
    boolean giveBack(String id) {
        return engine.db().write(tx -> entries.giveBack(tx, id, engine.clock().instant()));
    }

    void finish(String id, RelayRental.State state, String note) {
        write(tx -> entries.finish(tx, id, state, note, engine.clock().instant()));
    }

    void failedAttempt(String id, String error) {
        write(tx -> entries.failedAttempt(tx, id, error, engine.clock().instant()));
    }

    Optional<RelayRental> find(String id) {
        return engine.db().read(tx -> entries.find(tx, id));
    }

    Optional<RelayRental> byUpstream(String upstreamRentalId) {
        return engine.db().read(tx -> entries.findByUpstream(tx, sourceId, upstreamRentalId));
    }

    List<RelayRental> inState(RelayRental.State state) {
        return engine.db().read(tx -> entries.inState(tx, sourceId, state, 200));
    }

    long count(RelayRental.State state) {
        return engine.db().read(tx -> entries.countInState(tx, sourceId, state));
    }

    private void write(java.util.function.Consumer<Tx> change) {
        engine.db().write(tx -> {
            change.accept(tx);
            return null;
        });
    }
}
