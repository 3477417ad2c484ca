package com.smsverifyo.client;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for a rental: {@code NewRental.of("whatsapp", "US").mobileOnly().maxPrice(new BigDecimal("0.80"))}.
 *
 * @param service  the service, such as {@code whatsapp}
 * @param country  ISO 3166-1 alpha-2, such as {@code US}
 * @param carrier  {@link Carrier#ANY} (default) or {@link Carrier#MOBILE}
 * @param maxPrice a hard cap in US dollars (at most 4 decimals): above it nothing is charged and
 *                 the call fails with {@link MaxPriceExceededException}; {@code null} for none
 */
public record NewRental(String service, String country, Carrier carrier, BigDecimal maxPrice) {
    /**
     * Checks the required fields.
     *
     * @param service the service, such as {@code whatsapp}
     * @param country ISO 3166-1 alpha-2, such as {@code US}
     * @param carrier {@link Carrier#ANY} (default) or {@link Carrier#MOBILE}
     * @param maxPrice a hard cap in US dollars (at most 4 decimals): above it nothing is charged and the call fails with {@link MaxPriceExceededException}; {@code null} for none
     */
    public NewRental {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(country, "country");
        carrier = carrier == null ? Carrier.ANY : carrier;
        if (carrier == Carrier.UNKNOWN) {
            throw new IllegalArgumentException("carrier must be ANY or MOBILE");
        }
    }

    /**
     * @param service the service
     * @param country the country
     * @return a request for any carrier, without a price cap
     */
    public static NewRental of(String service, String country) {
        return new NewRental(service, country, Carrier.ANY, null);
    }

    /** @return this request for real mobile-carrier numbers only */
    public NewRental mobileOnly() {
        return new NewRental(service, country, Carrier.MOBILE, maxPrice);
    }

    /**
     * @param cap the most to pay, US dollars
     * @return this request with a price cap
     */
    public NewRental maxPrice(BigDecimal cap) {
        return new NewRental(service, country, carrier, cap);
    }

    /** @return the price cap, if any */
    public Optional<BigDecimal> priceCap() {
        return Optional.ofNullable(maxPrice);
    }
}
