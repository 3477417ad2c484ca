package com.smsverifyo.engine;

import com.smsverifyo.store.Account;
import com.smsverifyo.store.CatalogRepository;
import com.smsverifyo.store.CatalogRepository.Availability;
import com.smsverifyo.store.Carrier;
import com.smsverifyo.store.Country;
import com.smsverifyo.store.NumberType;
import com.smsverifyo.store.Price;
import com.smsverifyo.store.Service;
import com.smsverifyo.store.Tier;
import com.smsverifyo.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What can be rented, at which price for a given account (its tier's discount applied). */
public final class CatalogService {

    /** One country's offer for a service, priced for the caller. */
    public record CountryOffer(String country, String countryName, long priceMicros, long mobilePriceMicros,
                               long available, long mobileAvailable) {
    }

    public record ServiceOffer(String service, String name, List<CountryOffer> countries) {
    }

    private final CatalogRepository catalog = new CatalogRepository();

    public List<ServiceOffer> offers(Tx tx, Account account, String serviceFilter, String countryFilter) {
        int discount = discountOf(tx, account);
        Availability availability = catalog.availability(tx);
        Map<String, Country> countries = catalog.countries(tx).stream()
                .collect(Collectors.toMap(Country::code, Function.identity()));
        Map<String, List<Price>> prices = catalog.prices(tx).stream().collect(Collectors.groupingBy(Price::service));
        List<ServiceOffer> offers = new ArrayList<>();
        for (Service service : catalog.services(tx)) {
            if (serviceFilter != null && !serviceFilter.equals(service.code())) {
                continue;
            }
            List<CountryOffer> countryOffers = new ArrayList<>();
            for (Price price : prices.getOrDefault(service.code(), List.of())) {
                if (countryFilter != null && !countryFilter.equals(price.country())) {
                    continue;
                }
                long mobile = availability.free(service.code(), price.country(), NumberType.MOBILE);
                long voip = availability.free(service.code(), price.country(), NumberType.VOIP);
                Country country = countries.get(price.country());
                countryOffers.add(new CountryOffer(price.country(), country == null ? price.country() : country.name(),
                        Money.discount(price.priceMicros(), discount), Money.discount(price.mobilePriceMicros(), discount),
                        mobile + voip, mobile));
            }
            if (!countryOffers.isEmpty() || (countryFilter == null)) {
                offers.add(new ServiceOffer(service.code(), service.name(), countryOffers));
            }
        }
        return offers;
    }

    /**
     * The price {@code account} pays now for one rental.
     *
     * @throws DomainException {@code unknown_service} or {@code unknown_country}
     */
    public long priceFor(Tx tx, Account account, String service, String country, Carrier carrier) {
        Price price = catalog.price(tx, service, country).orElseThrow(() -> unknown(tx, service, country));
        long base = carrier == Carrier.MOBILE ? price.mobilePriceMicros() : price.priceMicros();
        return Money.discount(base, discountOf(tx, account));
    }

    public boolean serviceExists(Tx tx, String service) {
        return catalog.services(tx).stream().anyMatch(s -> s.code().equals(service));
    }

    public boolean countryExists(Tx tx, String country) {
        return catalog.countries(tx).stream().anyMatch(c -> c.code().equals(country));
    }

    public List<Service> services(Tx tx) {
        return catalog.services(tx);
    }

    public List<Country> countries(Tx tx) {
        return catalog.countries(tx);
    }

    public List<Price> prices(Tx tx) {
        return catalog.prices(tx);
    }

    public List<Tier> tiers(Tx tx) {
        return catalog.tiers(tx);
    }

    /** Seeds the demo catalog and tiers (first start only). */
    public void seedDemo(Tx tx) {
        DemoCatalog.tiers().forEach(tier -> catalog.upsertTier(tx, tier));
        DemoCatalog.services().forEach(service -> catalog.upsertService(tx, service));
        DemoCatalog.countries().forEach(country -> catalog.upsertCountry(tx, country));
        DemoCatalog.prices().forEach(price -> catalog.upsertPrice(tx, price));
    }

    private int discountOf(Tx tx, Account account) {
        return catalog.tier(tx, account.tier()).map(Tier::discountBp).orElse(0);
    }

    private DomainException unknown(Tx tx, String service, String country) {
        if (!serviceExists(tx, service)) {
            return new DomainException(ErrorCode.UNKNOWN_SERVICE,
                    "The service '" + service + "' is not in the catalog; GET /v1/services lists them.");
        }
        if (!countryExists(tx, country)) {
            return new DomainException(ErrorCode.UNKNOWN_COUNTRY,
                    "The country '" + country + "' is not in the catalog; GET /v1/services lists them.");
        }
        return new DomainException(ErrorCode.UNKNOWN_COUNTRY,
                "The service '" + service + "' is not offered in '" + country + "'.");
    }
}
