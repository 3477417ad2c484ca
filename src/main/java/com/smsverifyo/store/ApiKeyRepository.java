package com.smsverifyo.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class ApiKeyRepository {
    private static final String COLUMNS = "id, account_id, name, key_hash, display_prefix, scopes, "
            + "rate_limit_per_minute, daily_spend_cap_micros, created_at, revoked_at, last_used_at";

    public void insert(Tx tx, ApiKeyRecord key) {
        Sql.update(tx, "INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key.id(), key.accountId(), key.name(), key.keyHash(), key.displayPrefix(),
                String.join(",", key.scopes()), key.rateLimitPerMinute(), key.dailySpendCapMicros(),
                key.createdAt().toEpochMilli(), Sql.millis(key.revokedAt()), Sql.millis(key.lastUsedAt()));
    }

    public Optional<ApiKeyRecord> findByHash(Tx tx, byte[] hash) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?", ApiKeyRepository::map, hash);
    }

    public Optional<ApiKeyRecord> find(Tx tx, String id) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM api_keys WHERE id = ?", ApiKeyRepository::map, id);
    }

    /** Keys of the given accounts, newest first. */
    public List<ApiKeyRecord> list(Tx tx, String accountId, String beforeId, int limit) {
        Where where = new Where().is("account_id", accountId).when(beforeId != null, "id < ?", beforeId);
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM api_keys" + where.sql() + " ORDER BY id DESC LIMIT ?",
                ApiKeyRepository::map, where.args(limit));
    }

    public void revoke(Tx tx, String id, Instant at) {
        Sql.update(tx, "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at.toEpochMilli(), id);
    }

    public void updateLimits(Tx tx, String id, int rateLimitPerMinute, Long dailySpendCapMicros) {
        Sql.update(tx, "UPDATE api_keys SET rate_limit_per_minute = ?, daily_spend_cap_micros = ? WHERE id = ?",
                rateLimitPerMinute, dailySpendCapMicros, id);
    }

    public void updateName(Tx tx, String id, String name) {
        Sql.update(tx, "UPDATE api_keys SET name = ? WHERE id = ?", name, id);
    }

    /** Records when keys were last used; only ever moves the time forward. */
    public void touch(Tx tx, Map<String, Instant> lastUsed) {
        for (Map.Entry<String, Instant> entry : lastUsed.entrySet()) {
            long at = entry.getValue().toEpochMilli();
            Sql.update(tx, "UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                    at, entry.getKey(), at);
        }
    }

    static ApiKeyRecord map(ResultSet row) throws SQLException {
        String scopes = row.getString("scopes");
        return new ApiKeyRecord(row.getString("id"), row.getString("account_id"), row.getString("name"),
                row.getBytes("key_hash"), row.getString("display_prefix"),
                scopes.isEmpty() ? java.util.Set.of() : new LinkedHashSet<>(Arrays.asList(scopes.split(","))),
                row.getInt("rate_limit_per_minute"), Sql.nullableLong(row, "daily_spend_cap_micros"),
                Instant.ofEpochMilli(row.getLong("created_at")), Sql.instant(row, "revoked_at"),
                Sql.instant(row, "last_used_at"));
    }

}
