package com.smsverifyo.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The number pool and its leases (one open rental per number and service). */
public final class NumberRepository {
    private static final String COLUMNS = "id, phone_number, country, carrier, source, enabled, created_at";

    public long insert(Tx tx, String phoneNumber, String country, NumberType type, String source, Instant at) {
        return Sql.insert(tx, "INSERT INTO numbers (phone_number, country, carrier, source, enabled, created_at) "
                + "VALUES (?, ?, ?, ?, 1, ?)", phoneNumber, country, type, source, at.toEpochMilli());
    }

    public Optional<PoolNumber> find(Tx tx, long id) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM numbers WHERE id = ?", NumberRepository::map, id);
    }

    public Optional<PoolNumber> findByPhone(Tx tx, String phoneNumber) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM numbers WHERE phone_number = ?", NumberRepository::map, phoneNumber);
    }

    public List<PoolNumber> list(Tx tx, String country, String source, Long afterId, int limit) {
        Where where = new Where().is("country", country).is("source", source).when(afterId != null, "id > ?", afterId);
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM numbers" + where.sql() + " ORDER BY id LIMIT ?",
                NumberRepository::map, where.args(limit));
    }

    public long count(Tx tx) {
        return Sql.count(tx, "SELECT count(*) FROM numbers");
    }

    public long countIn(Tx tx, String country) {
        return Sql.count(tx, "SELECT count(*) FROM numbers WHERE country = ?", country);
    }

    public void setEnabled(Tx tx, long id, boolean enabled) {
        Sql.update(tx, "UPDATE numbers SET enabled = ? WHERE id = ?", enabled, id);
    }

    /**
     * The first rentable number of {@code country} and {@code type} for {@code service} with an id above
     * {@code afterId}: enabled, not leased for the service, not blocked for it. Callers walk the pool
     * round-robin from where the last allocation stopped, so the scan stays short.
     */
    public Optional<PoolNumber> firstFree(Tx tx, String country, NumberType type, String service, long afterId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM numbers n WHERE n.country = ? AND n.carrier = ? AND n.id > ? "
                        + "AND n.enabled = 1 "
                        + "AND NOT EXISTS (SELECT 1 FROM leases l WHERE l.number_id = n.id AND l.service = ?) "
                        + "AND NOT EXISTS (SELECT 1 FROM number_blocks b WHERE b.number_id = n.id AND b.service = ?) "
                        + "ORDER BY n.id LIMIT 1",
                NumberRepository::map, country, type, afterId, service, service);
    }

    public void lease(Tx tx, long numberId, String service, String rentalId) {
        Sql.update(tx, "INSERT INTO leases (number_id, service, rental_id) VALUES (?, ?, ?)", numberId, service, rentalId);
    }

    public void release(Tx tx, String rentalId) {
        Sql.update(tx, "DELETE FROM leases WHERE rental_id = ?", rentalId);
    }

    /** Rental ids open on a number (any service). */
    public List<String> leasedRentals(Tx tx, long numberId) {
        return Sql.list(tx, "SELECT rental_id FROM leases WHERE number_id = ?", row -> row.getString(1), numberId);
    }

    public void block(Tx tx, long numberId, String service, String rentalId, Instant at) {
        Sql.update(tx, "INSERT OR IGNORE INTO number_blocks (number_id, service, rental_id, created_at) VALUES (?, ?, ?, ?)",
                numberId, service, rentalId, at.toEpochMilli());
    }

    public boolean blocked(Tx tx, long numberId, String service) {
        return Sql.count(tx, "SELECT count(*) FROM number_blocks WHERE number_id = ? AND service = ?", numberId, service) > 0;
    }

    static PoolNumber map(ResultSet row) throws SQLException {
        return new PoolNumber(row.getLong("id"), row.getString("phone_number"), row.getString("country"),
                NumberType.parse(row.getString("carrier")), row.getString("source"), row.getInt("enabled") == 1,
                Instant.ofEpochMilli(row.getLong("created_at")));
    }
}
