package com.smsverifyo.engine;

import com.smsverifyo.store.Country;
import com.smsverifyo.store.Price;
import com.smsverifyo.store.Service;
import com.smsverifyo.store.Tier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a catalog valid, checked as a whole so that one reply names every problem with its
 * JSON pointer ({@code #/prices/3/service}).
 */
final class CatalogRules {
    static final int MAX_SERVICES = 1_000;
    static final int MAX_COUNTRIES = 300;
    static final int MAX_TIERS = 100;
    /** 10,000 USD: no single rental costs more; keeps every sum far from overflow. */
    static final long MAX_PRICE_MICROS = 10_000 * Money.MICROS_PER_USD;

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,31}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final List<FieldError> errors = new ArrayList<>();

    private CatalogRules() {
    }

    /** Every rule the catalog breaks; empty when it is valid. */
    static List<FieldError> check(Catalog catalog) {
        CatalogRules rules = new CatalogRules();
        Set<String> services = rules.services(catalog.services());
        Set<String> countries = rules.countries(catalog.countries());
        rules.prices(catalog.prices(), services, countries);
        rules.tiers(catalog.tiers());
        return List.copyOf(rules.errors);
    }

    private Set<String> services(List<Service> services) {
        if (services.isEmpty() || services.size() > MAX_SERVICES) {
            error("services", "'services' must hold 1 to " + MAX_SERVICES + " services.");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            Service service = services.get(i);
            String at = "services/" + i + "/";
            if (!CODE.matcher(service.code()).matches()) {
                error(at + "code", "'services[" + i + "].code' must be 1 to 32 lower-case letters, digits, '_', '.' or '-', "
                        + "starting with a letter or digit.");
            } else if (!codes.add(service.code())) {
                error(at + "code", "'services[" + i + "].code' repeats the service '" + service.code() + "'.");
            }
            name(at + "name", "services[" + i + "].name", service.name());
        }
        return codes;
    }

    private Set<String> countries(List<Country> countries) {
        if (countries.isEmpty() || countries.size() > MAX_COUNTRIES) {
            error("countries", "'countries' must hold 1 to " + MAX_COUNTRIES + " countries.");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < countries.size(); i++) {
            Country country = countries.get(i);
            String at = "countries/" + i + "/";
            if (!COUNTRY.matcher(country.code()).matches()) {
                error(at + "code", "'countries[" + i + "].code' must be an ISO 3166-1 alpha-2 code in capitals, such as US.");
            } else if (!codes.add(country.code())) {
                error(at + "code", "'countries[" + i + "].code' repeats the country '" + country.code() + "'.");
            }
            name(at + "name", "countries[" + i + "].name", country.name());
        }
        return codes;
    }

    private void prices(List<Price> prices, Set<String> services, Set<String> countries) {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < prices.size(); i++) {
            Price price = prices.get(i);
            String at = "prices/" + i + "/";
            String label = "prices[" + i + "]";
            boolean known = true;
            if (!services.contains(price.service())) {
                error(at + "service", "'" + label + ".service' must be one of the codes in 'services'; '"
                        + price.service() + "' is not.");
                known = false;
            }
            if (!countries.contains(price.country())) {
                error(at + "country", "'" + label + ".country' must be one of the codes in 'countries'; '"
                        + price.country() + "' is not.");
                known = false;
            }
            if (known && !pairs.add(price.service() + "|" + price.country())) {
                error(at + "service", "'" + label + "' repeats the price of " + price.service() + " in " + price.country() + ".");
            }
            amount(at + "price_usd", label + ".price_usd", price.priceMicros());
            amount(at + "mobile_price_usd", label + ".mobile_price_usd", price.mobilePriceMicros());
        }
    }

    private void tiers(List<Tier> tiers) {
        if (tiers.isEmpty() || tiers.size() > MAX_TIERS) {
            error("tiers", "'tiers' must hold 1 to " + MAX_TIERS + " tiers.");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            String at = "tiers/" + i + "/";
            if (!CODE.matcher(tier.name()).matches()) {
                error(at + "name", "'tiers[" + i + "].name' must be 1 to 32 lower-case letters, digits, '_', '.' or '-', "
                        + "starting with a letter or digit.");
            } else if (!names.add(tier.name())) {
                error(at + "name", "'tiers[" + i + "].name' repeats the tier '" + tier.name() + "'.");
            }
            if (tier.discountBp() < 0 || tier.discountBp() > 10_000) {
                error(at + "discount_percent", "'tiers[" + i + "].discount_percent' must be from 0 to 100.");
            }
        }
    }

    private void name(String pointer, String label, String name) {
        if (name.isBlank() || name.length() > 100) {
            error(pointer, "'" + label + "' must be 1 to 100 characters.");
        }
    }

    private void amount(String pointer, String label, long micros) {
        if (micros < 0 || micros > MAX_PRICE_MICROS) {
            error(pointer, "'" + label + "' must be from 0 to " + Money.format(MAX_PRICE_MICROS) + " USD.");
        }
    }

    private void error(String field, String detail) {
        errors.add(FieldError.of(field, detail));
    }
}
