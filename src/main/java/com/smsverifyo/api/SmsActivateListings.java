package com.smsverifyo.api;

import static com.smsverifyo.api.SmsActivateReply.refuse;

import com.smsverifyo.engine.CatalogService;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.Money;
import com.smsverifyo.store.Account;
import com.smsverifyo.store.Carrier;
import com.smsverifyo.store.Country;
import com.smsverifyo.store.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The read-only actions of the SMS-Activate protocol — getBalance, getPrices, getNumbersStatus,
 * getCountries, getServicesList — drawn from the live catalog at the caller's prices, through the
 * mapping table: what the table does not name is not shown.
 */
final class SmsActivateListings {
    private final Engine engine;

    SmsActivateListings(Engine engine) {
        this.engine = engine;
    }

    /** {@code ACCESS_BALANCE:<amount>}, in USD. */
    SmsActivateReply getBalance(SmsActivateRequest request) {
        Account account = engine.db().read(tx -> engine.accounts().own(tx, request.principal()));
        return SmsActivateReply.text(SmsActivateReply.ACCESS_BALANCE, SmsActivateFormat.amount(account.balanceMicros()));
    }

    /** {@code {"<country id>": {"<service code>": {"cost", "count", "physicalCount"}}}}, optionally filtered. */
    SmsActivateReply getPrices(SmsActivateRequest request) {
        Optional<String> service = serviceFilter(request);
        List<SmsActivateCatalog.CountryId> countries = request.param("country") == null
                ? SmsActivateCatalog.countries() : List.of(country(request));
        Map<String, Map<String, CatalogService.CountryOffer>> offers = offers(request, service.orElse(null));
        Map<String, Object> json = new LinkedHashMap<>();
        for (SmsActivateCatalog.CountryId country : countries) {
            boolean mobile = country.carrierFor(request.param("operator")) == Carrier.MOBILE;
            Map<String, Object> prices = new LinkedHashMap<>();
            for (SmsActivateCatalog.ServiceCode code : SmsActivateCatalog.services()) {
                CatalogService.CountryOffer offer = offers.getOrDefault(code.service(), Map.of()).get(country.country());
                if (offer != null) {
                    Map<String, Object> price = new LinkedHashMap<>();
                    price.put("cost", Money.toUsd(mobile ? offer.mobilePriceMicros() : offer.priceMicros()));
                    price.put("count", mobile ? offer.mobileAvailable() : offer.available());
                    price.put("physicalCount", offer.mobileAvailable());
                    prices.put(code.code(), price);
                }
            }
            if (!prices.isEmpty()) {
                json.put(Integer.toString(country.id()), prices);
            }
        }
        return SmsActivateReply.json(json);
    }

    /** {@code {"wa_0": 40, …}}: free numbers per service in one country ({@code _0}: without forwarding). */
    SmsActivateReply getNumbersStatus(SmsActivateRequest request) {
        SmsActivateCatalog.CountryId country = country(request);
        boolean mobile = country.carrierFor(request.param("operator")) == Carrier.MOBILE;
        Map<String, Map<String, CatalogService.CountryOffer>> offers = offers(request, null);
        Map<String, Object> json = new LinkedHashMap<>();
        for (SmsActivateCatalog.ServiceCode code : SmsActivateCatalog.services()) {
            CatalogService.CountryOffer offer = offers.getOrDefault(code.service(), Map.of()).get(country.country());
            if (offer != null) {
                json.put(code.code() + "_0", mobile ? offer.mobileAvailable() : offer.available());
            }
        }
        return SmsActivateReply.json(json);
    }

    /** {@code {"<id>": {"id", "rus", "eng", "chn", "visible", "retry", "rent", "multiService"}}}. */
    SmsActivateReply getCountries(SmsActivateRequest request) {
        Set<String> live = engine.db().read(tx -> engine.catalog().countries(tx)).stream()
                .map(Country::code).collect(Collectors.toSet());
        Map<String, Object> json = new LinkedHashMap<>();
        for (SmsActivateCatalog.CountryId country : SmsActivateCatalog.countries()) {
            if (live.contains(country.country())) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", country.id());
                entry.put("rus", country.rus());
                entry.put("eng", country.eng());
                entry.put("chn", country.chn());
                entry.put("visible", 1);
                entry.put("retry", 1);
                entry.put("rent", 0);
                entry.put("multiService", 0);
                json.put(Integer.toString(country.id()), entry);
            }
        }
        return SmsActivateReply.json(json);
    }

    /** {@code {"status": "success", "services": [{"code", "name"}]}}; with {@code country}, those priced there. */
    SmsActivateReply getServicesList(SmsActivateRequest request) {
        boolean filtered = request.param("country") != null;
        SmsActivateCatalog.CountryId country = filtered ? country(request) : null;
        Map<String, Map<String, CatalogService.CountryOffer>> offers = offers(request, null);
        Map<String, String> names = engine.db().read(tx -> engine.catalog().services(tx)).stream()
                .collect(Collectors.toMap(Service::code, Service::name));
        List<Map<String, Object>> services = SmsActivateCatalog.services().stream()
                .filter(code -> names.containsKey(code.service()))
                .filter(code -> !filtered || offers.getOrDefault(code.service(), Map.of()).containsKey(country.country()))
                .map(code -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("code", code.code());
                    entry.put("name", names.get(code.service()));
                    return entry;
                }).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "success");
        json.put("services", services);
        return SmsActivateReply.json(json);
    }

    private static Optional<String> serviceFilter(SmsActivateRequest request) {
        String code = request.param("service");
        if (code == null) {
            return Optional.empty();
        }
        return Optional.of(SmsActivateCatalog.service(code).orElseThrow(() -> refuse(SmsActivateReply.BAD_SERVICE)));
    }

    /** The country a request names, or the default one; an id the table lacks is {@code BAD_COUNTRY}. */
    private static SmsActivateCatalog.CountryId country(SmsActivateRequest request) {
        return SmsActivateCatalog.countryOrDefault(request.param("country"))
                .orElseThrow(() -> refuse(SmsActivateReply.BAD_COUNTRY));
    }

    /** The caller's offers: service → ISO country → offer. */
    private Map<String, Map<String, CatalogService.CountryOffer>> offers(SmsActivateRequest request, String service) {
        List<CatalogService.ServiceOffer> offers = engine.db().read(tx ->
                engine.catalog().offers(tx, engine.accounts().own(tx, request.principal()), service, null));
        Map<String, Map<String, CatalogService.CountryOffer>> byService = new LinkedHashMap<>();
        for (CatalogService.ServiceOffer offer : offers) {
            Map<String, CatalogService.CountryOffer> byCountry = new LinkedHashMap<>();
            offer.countries().forEach(country -> byCountry.put(country.country(), country));
            byService.put(offer.service(), byCountry);
        }
        return byService;
    }
}
