package com.smsverifyo.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints and their secrets. */
public final class WebhookEndpointRepository {
    private static final String COLUMNS = "id, account_id, url, description, events, enabled, disabled_reason, disabled_at, "
            + "secret, previous_secret, previous_secret_expires_at, failing_since, created_at, updated_at";

    public void insert(Tx tx, WebhookEndpoint endpoint) {
        Sql.update(tx, "INSERT INTO webhook_endpoints (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                endpoint.id(), endpoint.accountId(), endpoint.url(), endpoint.description(),
                String.join(",", endpoint.events()), endpoint.enabled(), endpoint.disabledReason(),
                Sql.millis(endpoint.disabledAt()), endpoint.secret(), endpoint.previousSecret(),
                Sql.millis(endpoint.previousSecretExpiresAt()), Sql.millis(endpoint.failingSince()),
                endpoint.createdAt().toEpochMilli(), endpoint.updatedAt().toEpochMilli());
    }

    /** Writes every changeable column of {@code endpoint}. */
    public void update(Tx tx, WebhookEndpoint endpoint) {
        Sql.update(tx, "UPDATE webhook_endpoints SET url = ?, description = ?, events = ?, enabled = ?, disabled_reason = ?, "
                        + "disabled_at = ?, secret = ?, previous_secret = ?, previous_secret_expires_at = ?, failing_since = ?, "
                        + "updated_at = ? WHERE id = ?",
                endpoint.url(), endpoint.description(), String.join(",", endpoint.events()), endpoint.enabled(),
                endpoint.disabledReason(), Sql.millis(endpoint.disabledAt()), endpoint.secret(), endpoint.previousSecret(),
                Sql.millis(endpoint.previousSecretExpiresAt()), Sql.millis(endpoint.failingSince()),
                endpoint.updatedAt().toEpochMilli(), endpoint.id());
    }

    public Optional<WebhookEndpoint> find(Tx tx, String id) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = ?", WebhookEndpointRepository::map, id);
    }

    /** An account's endpoints, newest first, before {@code beforeId} when given. */
    public List<WebhookEndpoint> list(Tx tx, String accountId, String beforeId, int limit) {
        Where where = new Where().is("account_id", accountId).when(beforeId != null, "id < ?", beforeId);
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM webhook_endpoints" + where.sql() + " ORDER BY id DESC LIMIT ?",
                WebhookEndpointRepository::map, where.args(limit));
    }

    /** The enabled endpoints of an account (the event filter is applied by the caller). */
    public List<WebhookEndpoint> enabledOf(Tx tx, String accountId) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM webhook_endpoints WHERE account_id = ? AND enabled = 1",
                WebhookEndpointRepository::map, accountId);
    }

    public long countOf(Tx tx, String accountId) {
        return Sql.count(tx, "SELECT count(*) FROM webhook_endpoints WHERE account_id = ?", accountId);
    }

    /** Deletes the endpoint with its messages and attempts. */
    public void delete(Tx tx, String id) {
        Sql.update(tx, "DELETE FROM webhook_endpoints WHERE id = ?", id);
    }

    static WebhookEndpoint map(ResultSet row) throws SQLException {
        String events = row.getString("events");
        return new WebhookEndpoint(row.getString("id"), row.getString("account_id"), row.getString("url"),
                row.getString("description"), events.isEmpty() ? List.of() : Arrays.asList(events.split(",")),
                row.getInt("enabled") == 1, row.getString("disabled_reason"), Sql.instant(row, "disabled_at"),
                row.getString("secret"), row.getString("previous_secret"), Sql.instant(row, "previous_secret_expires_at"),
                Sql.instant(row, "failing_since"), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }
}
