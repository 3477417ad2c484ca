package com.smsverifyo.client;

/** {@code /v1/numbers}: the server's number pool (the owner's admin keys). */
public final class NumbersResource {
    private final Transport transport;

    NumbersResource(Transport transport) {
        this.transport = transport;
    }

    /** @return every number of the pool, fetched lazily */
    public Paged<PoolNumber> list() {
        return list(null, null);
    }

    /**
     * @param country  only this country (ISO alpha-2), or null for all
     * @param sourceId only this source's numbers, or null for all
     * @return the matching numbers, fetched lazily
     */
    public Paged<PoolNumber> list(String country, String sourceId) {
        return new Paged<>(cursor -> transport.json(ApiCall.get("v1", "numbers").query("country", country)
                .query("source_id", sourceId).query("cursor", cursor), WireFormat.page(WireFormat::poolNumber)).value());
    }

    /**
     * Adds a SIM's number to the pool.
     *
     * @param number the number, its country and carrier, its source and where the SIM sits
     * @return the number as the pool keeps it
     * @throws ValidationException if a field is refused (each named)
     * @throws ConflictException   if the number is already in the pool
     */
    public PoolNumber register(NewPoolNumber number) {
        return transport.json(ApiCall.post(WireFormat.newPoolNumber(number), RequestOptions.none(), "v1", "numbers"),
                WireFormat::poolNumber).value();
    }

    /**
     * Takes a number out of the pool (its history stays).
     *
     * @param phoneNumber E.164
     * @throws ConflictException while a rental is open on it
     */
    public void delete(String phoneNumber) {
        transport.json(ApiCall.delete(RequestOptions.none(), "v1", "numbers", phoneNumber), null);
    }
}
