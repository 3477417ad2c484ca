package com.smsverifyo.api;

import com.smsverifyo.engine.Catalog;
import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.FieldError;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.engine.Wire;
import com.smsverifyo.store.Country;
import com.smsverifyo.store.Price;
import com.smsverifyo.store.Service;
import com.smsverifyo.store.Tier;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET/PUT /v1/catalog}: the server owner's catalog at base prices, and its tiers (admin keys
 * of the owner account only; a customer's key gets {@code 403 forbidden}).
 *
 * <p>Both directions use one shape; {@code PUT} replaces the whole catalog with it, atomically, and
 * answers {@code 200} with the catalog as stored:
 * <pre>{@code
 * {"services":  [{"code": "whatsapp", "name": "WhatsApp"}, ...],          // display order
 *  "countries": [{"code": "US", "name": "United States"}, ...],
 *  "prices":    [{"service": "whatsapp", "country": "US",
 *                 "price_usd": 0.45, "mobile_price_usd": 0.70}, ...],      // base prices, before tiers
 *  "tiers":     [{"name": "retail", "discount_percent": 0},
 *                {"name": "reseller", "discount_percent": 20}]}            // up to 2 decimals
 * }</pre>
 * What the body does not list is removed; a service without prices is shown but cannot be rented.
 * Every invalid field is named in one {@code 400} ({@code #/prices/3/price_usd}); removing a service or
 * country that open rentals use, or a tier that accounts are on, is {@code 409 conflict} with a
 * {@code conflicts} member, and nothing changes. New prices apply to new rentals only. The
 * {@code Idempotency-Key} header works as on every other write.
 */
final class CatalogRoutes {
    /** Far above any valid catalog; only keeps a hostile body from making a huge error list. */
    private static final int MAX_ITEMS = 100_000;

    private final Engine engine;
    private final IdempotentWrites writes;

    CatalogRoutes(Engine engine, IdempotentWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/catalog", this::get);
        routes.put("/v1/catalog", this::put);
    }

    private void get(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        Catalog catalog = engine.db().read(tx -> engine.catalog().catalog(tx, principal));
        Http.json(ctx, 200, Wire.catalog(catalog));
    }

    private void put(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        engine.catalog().requireCatalogAdmin(principal);
        Catalog next = parse(Http.jsonBody(ctx));
        List<FieldError> errors = engine.catalog().check(next);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE, tx -> engine.catalog().replace(tx, principal, next),
                stored -> Http.jsonReply(200, Wire.catalog(stored), null));
    }

    /** The body's JSON types and decimals; the catalog's own rules are the engine's. */
    static Catalog parse(JsonBody body) {
        List<Service> services = new ArrayList<>();
        for (JsonBody item : body.objects("services", true, MAX_ITEMS).orElse(List.of())) {
            String code = item.string("code", true, 64).orElse(null);
            String name = item.string("name", true, 200).orElse(null);
            if (code != null && name != null) {
                services.add(new Service(code, name, services.size()));
            }
        }
        List<Country> countries = new ArrayList<>();
        for (JsonBody item : body.objects("countries", true, MAX_ITEMS).orElse(List.of())) {
            String code = item.string("code", true, 8).orElse(null);
            String name = item.string("name", true, 200).orElse(null);
            if (code != null && name != null) {
                countries.add(new Country(code, name));
            }
        }
        List<Price> prices = new ArrayList<>();
        for (JsonBody item : body.objects("prices", true, MAX_ITEMS).orElse(List.of())) {
            String service = item.string("service", true, 64).orElse(null);
            String country = item.string("country", true, 8).orElse(null);
            Long price = item.money("price_usd", true, false).orElse(null);
            Long mobile = item.money("mobile_price_usd", true, false).orElse(null);
            if (service != null && country != null && price != null && mobile != null) {
                prices.add(new Price(service, country, price, mobile));
            }
        }
        List<Tier> tiers = new ArrayList<>();
        for (JsonBody item : body.objects("tiers", true, MAX_ITEMS).orElse(List.of())) {
            String name = item.string("name", true, 64).orElse(null);
            Integer discount = item.decimal("discount_percent", true, 2).flatMap(percent -> {
                if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    item.error("discount_percent", "'" + item.name("discount_percent") + "' must be from 0 to 100.");
                    return Optional.empty();
                }
                return Optional.of(percent.movePointRight(2).intValueExact());
            }).orElse(null);
            if (name != null && discount != null) {
                tiers.add(new Tier(name, discount));
            }
        }
        body.check();
        return new Catalog(services, countries, prices, tiers);
    }
}
