package com.smsverifyo.client;

/** {@code /v1/catalog}: the owner's services, countries, base prices and tiers (the owner's admin keys). */
public final class CatalogResource {
    private final Transport transport;

    CatalogResource(Transport transport) {
        this.transport = transport;
    }

    /** @return the whole catalog */
    public Catalog get() {
        return transport.json(ApiCall.get("v1", "catalog"), WireFormat::catalog).value();
    }

    /**
     * Replaces the catalog. New prices apply to new rentals only; every rental keeps the price it
     * was charged.
     *
     * @param catalog the catalog as it should be
     * @return the catalog as the server stored it
     */
    public Catalog put(Catalog catalog) {
        return transport.json(ApiCall.write("PUT", WireFormat.catalog(catalog), RequestOptions.none(), "v1", "catalog"),
                WireFormat::catalog).value();
    }
}
