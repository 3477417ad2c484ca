package com.smsverifyo.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The append-only event log. */
public final class EventRepository {
    private static final String COLUMNS = "seq, id, account_id, type, rental_id, payload, created_at";

    public StoredEvent append(Tx tx, String id, String accountId, String type, String rentalId, String payload, Instant at) {
        long seq = Sql.insert(tx, "INSERT INTO events (id, account_id, type, rental_id, payload, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, accountId, type, rentalId, payload, at.toEpochMilli());
        return new StoredEvent(seq, id, accountId, type, rentalId, payload, at);
    }

    /** Events after {@code afterSeq} of the given accounts (all accounts when null), oldest first. */
    public List<StoredEvent> after(Tx tx, long afterSeq, Collection<String> accountIds, int limit) {
        Where where = new Where().when(true, "seq > ?", afterSeq);
        if (accountIds != null) {
            where.when(true, "account_id IN (" + String.join(",", accountIds.stream().map(a -> "?").toList()) + ")",
                    accountIds.toArray());
        }
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM events" + where.sql() + " ORDER BY seq LIMIT ?",
                EventRepository::map, where.args(limit));
    }

    public List<StoredEvent> forRental(Tx tx, String rentalId) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM events WHERE rental_id = ? ORDER BY seq", EventRepository::map,
                rentalId);
    }

    public long lastSeq(Tx tx) {
        return Sql.count(tx, "SELECT coalesce(max(seq), 0) FROM events");
    }

    public int deleteOlderThan(Tx tx, Instant cutoff, int limit) {
        return Sql.update(tx, "DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE created_at < ? ORDER BY seq LIMIT ?)",
                cutoff.toEpochMilli(), limit);
    }

    static StoredEvent map(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("seq"), row.getString("id"), row.getString("account_id"), row.getString("type"),
                row.getString("rental_id"), row.getString("payload"), Instant.ofEpochMilli(row.getLong("created_at")));
    }
}
