package com.smsverifyo.engine;

import com.smsverifyo.store.Country;
import com.smsverifyo.store.Price;
import com.smsverifyo.store.Service;
import com.smsverifyo.store.Tier;
import java.util.List;

/**
 * The whole editable catalog, as {@code GET /v1/catalog} shows it and {@code PUT /v1/catalog}
 * replaces it: services (in display order), countries, base prices per service × country (for
 * carrier {@code any} and for real mobile carriers), and the tiers' discounts.
 */
public record Catalog(List<Service> services, List<Country> countries, List<Price> prices, List<Tier> tiers) {
    public Catalog {
        services = List.copyOf(services);
        countries = List.copyOf(countries);
        prices = List.copyOf(prices);
        tiers = List.copyOf(tiers);
    }
}
