package com.smsverifyo.client;

import java.io.OutputStream;

/**
 * {@code /v1/rentals}: rent a number, read it, list them, and change a rental's state. Every
 * creating and state-changing call carries an Idempotency-Key (yours, or a random one) that is
 * reused on each retry, so a retry never rents or charges twice.
 */
public final class RentalsResource {
    private final Transport transport;

    RentalsResource(Transport transport) {
        this.transport = transport;
    }

    /**
     * Rents a number ({@code POST /v1/rentals}).
     *
     * @param request service, country, carrier, price cap
     * @return the new rental, {@code waiting}
     * @throws InsufficientBalanceException if the balance is below the price
     * @throws MaxPriceExceededException    if the price is above the request's cap
     * @throws NoNumbersAvailableException  if no number is free
     * @throws RateLimitedException         if the key's quota stays exhausted beyond the retry policy
     */
    public Rental create(NewRental request) {
        return createWithResponse(request, RequestOptions.none()).value();
    }

    /**
     * Rents a number with your own Idempotency-Key.
     *
     * @param request the rental wanted
     * @param options the Idempotency-Key to use
     * @return the new rental (or, for a key used before, the rental that request created)
     */
    public Rental create(NewRental request, RequestOptions options) {
        return createWithResponse(request, options).value();
    }

    /**
     * Rents a number and returns the response's details too: whether it was a replay, and the
     * key's remaining quota.
     *
     * @param request the rental wanted
     * @param options the Idempotency-Key to use
     * @return the rental with the response's details
     */
    public ApiResponse<Rental> createWithResponse(NewRental request, RequestOptions options) {
        return transport.json(ApiCall.post(WireFormat.newRental(request), options, "v1", "rentals"), WireFormat::rental);
    }

    /**
     * @param id the rental's id
     * @return the rental as it is now
     * @throws NotFoundException if there is no such rental for this key
     */
    public Rental get(String id) {
        return transport.json(ApiCall.get("v1", "rentals", id), WireFormat::rental).value();
    }

    /**
     * @param query  the filters
     * @param cursor a page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @return one page, newest first
     */
    public Page<Rental> page(RentalQuery query, String cursor) {
        ApiCall call = query.apply(ApiCall.get("v1", "rentals")).query("cursor", cursor);
        return transport.json(call, WireFormat.page(WireFormat::rental)).value();
    }

    /**
     * @param query the filters
     * @return every matching rental, newest first, fetched a page at a time as you iterate
     */
    public Paged<Rental> list(RentalQuery query) {
        return new Paged<>(cursor -> page(query, cursor));
    }

    /** @return every rental of the key's account, newest first, fetched lazily */
    public Paged<Rental> list() {
        return list(RentalQuery.all());
    }

    /**
     * Cancels a {@code waiting} rental with a full refund. Cancelling a cancelled rental again
     * returns it unchanged.
     *
     * @param id the rental's id
     * @return the cancelled rental
     * @throws ConflictException once a code arrived ({@code rental_not_cancellable})
     */
    public Rental cancel(String id) {
        return cancel(id, RequestOptions.none());
    }

    /**
     * @param id      the rental's id
     * @param options the Idempotency-Key to use
     * @return the cancelled rental
     */
    public Rental cancel(String id, RequestOptions options) {
        return transition(id, "cancel", options);
    }

    /**
     * Releases a {@code received} rental early: it becomes {@code completed}.
     *
     * @param id the rental's id
     * @return the completed rental
     */
    public Rental finish(String id) {
        return finish(id, RequestOptions.none());
    }

    /**
     * @param id      the rental's id
     * @param options the Idempotency-Key to use
     * @return the completed rental
     */
    public Rental finish(String id, RequestOptions options) {
        return transition(id, "finish", options);
    }

    /**
     * Asks for another SMS on a {@code received} rental (the code was wrong or expired): it goes
     * back to {@code waiting}, with no new charge.
     *
     * @param id the rental's id
     * @return the rental, waiting again
     */
    public Rental retry(String id) {
        return retry(id, RequestOptions.none());
    }

    /**
     * @param id      the rental's id
     * @param options the Idempotency-Key to use
     * @return the rental, waiting again
     */
    public Rental retry(String id, RequestOptions options) {
        return transition(id, "retry", options);
    }

    /**
     * Reports that the service refused the number: a {@code waiting} rental is cancelled with a
     * full refund and the number leaves that service's pool.
     *
     * @param id the rental's id
     * @return the cancelled rental
     */
    public Rental report(String id) {
        return report(id, RequestOptions.none());
    }

    /**
     * @param id      the rental's id
     * @param options the Idempotency-Key to use
     * @return the cancelled rental
     */
    public Rental report(String id, RequestOptions options) {
        return transition(id, "report", options);
    }

    /**
     * Streams the matching rentals as CSV ({@code Accept: text/csv}) into {@code out}, in constant memory.
     *
     * @param query the filters (a date range with {@link RentalQuery#between})
     * @param out   where to write; not closed
     * @return the number of bytes written
     */
    public long exportCsv(RentalQuery query, OutputStream out) {
        return transport.download(query.apply(ApiCall.get("v1", "rentals")).accept("text/csv"), "text/csv", out);
    }

    private Rental transition(String id, String action, RequestOptions options) {
        return transport.json(ApiCall.post(null, options, "v1", "rentals", id, action), WireFormat::rental).value();
    }
}
