package com.smsverifyo.client;

import java.util.List;

/** {@code GET /v1/services}: what can be rented, where, at the caller's prices, with live availability. */
public final class ServicesResource {
    private final Transport transport;

    ServicesResource(Transport transport) {
        this.transport = transport;
    }

    /** @return every service of the catalog */
    public List<ServiceOffer> list() {
        return list(null, null);
    }

    /**
     * @param service only this service, or {@code null}
     * @param country only this country, or {@code null}
     * @return the matching offers
     * @throws NotFoundException if the service or country is not in the catalog
     */
    public List<ServiceOffer> list(String service, String country) {
        ApiCall call = ApiCall.get("v1", "services").query("service", service).query("country", country);
        return transport.json(call, WireFormat.data(WireFormat::serviceOffer)).value();
    }
}
