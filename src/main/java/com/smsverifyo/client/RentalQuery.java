package com.smsverifyo.client;

import java.time.Instant;

/**
 * Filters of a rental list (all optional): {@code RentalQuery.all().status(RentalStatus.WAITING).service("telegram")}.
 *
 * @param status    only rentals in this state
 * @param service   only this service
 * @param country   only this country
 * @param phone     only this number (E.164)
 * @param accountId a customer's account (admin keys; default: the key's own account), or
 *                  {@value #ALL_ACCOUNTS} for the key's account and every customer below it
 * @param from      created at or after (exports)
 * @param to        created before (exports)
 * @param pageSize  rentals per page, 1–200 (default 50)
 * @param keyId     only rentals made with this key ({@code key_…})
 * @param code      only rentals that received this code (in any of their messages)
 */
public record RentalQuery(RentalStatus status, String service, String country, String phone, String accountId,
                          Instant from, Instant to, Integer pageSize, String keyId, String code) {
    /** The {@code account} value that searches the key's own account and every customer below it (admin keys). */
    public static final String ALL_ACCOUNTS = "all";

    /** @return no filters: every rental of the key's account */
    public static RentalQuery all() {
        return new RentalQuery(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param value the state
     * @return this query with it
     */
    public RentalQuery status(RentalStatus value) {
        return new RentalQuery(value, service, country, phone, accountId, from, to, pageSize, keyId, code);
    }

    /**
     * @param value the service
     * @return this query with it
     */
    public RentalQuery service(String value) {
        return new RentalQuery(status, value, country, phone, accountId, from, to, pageSize, keyId, code);
    }

    /**
     * @param value the country
     * @return this query with it
     */
    public RentalQuery country(String value) {
        return new RentalQuery(status, service, value, phone, accountId, from, to, pageSize, keyId, code);
    }

    /**
     * @param value the number (E.164)
     * @return this query with it
     */
    public RentalQuery phone(String value) {
        return new RentalQuery(status, service, country, value, accountId, from, to, pageSize, keyId, code);
    }

    /**
     * @param value the customer's account id, or {@value #ALL_ACCOUNTS} (see {@link #allAccounts()})
     * @return this query with it
     */
    public RentalQuery account(String value) {
        return new RentalQuery(status, service, country, phone, value, from, to, pageSize, keyId, code);
    }

    /**
     * Searches the key's own account and every customer below it at once (admin keys; support searches).
     *
     * @return this query across all accounts the key may see
     */
    public RentalQuery allAccounts() {
        return account(ALL_ACCOUNTS);
    }

    /**
     * @param value a key's id ({@code key_…}): only rentals made with it
     * @return this query with it
     */
    public RentalQuery key(String value) {
        return new RentalQuery(status, service, country, phone, accountId, from, to, pageSize, value, code);
    }

    /**
     * @param value a code: only rentals that received it, in any of their messages
     * @return this query with it
     */
    public RentalQuery code(String value) {
        return new RentalQuery(status, service, country, phone, accountId, from, to, pageSize, keyId, value);
    }

    /**
     * @param start created at or after
     * @param end created before
     * @return this query with the range
     */
    public RentalQuery between(Instant start, Instant end) {
        return new RentalQuery(status, service, country, phone, accountId, start, end, pageSize, keyId, code);
    }

    /**
     * @param size rentals per page, 1–200
     * @return this query with that page size
     */
    public RentalQuery pageSize(int size) {
        return new RentalQuery(status, service, country, phone, accountId, from, to, size, keyId, code);
    }

    ApiCall apply(ApiCall call) {
        return call.query("status", status == null ? null : status.wireName()).query("service", service)
                .query("country", country).query("phone", phone).query("account", accountId)
                .query("from", from).query("to", to).query("limit", pageSize).query("key", keyId).query("code", code);
    }
}
