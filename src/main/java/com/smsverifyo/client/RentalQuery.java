package com.smsverifyo.client;

import java.time.Instant;

/**
 * Filters of a rental list (all optional): {@code RentalQuery.all().status(RentalStatus.WAITING).service("telegram")}.
 *
 * @param status    only rentals in this state
 * @param service   only this service
 * @param country   only this country
 * @param phone     only this number (E.164)
 * @param accountId a customer's account (admin keys; default: the key's own account)
 * @param from      created at or after (exports)
 * @param to        created before (exports)
 * @param pageSize  rentals per page, 1–200 (default 50)
 */
public record RentalQuery(RentalStatus status, String service, String country, String phone, String accountId,
                          Instant from, Instant to, Integer pageSize) {
    /** @return no filters: every rental of the key's account */
    public static RentalQuery all() {
        return new RentalQuery(null, null, null, null, null, null, null, null);
    }

    /**
     * @param value the state
     * @return this query with it
     */
    public RentalQuery status(RentalStatus value) {
        return new RentalQuery(value, service, country, phone, accountId, from, to, pageSize);
    }

    /**
     * @param value the service
     * @return this query with it
     */
    public RentalQuery service(String value) {
        return new RentalQuery(status, value, country, phone, accountId, from, to, pageSize);
    }

    /**
     * @param value the country
     * @return this query with it
     */
    public RentalQuery country(String value) {
        return new RentalQuery(status, service, value, phone, accountId, from, to, pageSize);
    }

    /**
     * @param value the number (E.164)
     * @return this query with it
     */
    public RentalQuery phone(String value) {
        return new RentalQuery(status, service, country, value, accountId, from, to, pageSize);
    }

    /**
     * @param value the customer's account id
     * @return this query with it
     */
    public RentalQuery account(String value) {
        return new RentalQuery(status, service, country, phone, value, from, to, pageSize);
    }

    /**
     * @param start created at or after
     * @param end created before
     * @return this query with the range
     */
    public RentalQuery between(Instant start, Instant end) {
        return new RentalQuery(status, service, country, phone, accountId, start, end, pageSize);
    }

    /**
     * @param size rentals per page, 1–200
     * @return this query with that page size
     */
    public RentalQuery pageSize(int size) {
        return new RentalQuery(status, service, country, phone, accountId, from, to, size);
    }

    ApiCall apply(ApiCall call) {
        return call.query("status", status == null ? null : status.wireName()).query("service", service)
                .query("country", country).query("phone", phone).query("account", accountId)
                .query("from", from).query("to", to).query("limit", pageSize);
    }
}
