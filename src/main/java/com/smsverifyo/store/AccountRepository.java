package com.smsverifyo.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class AccountRepository {
    private static final String COLUMNS =
            "id, parent_id, name, tier, status, balance_micros, alert_threshold_micros, low_alert_day, created_at";

    public void insert(Tx tx, Account account) {
        Sql.update(tx, "INSERT INTO accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                account.id(), account.parentId(), account.name(), account.tier(), account.status(),
                account.balanceMicros(), account.alertThresholdMicros(), account.lowAlertDay(),
                account.createdAt().toEpochMilli());
    }

    public Optional<Account> find(Tx tx, String id) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM accounts WHERE id = ?", AccountRepository::map, id);
    }

    public Optional<Account> owner(Tx tx) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM accounts WHERE parent_id IS NULL ORDER BY created_at LIMIT 1",
                AccountRepository::map);
    }

    /** Accounts whose parent is {@code parentId}, newest first, after the position {@code afterSeq}. */
    public List<Account> children(Tx tx, String parentId, String afterId, int limit) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM accounts WHERE parent_id = ? AND (? IS NULL OR id < ?) "
                        + "ORDER BY id DESC LIMIT ?",
                AccountRepository::map, parentId, afterId, afterId, limit);
    }

    public void setBalance(Tx tx, String id, long balanceMicros) {
        Sql.update(tx, "UPDATE accounts SET balance_micros = ? WHERE id = ?", balanceMicros, id);
    }

    public void setAlertThreshold(Tx tx, String id, Long thresholdMicros) {
        Sql.update(tx, "UPDATE accounts SET alert_threshold_micros = ? WHERE id = ?", thresholdMicros, id);
    }

    public void setLowAlertDay(Tx tx, String id, String day) {
        Sql.update(tx, "UPDATE accounts SET low_alert_day = ? WHERE id = ?", day, id);
    }

    public void update(Tx tx, String id, String name, String tier, AccountStatus status) {
        Sql.update(tx, "UPDATE accounts SET name = ?, tier = ?, status = ? WHERE id = ?", name, tier, status, id);
    }

    public long count(Tx tx) {
        return Sql.count(tx, "SELECT count(*) FROM accounts");
    }

    static Account map(ResultSet row) throws SQLException {
        return new Account(row.getString("id"), row.getString("parent_id"), row.getString("name"),
                row.getString("tier"), AccountStatus.parse(row.getString("status")), row.getLong("balance_micros"),
                Sql.nullableLong(row, "alert_threshold_micros"), row.getString("low_alert_day"), Instant.ofEpochMilli(row.getLong("created_at")));
    }
}
