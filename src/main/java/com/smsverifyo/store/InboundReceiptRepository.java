package com.smsverifyo.store;

import java.time.Instant;
import java.util.Optional;

/** Deliveries each source already handed in, so a retried or re-read one is kept only once. */
public final class InboundReceiptRepository {

    /** Records the receipt; false when the source handed this delivery in before. */
    public boolean record(Tx tx, String sourceId, String receiptKey, String messageId, Instant at) {
        return Sql.update(tx, "INSERT OR IGNORE INTO inbound_receipts (source_id, receipt_key, message_id, received_at) "
                + "VALUES (?, ?, ?, ?)", sourceId, receiptKey, messageId, at.toEpochMilli()) == 1;
    }

    /** The message a delivery became, if the source handed it in before. */
    public Optional<String> messageOf(Tx tx, String sourceId, String receiptKey) {
        return Sql.one(tx, "SELECT message_id FROM inbound_receipts WHERE source_id = ? AND receipt_key = ?",
                row -> row.getString(1), sourceId, receiptKey);
    }

    public int deleteOlderThan(Tx tx, Instant cutoff, int limit) {
        return Sql.update(tx, "DELETE FROM inbound_receipts WHERE rowid IN (SELECT rowid FROM inbound_receipts "
                + "WHERE received_at < ? LIMIT ?)", cutoff.toEpochMilli(), limit);
    }
}
