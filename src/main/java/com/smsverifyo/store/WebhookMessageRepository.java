package com.smsverifyo.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The webhook outbox: messages (one per event and endpoint) and their attempts. */
public final class WebhookMessageRepository {
    private static final String COLUMNS = "seq, id, endpoint_id, account_id, event_id, event_type, rental_id, body, status, "
            + "step, attempts, next_attempt_at, manual, created_at, finished_at";
    private static final String ATTEMPT_COLUMNS =
            "seq, message_id, attempted_at, status_code, latency_ms, error, next_attempt_at, manual";

    public WebhookMessage insert(Tx tx, WebhookMessage message) {
        long seq = Sql.insert(tx, "INSERT INTO webhook_messages (id, endpoint_id, account_id, event_id, event_type, rental_id, "
                        + "body, status, step, attempts, next_attempt_at, manual, created_at, finished_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                message.id(), message.endpointId(), message.accountId(), message.eventId(), message.eventType(),
                message.rentalId(), message.body(), message.status(), message.step(), message.attempts(),
                Sql.millis(message.nextAttemptAt()), message.manual(), message.createdAt().toEpochMilli(),
                Sql.millis(message.finishedAt()));
        return new WebhookMessage(seq, message.id(), message.endpointId(), message.accountId(), message.eventId(),
                message.eventType(), message.rentalId(), message.body(), message.status(), message.step(),
                message.attempts(), message.nextAttemptAt(), message.manual(), message.createdAt(), message.finishedAt());
    }

    /** Writes the delivery state of {@code message} (status, step, attempts, next attempt, finish). */
    public void updateState(Tx tx, WebhookMessage message) {
        Sql.update(tx, "UPDATE webhook_messages SET status = ?, step = ?, attempts = ?, next_attempt_at = ?, manual = ?, "
                        + "finished_at = ? WHERE id = ?",
                message.status(), message.step(), message.attempts(), Sql.millis(message.nextAttemptAt()),
                message.manual(), Sql.millis(message.finishedAt()), message.id());
    }

    public Optional<WebhookMessage> find(Tx tx, String id) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM webhook_messages WHERE id = ?", WebhookMessageRepository::map, id);
    }

    /** Every message about one rental (any endpoint), oldest first. */
    public List<WebhookMessage> forRental(Tx tx, String rentalId) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM webhook_messages WHERE rental_id = ? ORDER BY seq",
                WebhookMessageRepository::map, rentalId);
    }

    /** An endpoint's messages, newest first, before {@code beforeSeq}, of one status when given. */
    public List<WebhookMessage> list(Tx tx, String endpointId, Long beforeSeq, WebhookMessageStatus status, int limit) {
        Where where = new Where().is("endpoint_id", endpointId).when(beforeSeq != null, "seq < ?", beforeSeq)
                .is("status", status);
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM webhook_messages" + where.sql() + " ORDER BY seq DESC LIMIT ?",
                WebhookMessageRepository::map, where.args(limit));
    }

    /**
     * Enabled endpoints that have messages due at {@code now}, the longest-waiting first, so that the
     * dispatcher can share its capacity fairly between them.
     */
    public List<String> endpointsWithDue(Tx tx, Instant now, int limit) {
        return Sql.list(tx, "SELECT m.endpoint_id FROM webhook_messages m JOIN webhook_endpoints e ON e.id = m.endpoint_id "
                        + "WHERE m.status = 'pending' AND m.next_attempt_at <= ? AND e.enabled = 1 "
                        + "GROUP BY m.endpoint_id ORDER BY min(m.next_attempt_at) LIMIT ?",
                row -> row.getString(1), now.toEpochMilli(), limit);
    }

    /** Messages of one endpoint due at {@code now}, oldest due first. */
    public List<WebhookMessage> due(Tx tx, String endpointId, Instant now, int limit) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM webhook_messages WHERE status = 'pending' AND next_attempt_at <= ? "
                        + "AND endpoint_id = ? ORDER BY next_attempt_at, seq LIMIT ?",
                WebhookMessageRepository::map, now.toEpochMilli(), endpointId, limit);
    }

    /** Makes every pending message of an endpoint due at {@code now} (an endpoint enabled again). */
    public int bringForward(Tx tx, String endpointId, Instant now) {
        return Sql.update(tx, "UPDATE webhook_messages SET next_attempt_at = ? WHERE endpoint_id = ? AND status = 'pending' "
                + "AND next_attempt_at > ?", now.toEpochMilli(), endpointId, now.toEpochMilli());
    }

    public long countPending(Tx tx) {
        return Sql.count(tx, "SELECT count(*) FROM webhook_messages WHERE status = 'pending'");
    }

    /** Forgets finished messages (and their attempts) created before {@code cutoff}; at most {@code limit}. */
    public int deleteFinishedBefore(Tx tx, Instant cutoff, int limit) {
        return Sql.update(tx, "DELETE FROM webhook_messages WHERE seq IN (SELECT seq FROM webhook_messages "
                + "WHERE status <> 'pending' AND created_at < ? ORDER BY created_at LIMIT ?)", cutoff.toEpochMilli(), limit);
    }

    public void insertAttempt(Tx tx, WebhookAttempt attempt) {
        Sql.update(tx, "INSERT INTO webhook_attempts (message_id, attempted_at, status_code, latency_ms, error, "
                        + "next_attempt_at, manual) VALUES (?, ?, ?, ?, ?, ?, ?)",
                attempt.messageId(), attempt.attemptedAt().toEpochMilli(), attempt.statusCode(), attempt.latencyMs(),
                attempt.error(), Sql.millis(attempt.nextAttemptAt()), attempt.manual());
    }

    /** The attempts of the given messages, oldest first, by message id. */
    public Map<String, List<WebhookAttempt>> attempts(Tx tx, Collection<String> messageIds) {
        Map<String, List<WebhookAttempt>> byMessage = new LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return byMessage;
        }
        String marks = String.join(",", messageIds.stream().map(id -> "?").toList());
        List<WebhookAttempt> all = Sql.list(tx, "SELECT " + ATTEMPT_COLUMNS + " FROM webhook_attempts WHERE message_id IN ("
                + marks + ") ORDER BY seq", WebhookMessageRepository::mapAttempt, messageIds.toArray());
        for (WebhookAttempt attempt : all) {
            byMessage.computeIfAbsent(attempt.messageId(), id -> new java.util.ArrayList<>()).add(attempt);
        }
        return byMessage;
    }

    static WebhookMessage map(ResultSet row) throws SQLException {
        return new WebhookMessage(row.getLong("seq"), row.getString("id"), row.getString("endpoint_id"),
                row.getString("account_id"), row.getString("event_id"), row.getString("event_type"),
                row.getString("rental_id"), row.getString("body"), WebhookMessageStatus.parse(row.getString("status")),
                row.getInt("step"), row.getInt("attempts"), Sql.instant(row, "next_attempt_at"), row.getInt("manual") == 1,
                Sql.instant(row, "created_at"), Sql.instant(row, "finished_at"));
    }

    static WebhookAttempt mapAttempt(ResultSet row) throws SQLException {
        Long status = Sql.nullableLong(row, "status_code");
        return new WebhookAttempt(row.getLong("seq"), row.getString("message_id"), Sql.instant(row, "attempted_at"),
                status == null ? null : status.intValue(), row.getLong("latency_ms"), row.getString("error"),
                Sql.instant(row, "next_attempt_at"), row.getInt("manual") == 1);
    }
}
