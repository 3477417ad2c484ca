package com.smsverifyo.client;

import java.util.List;

/**
 * A service of the catalog, at the caller's prices, with live availability.
 *
 * @param service   the service's code, such as {@code whatsapp}
 * @param name      its display name
 * @param countries where it can be rented
 */
public record ServiceOffer(String service, String name, List<CountryOffer> countries) {
    /**
     * Copies the list so the record stays immutable.
     *
     * @param service the service's code, such as {@code whatsapp}
     * @param name its display name
     * @param countries where it can be rented
     */
    public ServiceOffer {
        countries = List.copyOf(countries);
    }

    /**
     * A country of a service's offer.
     *
     * @param country         ISO 3166-1 alpha-2
     * @param name            the country's name, if the server sends it
     * @param price           US dollars, any carrier
     * @param mobilePrice     US dollars, real mobile carriers only
     * @param available       free numbers, any carrier
     * @param mobileAvailable free real-mobile numbers
     */
    public record CountryOffer(String country, java.util.Optional<String> name, java.math.BigDecimal price,
                               java.math.BigDecimal mobilePrice, int available, int mobileAvailable) {
    }
}
