package com.smsverifyo.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

public final class LedgerRepository {
    private static final String COLUMNS =
            "seq, id, account_id, kind, amount_micros, balance_after_micros, rental_id, note, created_at";

    public LedgerEntry append(Tx tx, String id, String accountId, LedgerKind kind, long amountMicros,
                              long balanceAfterMicros, String rentalId, String note, Instant at) {
        long seq = Sql.insert(tx, "INSERT INTO ledger (id, account_id, kind, amount_micros, balance_after_micros, "
                        + "rental_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                id, accountId, kind, amountMicros, balanceAfterMicros, rentalId, note, at.toEpochMilli());
        return new LedgerEntry(seq, id, accountId, kind, amountMicros, balanceAfterMicros, rentalId, note, at);
    }

    /** Entries of one account, newest first, strictly before {@code beforeSeq} when given. */
    public List<LedgerEntry> page(Tx tx, String accountId, Long beforeSeq, Instant from, Instant to, LedgerKind kind,
                                  int limit) {
        Where where = new Where().is("account_id", accountId)
                .when(beforeSeq != null, "seq < ?", beforeSeq)
                .when(from != null, "created_at >= ?", Sql.millis(from))
                .when(to != null, "created_at < ?", Sql.millis(to))
                .is("kind", kind);
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM ledger" + where.sql() + " ORDER BY seq DESC LIMIT ?",
                LedgerRepository::map, where.args(limit));
    }

    /**
     * Streams the entries of an account oldest first, for exports of any size: rows are read from
     * the database as the sink takes them, never gathered. A sink that throws ends the scan.
     */
    public void each(Tx tx, String accountId, Instant from, Instant to, LedgerKind kind, Consumer<LedgerEntry> sink) {
        Where where = new Where().is("account_id", accountId)
                .when(from != null, "created_at >= ?", Sql.millis(from))
                .when(to != null, "created_at < ?", Sql.millis(to))
                .is("kind", kind);
        Sql.each(tx, "SELECT " + COLUMNS + " FROM ledger" + where.sql() + " ORDER BY seq", LedgerRepository::map, sink,
                where.args());
    }

    public List<LedgerEntry> forRental(Tx tx, String rentalId) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM ledger WHERE rental_id = ? ORDER BY seq",
                LedgerRepository::map, rentalId);
    }

    public long sum(Tx tx, String accountId) {
        return Sql.count(tx, "SELECT coalesce(sum(amount_micros), 0) FROM ledger WHERE account_id = ?", accountId);
    }

    public boolean hasEntry(Tx tx, String rentalId, LedgerKind kind) {
        return Sql.count(tx, "SELECT count(*) FROM ledger WHERE rental_id = ? AND kind = ?", rentalId, kind) > 0;
    }

    static LedgerEntry map(ResultSet row) throws SQLException {
        return new LedgerEntry(row.getLong("seq"), row.getString("id"), row.getString("account_id"),
                LedgerKind.parse(row.getString("kind")), row.getLong("amount_micros"),
                row.getLong("balance_after_micros"), row.getString("rental_id"), row.getString("note"),
                Instant.ofEpochMilli(row.getLong("created_at")));
    }
}
