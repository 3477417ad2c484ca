package com.smsverifyo.store;

import java.time.Instant;
import java.util.Optional;

/** Responses kept for idempotent replay, per API key and Idempotency-Key. */
public final class IdempotencyRepository {

    public Optional<StoredResponse> find(Tx tx, String keyId, String idempotencyKey, Instant notBefore) {
        return Sql.one(tx, "SELECT key_id, idem_key, method, path, fingerprint, status, content_type, location, body, "
                        + "sealed, created_at FROM idempotency WHERE key_id = ? AND idem_key = ? AND created_at >= ?",
                row -> new StoredResponse(row.getString("key_id"), row.getString("idem_key"), row.getString("method"),
                        row.getString("path"), row.getBytes("fingerprint"), row.getInt("status"),
                        row.getString("content_type"), row.getString("location"), row.getBytes("body"),
                        row.getInt("sealed") == 1,
                        Instant.ofEpochMilli(row.getLong("created_at"))),
                keyId, idempotencyKey, notBefore.toEpochMilli());
    }

    /** Keeps a response; an expired one under the same key is replaced. */
    public void save(Tx tx, StoredResponse response) {
        Sql.update(tx, "INSERT OR REPLACE INTO idempotency (key_id, idem_key, method, path, fingerprint, status, "
                        + "content_type, location, body, sealed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                response.keyId(), response.idempotencyKey(), response.method(), response.path(), response.fingerprint(),
                response.status(), response.contentType(), response.location(), response.body(), response.sealed(),
                response.createdAt().toEpochMilli());
    }

    public int deleteOlderThan(Tx tx, Instant cutoff, int limit) {
        return Sql.update(tx, "DELETE FROM idempotency WHERE rowid IN "
                + "(SELECT rowid FROM idempotency WHERE created_at < ? LIMIT ?)", cutoff.toEpochMilli(), limit);
    }
}
