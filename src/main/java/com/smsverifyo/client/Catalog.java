package com.smsverifyo.client;

import java.math.BigDecimal;
import java.util.List;

/**
 * The owner's catalog: services, countries, base prices per service and country, and the tiers
 * that discount them for customers.
 *
 * @param services  the services
 * @param countries the countries
 * @param prices    base prices, one per service and country
 * @param tiers     the price tiers
 */
public record Catalog(List<Service> services, List<Country> countries, List<Price> prices, List<Tier> tiers) {
    /**
     * Copies the lists so the record stays immutable.
     *
     * @param services the services
     * @param countries the countries
     * @param prices base prices, one per service and country
     * @param tiers the price tiers
     */
    public Catalog {
        services = List.copyOf(services);
        countries = List.copyOf(countries);
        prices = List.copyOf(prices);
        tiers = List.copyOf(tiers);
    }

    /**
     * @param service the service's code, such as {@code whatsapp}
     * @param name    its display name
     */
    public record Service(String service, String name) {
    }

    /**
     * @param country ISO 3166-1 alpha-2
     * @param name    its name
     */
    public record Country(String country, String name) {
    }

    /**
     * @param service     the service's code
     * @param country     the country
     * @param price       US dollars, any carrier
     * @param mobilePrice US dollars, real mobile carriers only
     */
    public record Price(String service, String country, BigDecimal price, BigDecimal mobilePrice) {
    }

    /**
     * @param name            the tier's name, such as {@code reseller}
     * @param discountPercent its discount on base prices, percent
     */
    public record Tier(String name, BigDecimal discountPercent) {
    }
}
