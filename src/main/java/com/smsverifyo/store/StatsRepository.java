package com.smsverifyo.store;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * The dashboard's aggregates, each one query over one account's rows within a time range (the
 * indexes of {@code V7__stats.sql} keep every query to those rows). Times are epoch milliseconds;
 * buckets are numbered from the range's start: bucket {@code n} covers
 * {@code [from + n × width, from + (n + 1) × width)}.
 */
public final class StatsRepository {

    /** One bucket's figure; buckets without rows are absent. */
    public record Bucketed(int bucket, long value) {
    }

    /**
     * Rentals of one service whose wait ended in a range: {@code ended} of them, {@code received} of
     * those with a code.
     */
    public record ServiceOutcome(String service, String name, long received, long ended) {
    }

    static final String OPEN_RENTALS =
            "SELECT count(*) FROM rentals WHERE account_id = ? AND status IN ('waiting', 'received')";

    static final String FIRST_CODES =
            "SELECT count(*) FROM rentals WHERE account_id = ? AND received_at >= ? AND received_at < ?";

    static final String FIRST_CODES_PER_BUCKET =
            "SELECT (received_at - ?) / ? AS bucket, count(*) AS value FROM rentals "
                    + "WHERE account_id = ? AND received_at >= ? AND received_at < ? GROUP BY bucket";

    static final String SPEND_PER_BUCKET =
            "SELECT (created_at - ?) / ? AS bucket, sum(price_micros - refunded_micros) AS value FROM rentals "
                    + "WHERE account_id = ? AND created_at >= ? AND created_at < ? GROUP BY bucket";

    /**
     * A rental's wait ends at its first code (a success) or, without one, when it is cancelled,
     * reported or expires: each rental counts once, in the range where that happened.
     */
    static final String OUTCOMES_BY_SERVICE =
            "SELECT o.service AS service, s.name AS name, sum(o.received) AS received, sum(o.ended) AS ended FROM ("
                    + "SELECT service, count(*) AS received, count(*) AS ended FROM rentals "
                    + "WHERE account_id = ? AND received_at >= ? AND received_at < ? GROUP BY service "
                    + "UNION ALL "
                    + "SELECT service, 0 AS received, count(*) AS ended FROM rentals "
                    + "WHERE account_id = ? AND ended_at >= ? AND ended_at < ? AND received_at IS NULL GROUP BY service"
                    + ") o LEFT JOIN services s ON s.code = o.service "
                    + "GROUP BY o.service ORDER BY sum(o.ended) DESC, coalesce(s.sort_order, 2147483647), o.service";

    /** SQLite takes the bare column from the row of max(seq): the balance after the bucket's last posting. */
    static final String BALANCE_PER_BUCKET =
            "SELECT (created_at - ?) / ? AS bucket, max(seq) AS last_seq, balance_after_micros AS value FROM ledger "
                    + "WHERE account_id = ? AND created_at >= ? AND created_at < ? GROUP BY bucket";

    static final String BALANCE_BEFORE =
            "SELECT balance_after_micros FROM ledger WHERE account_id = ? AND created_at < ? "
                    + "ORDER BY created_at DESC, seq DESC LIMIT 1";

    /** Rentals still open: waiting for a code, or received and not yet finished. */
    public long openRentals(Tx tx, String accountId) {
        return Sql.count(tx, OPEN_RENTALS, accountId);
    }

    /** Rentals whose first code arrived in {@code [from, to)}. */
    public long firstCodes(Tx tx, String accountId, Instant from, Instant to) {
        return Sql.count(tx, FIRST_CODES, accountId, from.toEpochMilli(), to.toEpochMilli());
    }

    /** Rentals whose first code arrived, per bucket. */
    public List<Bucketed> firstCodesPerBucket(Tx tx, String accountId, Instant from, Instant to, long widthMillis) {
        return perBucket(tx, FIRST_CODES_PER_BUCKET, accountId, from, to, widthMillis);
    }

    /** Micro-dollars charged per bucket of charge time, less what those rentals had refunded. */
    public List<Bucketed> spendPerBucket(Tx tx, String accountId, Instant from, Instant to, long widthMillis) {
        return perBucket(tx, SPEND_PER_BUCKET, accountId, from, to, widthMillis);
    }

    /** The balance after the last ledger posting of each bucket. */
    public List<Bucketed> balancePerBucket(Tx tx, String accountId, Instant from, Instant to, long widthMillis) {
        return perBucket(tx, BALANCE_PER_BUCKET, accountId, from, to, widthMillis);
    }

    /** The balance after the last posting before {@code at}; empty when the account had none. */
    public OptionalLong balanceBefore(Tx tx, String accountId, Instant at) {
        return Sql.one(tx, BALANCE_BEFORE, row -> row.getLong(1), accountId, at.toEpochMilli())
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Successes and ended waits per service in {@code [from, to)}: the most used first, then in catalog order. */
    public List<ServiceOutcome> outcomesByService(Tx tx, String accountId, Instant from, Instant to) {
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        return Sql.list(tx, OUTCOMES_BY_SERVICE,
                row -> new ServiceOutcome(row.getString("service"), row.getString("name"), row.getLong("received"),
                        row.getLong("ended")),
                accountId, start, end, accountId, start, end);
    }

    private static List<Bucketed> perBucket(Tx tx, String sql, String accountId, Instant from, Instant to,
                                            long widthMillis) {
        if (widthMillis <= 0) {
            throw new IllegalArgumentException("a bucket must be wider than 0 ms");
        }
        long start = from.toEpochMilli();
        return Sql.list(tx, sql, row -> new Bucketed(row.getInt("bucket"), row.getLong("value")),
                start, widthMillis, accountId, start, to.toEpochMilli());
    }
}
