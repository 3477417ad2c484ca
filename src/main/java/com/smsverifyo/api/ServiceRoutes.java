package com.smsverifyo.api;

import com.smsverifyo.engine.CatalogService;
import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.Money;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/services}: the catalog at the caller's prices, with live availability. */
final class ServiceRoutes {
    private final Engine engine;

    ServiceRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/services", this::list);
    }

    private void list(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.RENTALS);
        String service = RentalRoutes.blankToNull(ctx.queryParam("service"));
        String country = RentalRoutes.upper(ctx.queryParam("country"));
        List<CatalogService.ServiceOffer> offers = engine.db().read(tx -> {
            if (service != null && !engine.catalog().serviceExists(tx, service)) {
                throw new DomainException(ErrorCode.UNKNOWN_SERVICE, "The service '" + service + "' is not in the catalog.");
            }
            if (country != null && !engine.catalog().countryExists(tx, country)) {
                throw new DomainException(ErrorCode.UNKNOWN_COUNTRY, "The country '" + country + "' is not in the catalog.");
            }
            return engine.catalog().offers(tx, engine.accounts().own(tx, principal), service, country);
        });
        Http.json(ctx, 200, Pagination.list(offers.stream().map(ServiceRoutes::offer).toList(), null));
    }

    private static Map<String, Object> offer(CatalogService.ServiceOffer offer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("service", offer.service());
        json.put("name", offer.name());
        json.put("countries", offer.countries().stream().map(country -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("country", country.country());
            c.put("name", country.countryName());
            c.put("price_usd", Money.toUsd(country.priceMicros()));
            c.put("mobile_price_usd", Money.toUsd(country.mobilePriceMicros()));
            c.put("available", country.available());
            c.put("mobile_available", country.mobileAvailable());
            return c;
        }).toList());
        return json;
    }
}
