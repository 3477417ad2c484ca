package com.smsverifyo.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

public final class RentalRepository {
    private static final String COLUMNS = "seq, id, account_id, key_id, service, country, carrier, number_id, "
            + "phone_number, price_micros, status, code, created_at, expires_at, received_at, ended_at, refunded_micros";

    /** Filters of the rentals list; null means "any". */
    public record Filter(Collection<String> accountIds, RentalStatus status, String service, String country,
                         String phoneNumber, String keyId, Instant from, Instant to, String code) {
        public Filter(Collection<String> accountIds, RentalStatus status, String service, String country,
                      String phoneNumber, String keyId, Instant from, Instant to) {
            this(accountIds, status, service, country, phoneNumber, keyId, from, to, null);
        }

        public static Filter ofAccount(String accountId) {
            return new Filter(List.of(accountId), null, null, null, null, null, null, null, null);
        }

        public Filter withKeyAndCode(String key, String newCode) {
            return new Filter(accountIds, status, service, country, phoneNumber, key, from, to, newCode);
        }
    }

    private final MessageRepository messages;

    public RentalRepository(MessageRepository messages) {
        this.messages = messages;
    }

    /** Inserts the rental and returns it with its sequence number (the SMS-Activate alias). */
    public Rental insert(Tx tx, Rental rental) {
        long seq = Sql.insert(tx, "INSERT INTO rentals (id, account_id, key_id, service, country, carrier, number_id, "
                        + "phone_number, price_micros, status, code, created_at, expires_at, received_at, ended_at, "
                        + "refunded_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rental.id(), rental.accountId(), rental.keyId(), rental.service(), rental.country(), rental.carrier(),
                rental.numberId(), rental.phoneNumber(), rental.priceMicros(), rental.status(), rental.code(),
                rental.createdAt().toEpochMilli(), rental.expiresAt().toEpochMilli(), Sql.millis(rental.receivedAt()),
                Sql.millis(rental.endedAt()), rental.refundedMicros());
        return new Rental(seq, rental.id(), rental.accountId(), rental.keyId(), rental.service(), rental.country(),
                rental.carrier(), rental.numberId(), rental.phoneNumber(), rental.priceMicros(), rental.status(),
                rental.code(), rental.createdAt(), rental.expiresAt(), rental.receivedAt(), rental.endedAt(),
                rental.refundedMicros(), rental.messages());
    }

    /** Writes the fields that change over a rental's life. */
    public void update(Tx tx, Rental rental) {
        Sql.update(tx, "UPDATE rentals SET status = ?, code = ?, received_at = ?, ended_at = ?, refunded_micros = ?, "
                        + "expires_at = ? WHERE id = ?",
                rental.status(), rental.code(), Sql.millis(rental.receivedAt()), Sql.millis(rental.endedAt()),
                rental.refundedMicros(), rental.expiresAt().toEpochMilli(), rental.id());
    }

    /** The rental without its messages (for state changes). */
    public Optional<Rental> findBare(Tx tx, String id) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM rentals WHERE id = ?", RentalRepository::map, id);
    }

    public Optional<Rental> find(Tx tx, String id) {
        return findBare(tx, id).map(rental -> rental.withMessages(messages.forRental(tx, rental.id())));
    }

    public Optional<Rental> findBySeq(Tx tx, long seq) {
        return Sql.one(tx, "SELECT " + COLUMNS + " FROM rentals WHERE seq = ?", RentalRepository::map, seq)
                .map(rental -> rental.withMessages(messages.forRental(tx, rental.id())));
    }

    /** Newest first, before {@code beforeSeq} when given, with messages. */
    public List<Rental> list(Tx tx, Filter filter, Long beforeSeq, int limit) {
        Where where = where(filter).when(beforeSeq != null, "seq < ?", beforeSeq);
        List<Rental> bare = Sql.list(tx, "SELECT " + COLUMNS + " FROM rentals" + where.sql() + " ORDER BY seq DESC LIMIT ?",
                RentalRepository::map, where.args(limit));
        return withMessages(tx, bare);
    }

    /** Streams rentals oldest first without messages, for exports of any size. */
    public void each(Tx tx, Filter filter, Consumer<Rental> sink) {
        Where where = where(filter);
        Sql.each(tx, "SELECT " + COLUMNS + " FROM rentals" + where.sql() + " ORDER BY seq", RentalRepository::map, sink,
                where.args());
    }

    /** Open rentals whose time is up at {@code now}, oldest deadline first. */
    public List<Rental> dueForExpiry(Tx tx, Instant now, int limit) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM rentals WHERE status IN ('waiting', 'received') "
                + "AND expires_at <= ? ORDER BY expires_at LIMIT ?", RentalRepository::map, now.toEpochMilli(), limit);
    }

    /** The earliest deadline of any open rental, so the sweeper can sleep until then. */
    public Optional<Instant> nextExpiry(Tx tx) {
        return Sql.one(tx, "SELECT min(expires_at) FROM rentals WHERE status IN ('waiting', 'received')",
                row -> Sql.instant(row, "min(expires_at)"));
    }

    /** Open rentals on a phone number, newest first. */
    public List<Rental> openOn(Tx tx, String phoneNumber) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM rentals WHERE phone_number = ? AND status IN ('waiting', 'received') "
                + "ORDER BY seq DESC", RentalRepository::map, phoneNumber);
    }

    /** The most recent rentals on a phone number that ended at or after {@code since}, newest first. */
    public List<Rental> endedOnSince(Tx tx, String phoneNumber, Instant since) {
        return Sql.list(tx, "SELECT " + COLUMNS + " FROM rentals WHERE phone_number = ? "
                        + "AND status NOT IN ('waiting', 'received') AND ended_at >= ? ORDER BY seq DESC LIMIT 20",
                RentalRepository::map, phoneNumber, since.toEpochMilli());
    }

    public long count(Tx tx, Filter filter) {
        Where where = where(filter);
        return Sql.count(tx, "SELECT count(*) FROM rentals" + where.sql(), where.args());
    }

    private List<Rental> withMessages(Tx tx, List<Rental> bare) {
        if (bare.isEmpty()) {
            return bare;
        }
        Map<String, List<Message>> byRental = new HashMap<>();
        for (Message message : messages.forRentals(tx, bare.stream().map(Rental::id).toList())) {
            byRental.computeIfAbsent(message.rentalId(), k -> new ArrayList<>()).add(message);
        }
        return bare.stream().map(r -> r.withMessages(byRental.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Where where(Filter filter) {
        Where where = new Where();
        Collection<String> accounts = filter.accountIds();
        if (accounts != null) {
            if (accounts.size() == 1) {
                where.is("account_id", accounts.iterator().next());
            } else {
                where.when(true, "account_id IN (" + String.join(",", accounts.stream().map(a -> "?").toList()) + ")",
                        accounts.toArray());
            }
        }
        return where.is("status", filter.status()).is("service", filter.service()).is("country", filter.country())
                .is("phone_number", filter.phoneNumber()).is("key_id", filter.keyId())
                .when(filter.code() != null, "id IN (SELECT rental_id FROM messages WHERE code = ?)", filter.code())
                .when(filter.from() != null, "created_at >= ?", Sql.millis(filter.from()))
                .when(filter.to() != null, "created_at < ?", Sql.millis(filter.to()));
    }

    static Rental map(ResultSet row) throws SQLException {
        return new Rental(row.getLong("seq"), row.getString("id"), row.getString("account_id"), row.getString("key_id"),
                row.getString("service"), row.getString("country"), Carrier.parse(row.getString("carrier")),
                row.getLong("number_id"), row.getString("phone_number"), row.getLong("price_micros"),
                RentalStatus.parse(row.getString("status")), row.getString("code"),
                Instant.ofEpochMilli(row.getLong("created_at")), Instant.ofEpochMilli(row.getLong("expires_at")),
                Sql.instant(row, "received_at"), Sql.instant(row, "ended_at"), row.getLong("refunded_micros"), List.of());
    }
}
