package com.smsverifyo.client;

import java.time.Instant;

/**
 * Filters of the ledger (all optional).
 *
 * @param accountId a customer's account (default: the key's own)
 * @param kind      {@code credit}, {@code charge}, {@code refund} or {@code adjustment}
 * @param from      entries at or after
 * @param to        entries before
 * @param pageSize  entries per page, 1–200 (default 50)
 */
public record LedgerQuery(String accountId, String kind, Instant from, Instant to, Integer pageSize) {
    /** @return the key's own ledger, unfiltered */
    public static LedgerQuery all() {
        return new LedgerQuery(null, null, null, null, null);
    }

    /**
     * @param account a customer's account id
     * @return this query for that account
     */
    public LedgerQuery account(String account) {
        return new LedgerQuery(account, kind, from, to, pageSize);
    }

    /**
     * @param value the kind of entries
     * @return this query with that filter
     */
    public LedgerQuery kind(String value) {
        return new LedgerQuery(accountId, value, from, to, pageSize);
    }

    /**
     * @param start at or after
     * @param end   before
     * @return this query for that range
     */
    public LedgerQuery between(Instant start, Instant end) {
        return new LedgerQuery(accountId, kind, start, end, pageSize);
    }

    /**
     * @param size entries per page
     * @return this query with that page size
     */
    public LedgerQuery pageSize(int size) {
        return new LedgerQuery(accountId, kind, from, to, size);
    }

    ApiCall apply(ApiCall call) {
        return call.query("account", accountId).query("kind", kind).query("from", from).query("to", to)
                .query("limit", pageSize);
    }
}
