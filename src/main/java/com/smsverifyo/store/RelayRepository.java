package com.smsverifyo.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The upstream relay's journal. */
public final class RelayRepository {
    private static final String COLUMNS = "id, source_id, state, service, country, carrier, max_price_micros, "
            + "upstream_rental_id, phone_number, upstream_expires_at, rental_id, close_action, attempts, last_error, "
            + "created_at, updated_at";

    /** A new entry in state {@code reserving}, written before the upstream is called. */
    public void insert(Tx tx, String id, String sourceId, String service, String country, String carrier,
                       Long maxPriceMicros, Instant at) {
        Sql.update(tx, "INSERT INTO relay_rentals (id, source_id, state, service, country, carrier, max_price_micros, "
                        + "created_at, updated_at) VALUES (?, ?, 'reserving', ?, ?, ?, ?, ?, ?)", id, sourceId, service,
                country, carrier, maxPriceMicros, at.toEpochMilli(), at.toEpochMilli());
    }

    public Optional<RelayRental> find(Tx tx, String id) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM relay_rentals WHERE id = ?", RelayRepository::map, id);
    }

    public Optional<RelayRental> findByRental(Tx tx, String rentalId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM relay_rentals WHERE rental_id = ?", RelayRepository::map, rentalId);
    }

    public Optional<RelayRental> findByUpstream(Tx tx, String sourceId, String upstreamRentalId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM relay_rentals WHERE source_id = ? AND upstream_rental_id = ?",
                RelayRepository::map, sourceId, upstreamRentalId);
    }

    /** Entries of a source in one state, oldest first. */
    public List<RelayRental> inState(Tx tx, String sourceId, RelayRental.State state, int limit) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM relay_rentals WHERE source_id = ? AND state = ? "
                + "ORDER BY created_at LIMIT ?", RelayRepository::map, sourceId, state, limit);
    }

    public long countInState(Tx tx, String sourceId, RelayRental.State state) {
        return Sql.count(tx, "SELECT count(*) FROM relay_rentals WHERE source_id = ? AND state = ?", sourceId, state);
    }

    /** The upstream rented the number: state {@code reserved}. */
    public void reserved(Tx tx, String id, String upstreamRentalId, String phoneNumber, Instant upstreamExpiresAt,
                         Instant at) {
        Sql.update(tx, "UPDATE relay_rentals SET state = 'reserved', upstream_rental_id = ?, phone_number = ?, "
                        + "upstream_expires_at = ?, updated_at = ? WHERE id = ?", upstreamRentalId, phoneNumber,
                upstreamExpiresAt.toEpochMilli(), at.toEpochMilli(), id);
    }

    /** The local rental took the number, in its own transaction; false if the entry was not reserved. */
    public boolean attach(Tx tx, String id, String rentalId, Instant at) {
        return Sql.update(tx, "UPDATE relay_rentals SET state = 'active', rental_id = ?, updated_at = ? "
                + "WHERE id = ? AND state = 'reserved'", rentalId, at.toEpochMilli(), id) == 1;
    }

    /** The upstream rental must be ended (cancelled, reported or finished) from now on. */
    public void closing(Tx tx, String id, RelayRental.CloseAction action, Instant at) {
        Sql.update(tx, "UPDATE relay_rentals SET state = 'closing', close_action = ?, updated_at = ? WHERE id = ?",
                action, at.toEpochMilli(), id);
    }

    /**
     * Gives back a reservation no local rental took: {@code closing} with cancel, only if the entry is
     * still {@code reserved}. False when a local rental attached it meanwhile (then it is not ours to end).
     */
    public boolean giveBack(Tx tx, String id, Instant at) {
        return Sql.update(tx, "UPDATE relay_rentals SET state = 'closing', close_action = ?, updated_at = ? "
                + "WHERE id = ? AND state = 'reserved'", RelayRental.CloseAction.CANCEL, at.toEpochMilli(), id) == 1;
    }

    /** An upstream call failed (it is tried again). */
    public void failedAttempt(Tx tx, String id, String error, Instant at) {
        Sql.update(tx, "UPDATE relay_rentals SET attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ?",
                error, at.toEpochMilli(), id);
    }

    /** Nothing more to do upstream: {@code closed}, or {@code failed} when nothing was rented. */
    public void finish(Tx tx, String id, RelayRental.State state, String note, Instant at) {
        Sql.update(tx, "UPDATE relay_rentals SET state = ?, last_error = coalesce(?, last_error), updated_at = ? "
                + "WHERE id = ?", state, note, at.toEpochMilli(), id);
    }

    static RelayRental map(ResultSet row) throws SQLException {
        return new RelayRental(row.getString("id"), row.getString("source_id"),
                RelayRental.State.parse(row.getString("state")), row.getString("service"), row.getString("country"),
                row.getString("carrier"), Sql.nullableLong(row, "max_price_micros"), row.getString("upstream_rental_id"),
                row.getString("phone_number"), Sql.instant(row, "upstream_expires_at"), row.getString("rental_id"),
                RelayRental.CloseAction.parse(row.getString("close_action")), row.getInt("attempts"),
                row.getString("last_error"),
                Instant.ofEpochMilli(row.getLong("created_at")), Instant.ofEpochMilli(row.getLong("updated_at")));
    }
}
