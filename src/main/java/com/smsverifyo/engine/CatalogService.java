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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * The whole catalog at base prices, for the server owner's admin keys only: a customer never
     * sees base prices or other tiers.
     */
    public Catalog catalog(Tx tx, Principal principal) {
        requireCatalogAdmin(principal);
        return new Catalog(catalog.services(tx), catalog.countries(tx), catalog.prices(tx), catalog.tiers(tx));
    }

    /** Every rule {@code next} breaks, as field errors with JSON pointers; empty when it is valid. */
    public List<FieldError> check(Catalog next) {
        return CatalogRules.check(next);
    }

    /**
     * Replaces the whole catalog in the caller's transaction: what {@code next} does not list is
     * removed. Prices apply to rentals created from now on; every rental keeps the price it was
     * charged, and its refund is that price.
     *
     * @throws DomainException {@code forbidden} unless an admin key of the owner account;
     *                         {@code invalid_request} naming every invalid field;
     *                         {@code conflict} (nothing changed) when it would remove a service or
     *                         country that open rentals use, or a tier that accounts are on
     */
    public Catalog replace(Tx tx, Principal principal, Catalog next) {
        requireCatalogAdmin(principal);
        List<FieldError> errors = check(next);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Catalog current = catalog(tx, principal);
        Set<String> removedServices = removed(current.services(), next.services(), Service::code);
        Set<String> removedCountries = removed(current.countries(), next.countries(), Country::code);
        Set<String> removedTiers = removed(current.tiers(), next.tiers(), Tier::name);
        refuseRemovingWhatIsInUse(tx, removedServices, removedCountries, removedTiers);

        catalog.deleteAllPrices(tx);
        next.tiers().forEach(tier -> catalog.upsertTier(tx, tier));
        removedTiers.forEach(name -> catalog.deleteTier(tx, name));
        for (int i = 0; i < next.services().size(); i++) {
            Service service = next.services().get(i);
            // The order of the list is the order GET /v1/services shows.
            catalog.upsertService(tx, new Service(service.code(), service.name().strip(), (i + 1) * 10));
        }
        removedServices.forEach(code -> catalog.deleteService(tx, code));
        next.countries().forEach(country -> catalog.upsertCountry(tx, new Country(country.code(), country.name().strip())));
        removedCountries.forEach(code -> catalog.deleteCountry(tx, code));
        next.prices().forEach(price -> catalog.upsertPrice(tx, price));
        return catalog(tx, principal);
    }

    /** Only the server owner's admin keys see and edit the catalog. */
    public void requireCatalogAdmin(Principal principal) {
        principal.require(Scope.ADMIN);
        if (!principal.ownerAccount()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only the server owner's admin keys manage the catalog.");
        }
    }

    private void refuseRemovingWhatIsInUse(Tx tx, Set<String> services, Set<String> countries, Set<String> tiers) {
        List<Map<String, Object>> conflicts = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        inUse(services, catalog.openRentalsByService(tx), "service", "open_rentals", "open rentals", conflicts, reasons);
        inUse(countries, catalog.openRentalsByCountry(tx), "country", "open_rentals", "open rentals", conflicts, reasons);
        inUse(tiers, catalog.accountsByTier(tx), "tier", "accounts", "accounts on it", conflicts, reasons);
        if (conflicts.isEmpty()) {
            return;
        }
        throw new DomainException(ErrorCode.CONFLICT, "The catalog was not changed: it would remove "
                + String.join("; ", reasons) + ". To stop new rentals of a service or country now, remove its prices; "
                + "remove it once its rentals have ended. Move accounts to another tier before removing theirs.")
                .with("conflicts", conflicts);
    }

    private static void inUse(Set<String> removed, Map<String, Long> uses, String kind, String member, String noun,
                              List<Map<String, Object>> conflicts, List<String> reasons) {
        for (String code : new TreeSet<>(removed)) {
            long count = uses.getOrDefault(code, 0L);
            if (count > 0) {
                Map<String, Object> conflict = new LinkedHashMap<>();
                conflict.put("kind", kind);
                conflict.put("code", code);
                conflict.put(member, count);
                conflicts.add(conflict);
                reasons.add(kind + " '" + code + "' with " + count + " " + noun);
            }
        }
    }

    private static <T> Set<String> removed(List<T> current, List<T> next, Function<T, String> key) {
        Set<String> kept = next.stream().map(key).collect(Collectors.toSet());
        Set<String> removed = new LinkedHashSet<>();
        current.stream().map(key).filter(code -> !kept.contains(code)).forEach(removed::add);
        return removed;
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
