package com.smsverifyo.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The number pool and its leases (one open rental per number and service). */
public final class NumberRepository {
    private static final String COLUMNS = "id, phone_number, country, carrier, source, enabled, created_at, source_id, "
            + "device_id, sim_number";

    /**
     * Whether the number {@code n} may be handed out from the pool: enabled, not deleted, and fed by
     * no source, or by an enabled pool source. An upstream relay's numbers are its own: it hands them
     * out itself, one rental at a time, so they are never taken from the pool.
     */
    static final String RENTABLE = "n.enabled = 1 AND n.deleted_at IS NULL AND (n.source_id IS NULL OR EXISTS "
            + "(SELECT 1 FROM sources s WHERE s.id = n.source_id AND s.enabled = 1 AND s.deleted_at IS NULL "
            + "AND s.type <> 'upstream'))";

    /** Where a number comes from: its source and the place of its SIM there. */
    public record Origin(String source, String sourceId, String deviceId, Integer simNumber) {
    }

    public long insert(Tx tx, String phoneNumber, String country, NumberType type, String source, Instant at) {
        return insert(tx, phoneNumber, country, type, new Origin(source, null, null, null), at);
    }

    public long insert(Tx tx, String phoneNumber, String country, NumberType type, Origin origin, Instant at) {
        return Sql.insert(tx, "INSERT INTO numbers (phone_number, country, carrier, source, enabled, created_at, "
                        + "source_id, device_id, sim_number) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)", phoneNumber, country, type,
                origin.source(), at.toEpochMilli(), origin.sourceId(), origin.deviceId(), origin.simNumber());
    }

    /** Brings a deleted number back with a new origin; its blocks (services that refused it) stay. */
    public void revive(Tx tx, long id, String country, NumberType type, Origin origin) {
        Sql.update(tx, "UPDATE numbers SET country = ?, carrier = ?, source = ?, source_id = ?, device_id = ?, "
                        + "sim_number = ?, enabled = 1, deleted_at = NULL WHERE id = ?", country, type, origin.source(),
                origin.sourceId(), origin.deviceId(), origin.simNumber(), id);
    }

    public void delete(Tx tx, long id, Instant at) {
        Sql.update(tx, "UPDATE numbers SET deleted_at = ? WHERE id = ?", at.toEpochMilli(), id);
    }

    /** Takes every number of a source out of the pool. */
    public int deleteOfSource(Tx tx, String sourceId, Instant at) {
        return Sql.update(tx, "UPDATE numbers SET deleted_at = ? WHERE source_id = ? AND deleted_at IS NULL",
                at.toEpochMilli(), sourceId);
    }

    /** A number of the pool (not deleted). */
    public Optional<PoolNumber> findByPhone(Tx tx, String phoneNumber) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM numbers WHERE phone_number = ? AND deleted_at IS NULL",
                NumberRepository::map, phoneNumber);
    }

    /** A number that was deleted from the pool, if it ever was in it. */
    public Optional<PoolNumber> findDeleted(Tx tx, String phoneNumber) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM numbers WHERE phone_number = ? AND deleted_at IS NOT NULL",
                NumberRepository::map, phoneNumber);
    }

    public Optional<PoolNumber> find(Tx tx, long id) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM numbers WHERE id = ?", NumberRepository::map, id);
    }

    public List<PoolNumber> list(Tx tx, String country, String source, Long afterId, int limit) {
        return list(tx, country, source, null, afterId, limit);
    }

    public List<PoolNumber> list(Tx tx, String country, String source, String sourceId, Long afterId, int limit) {
        Where where = new Where().when(true, "deleted_at IS NULL").is("country", country).is("source", source)
                .is("source_id", sourceId).when(afterId != null, "id > ?", afterId);
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM numbers" + where.sql() + " ORDER BY id LIMIT ?",
                NumberRepository::map, where.args(limit));
    }

    /** Live numbers of a source, on one device (or any when {@code deviceId} is null). */
    public List<PoolNumber> ofSource(Tx tx, String sourceId, String deviceId) {
        Where where = new Where().when(true, "deleted_at IS NULL").is("source_id", sourceId).is("device_id", deviceId);
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM numbers" + where.sql() + " ORDER BY id LIMIT 50",
                NumberRepository::map, where.args());
    }

    public long count(Tx tx) {
        return Sql.count(tx, "SELECT count(*) FROM numbers WHERE deleted_at IS NULL");
    }

    public long countIn(Tx tx, String country) {
        return Sql.count(tx, "SELECT count(*) FROM numbers WHERE country = ? AND deleted_at IS NULL", country);
    }

    public void setEnabled(Tx tx, long id, boolean enabled) {
        Sql.update(tx, "UPDATE numbers SET enabled = ? WHERE id = ?", enabled, id);
    }

    /** Links the numbers a source kind made before sources existed to that source. */
    public int adopt(Tx tx, String source, String sourceId) {
        return Sql.update(tx, "UPDATE numbers SET source_id = ? WHERE source = ? AND source_id IS NULL", sourceId, source);
    }

    /** Whether the number may be handed out from the pool now (see {@link #RENTABLE}). */
    public boolean rentable(Tx tx, long id) {
        return Sql.count(tx, "SELECT count(*) FROM numbers n WHERE n.id = ? AND " + RENTABLE, id) > 0;
    }

    /**
     * The first rentable number of {@code country} and {@code type} for {@code service} with an id above
     * {@code afterId}: rentable, not leased for the service, not blocked for it. Callers walk the pool
     * round-robin from where the last allocation stopped, so the scan stays short.
     */
    public Optional<PoolNumber> firstFree(Tx tx, String country, NumberType type, String service, long afterId) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM numbers n WHERE n.country = ? AND n.carrier = ? AND n.id > ? "
                        + "AND " + RENTABLE + " "
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

    public boolean leased(Tx tx, long numberId, String service) {
        return Sql.count(tx, "SELECT count(*) FROM leases WHERE number_id = ? AND service = ?", numberId, service) > 0;
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
                Instant.ofEpochMilli(row.getLong("created_at")), row.getString("source_id"), row.getString("device_id"),
                nullableInt(row, "sim_number"));
    }

    private static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
