package com.smsverifyo.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public final class MessageRepository {
    private static final String COLUMNS = "seq, id, rental_id, phone_number, sender, text, code, late, source, received_at";

    public Message insert(Tx tx, Message message) {
        long seq = Sql.insert(tx, "INSERT INTO messages (id, rental_id, phone_number, sender, text, code, late, source, "
                        + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                message.id(), message.rentalId(), message.phoneNumber(), message.sender(), message.text(),
                message.code(), message.late(), message.source(), message.receivedAt().toEpochMilli());
        return new Message(seq, message.id(), message.rentalId(), message.phoneNumber(), message.sender(),
                message.text(), message.code(), message.late(), message.source(), message.receivedAt());
    }

    public List<Message> forRental(Tx tx, String rentalId) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM messages WHERE rental_id = ? ORDER BY seq",
                MessageRepository::map, rentalId);
    }

    public List<Message> forRentals(Tx tx, Collection<String> rentalIds) {
        String marks = String.join(",", rentalIds.stream().map(id -> "?").toList());
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM messages WHERE rental_id IN (" + marks + ") ORDER BY seq",
                MessageRepository::map, rentalIds.toArray());
    }

    /** Messages that matched no rental, newest first. */
    public List<Message> unmatched(Tx tx, Long beforeSeq, int limit) {
        Where where = new Where().when(true, "rental_id IS NULL").when(beforeSeq != null, "seq < ?", beforeSeq);
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM messages" + where.sql() + " ORDER BY seq DESC LIMIT ?",
                MessageRepository::map, where.args(limit));
    }

    /**
     * Filters of the messages list; null means "any".
     *
     * @param unmatched true: only messages that matched no rental; false: only those that did
     * @param late      true: only messages that arrived after their rental ended
     */
    public record Filter(Boolean unmatched, Boolean late, String phoneNumber, String source) {
    }

    /** Messages newest first, before {@code beforeSeq} when given. */
    public List<Message> list(Tx tx, Filter filter, Long beforeSeq, int limit) {
        Where where = new Where()
                .when(Boolean.TRUE.equals(filter.unmatched()), "rental_id IS NULL")
                .when(Boolean.FALSE.equals(filter.unmatched()), "rental_id IS NOT NULL")
                .when(filter.late() != null, "late = ?", filter.late())
                .is("phone_number", filter.phoneNumber()).is("source", filter.source())
                .when(beforeSeq != null, "seq < ?", beforeSeq);
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM messages" + where.sql() + " ORDER BY seq DESC LIMIT ?",
                MessageRepository::map, where.args(limit));
    }

    public Optional<Message> find(Tx tx, String id) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM messages WHERE id = ?", MessageRepository::map, id);
    }

    public void correctCode(Tx tx, String messageId, String code) {
        Sql.update(tx, "UPDATE messages SET code = ? WHERE id = ?", code, messageId);
    }

    static Message map(ResultSet row) throws SQLException {
        return new Message(row.getLong("seq"), row.getString("id"), row.getString("rental_id"),
                row.getString("phone_number"), row.getString("sender"), row.getString("text"), row.getString("code"),
                row.getInt("late") == 1, row.getString("source"), Instant.ofEpochMilli(row.getLong("received_at")));
    }
}
