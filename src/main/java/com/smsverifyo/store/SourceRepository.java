package com.smsverifyo.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SMS sources. A deleted source is kept (its numbers' rentals refer to it) but never listed. */
public final class SourceRepository {
    private static final String COLUMNS = "id, type, name, enabled, settings, created_at, updated_at";

    public void insert(Tx tx, SourceRecord source) {
        Sql.update(tx, "INSERT INTO sources (id, type, name, enabled, settings, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", source.id(), source.type(), source.name(), source.enabled(),
                source.settings(), source.createdAt().toEpochMilli(), source.updatedAt().toEpochMilli());
    }

    public void update(Tx tx, SourceRecord source) {
        Sql.update(tx, "UPDATE sources SET name = ?, enabled = ?, settings = ?, updated_at = ? WHERE id = ?",
                source.name(), source.enabled(), source.settings(), source.updatedAt().toEpochMilli(), source.id());
    }

    public void delete(Tx tx, String id, Instant at) {
        Sql.update(tx, "UPDATE sources SET deleted_at = ?, enabled = 0, updated_at = ? WHERE id = ?",
                at.toEpochMilli(), at.toEpochMilli(), id);
    }

    /** A source that was not deleted. */
    public Optional<SourceRecord> find(Tx tx, String id) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM sources WHERE id = ? AND deleted_at IS NULL",
                SourceRepository::map, id);
    }

    /** A source, deleted or not (the rentals of its numbers still refer to it). */
    public Optional<SourceRecord> findAny(Tx tx, String id) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM sources WHERE id = ?", SourceRepository::map, id);
    }

    /** Sources in creation order (ids sort by time), after {@code afterId} when given. */
    public List<SourceRecord> list(Tx tx, String afterId, int limit) {
        Where where = new Where().when(true, "deleted_at IS NULL").when(afterId != null, "id > ?", afterId);
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM sources" + where.sql() + " ORDER BY id LIMIT ?",
                SourceRepository::map, where.args(limit));
    }

    public Optional<SourceRecord> firstOfType(Tx tx, String type) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM sources WHERE type = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
                SourceRepository::map, type);
    }

    /** Live numbers registered to each source. */
    public long countNumbers(Tx tx, String sourceId) {
        return Sql.count(tx, "SELECT count(*) FROM numbers WHERE source_id = ? AND deleted_at IS NULL", sourceId);
    }

    /**
     * Rentals open on the source's numbers, and upstream rentals a relay has not finished with: the
     * source must not go while there are any.
     */
    public long countOpenRentals(Tx tx, String sourceId) {
        return Sql.count(tx, "SELECT (SELECT count(*) FROM leases l JOIN numbers n ON n.id = l.number_id "
                + "WHERE n.source_id = ?) + (SELECT count(*) FROM relay_rentals WHERE source_id = ? "
                + "AND state IN ('reserving', 'reserved', 'active', 'closing'))", sourceId, sourceId);
    }

    static SourceRecord map(ResultSet row) throws SQLException {
        return new SourceRecord(row.getString("id"), row.getString("type"), row.getString("name"),
                row.getInt("enabled") == 1, row.getString("settings"), Instant.ofEpochMilli(row.getLong("created_at")),
                Instant.ofEpochMilli(row.getLong("updated_at")));
    }
}
