package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.InboundMessageService;
import com.smsverifyo.engine.Money;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.RentalService;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.engine.Wire;
import com.smsverifyo.store.Carrier;
import com.smsverifyo.store.Page;
import com.smsverifyo.store.Rental;
import com.smsverifyo.store.RentalRepository;
import com.smsverifyo.store.RentalStatus;
import com.smsverifyo.store.Tx;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The four-endpoint core and the rest of the rentals resource. */
final class RentalRoutes {
    private static final Map<String, Carrier> CARRIERS = Map.of("any", Carrier.ANY, "mobile", Carrier.MOBILE);

    /** A change of one rental's state, run in a write transaction. */
    @FunctionalInterface
    private interface Transition {
        Rental apply(RentalService rentals, Tx tx, Principal principal, String id);
    }

    /** The CSV columns: the JSON rental's members without its messages. */
    static final List<String> CSV_HEADER = List.of("id", "account_id", "service", "country", "carrier", "phone_number",
            "price_usd", "status", "code", "created_at", "expires_at", "received_at", "ended_at", "refunded_usd");

    private final Engine engine;
    private final IdempotentWrites writes;

    RentalRoutes(Engine engine, IdempotentWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    void register(RoutesConfig routes) {
        routes.post("/v1/rentals", this::create);
        routes.get("/v1/rentals", this::list);
        routes.get("/v1/rentals/{id}", this::get);
        routes.post("/v1/rentals/{id}/cancel", ctx -> transition(ctx, RentalService::cancel));
        routes.post("/v1/rentals/{id}/finish", ctx -> transition(ctx, RentalService::finish));
        routes.post("/v1/rentals/{id}/retry", ctx -> transition(ctx, RentalService::retry));
        routes.post("/v1/rentals/{id}/report", ctx -> transition(ctx, RentalService::report));
    }

    private void create(Context ctx) {
        Principal principal = Auth.principal(ctx);
        // Every response to a rental creation shows the key's quota, refusals included.
        IdempotentWrites.rateLimitHeaders(ctx, engine.rateLimiter().peek(principal.keyId(), principal.rateLimitPerMinute()));
        principal.require(Scope.RENTALS);
        RentalService.NewRental request = parseNewRental(Http.jsonBody(ctx));
        writes.execute(ctx, principal, IdempotentWrites.Kind.RENTAL_CREATION, engine.rentals().creation(principal, request),
                rental -> Http.jsonReply(201, Wire.rental(rental), "/v1/rentals/" + rental.id()));
    }

    static RentalService.NewRental parseNewRental(JsonBody body) {
        String service = body.string("service", true, 64).map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse(null);
        String country = body.string("country", true, 8).map(c -> c.strip().toUpperCase(Locale.ROOT)).orElse(null);
        if (country != null && !country.matches("[A-Z]{2}")) {
            body.error("country", "'country' must be an ISO 3166-1 alpha-2 code, such as US.");
        }
        Carrier carrier = body.oneOf("carrier", false, CARRIERS).orElse(Carrier.ANY);
        Long maxPrice = body.money("max_price_usd", false, false).orElse(null);
        body.check();
        return new RentalService.NewRental(service, country, carrier, maxPrice);
    }

    private void get(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.RENTALS);
        String id = ctx.pathParam("id");
        Rental rental = engine.db().read(tx -> engine.rentals().get(tx, principal, id));
        Http.json(ctx, 200, Wire.rental(rental));
    }

    /**
     * {@code GET /v1/rentals?status=&service=&country=&phone=&account=&from=&to=}: a JSON page, newest
     * first, or with {@code Accept: text/csv} every matching rental as a CSV download, oldest first
     * ({@code limit} and {@code cursor} do not apply; messages are not part of the CSV).
     */
    private void list(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.RENTALS);
        RentalStatus status = parseStatus(ctx.queryParam("status"));
        String phone = ctx.queryParam("phone");
        String normalizedPhone = phone == null || phone.isBlank() ? null
                : InboundMessageService.normalize(phone).orElseThrow(() -> DomainException.invalid("phone",
                "'phone' must be a phone number in E.164 form, such as +14155550123."));
        TimeRange range = TimeRange.of(ctx);
        String requested = ctx.queryParam("account");
        String keyId = ctx.queryParam("key") == null || ctx.queryParam("key").isBlank() ? null : ctx.queryParam("key").strip();
        String code = ctx.queryParam("code") == null || ctx.queryParam("code").isBlank() ? null : ctx.queryParam("code").strip();
        Function<List<String>, RentalRepository.Filter> filter = accounts -> new RentalRepository.Filter(
                accounts, status, blankToNull(ctx.queryParam("service")), upper(ctx.queryParam("country")),
                normalizedPhone, keyId, range.from(), range.to(), code);
        if (CsvExport.wanted(ctx)) {
            CsvExport.send(ctx, engine.db(), CSV_HEADER, tx -> {
                List<String> accounts = accountsOf(tx, principal, requested);
                return new CsvExport.Download(CsvExport.filename("rentals", accounts.size() == 1 ? accounts.get(0) : "all", range),
                        csv -> engine.rentals().each(tx, filter.apply(accounts), rental -> csv.row(row(rental))));
            });
            return;
        }
        Pagination page = Pagination.of(ctx);
        Page<Rental> result = engine.db().read(tx -> engine.rentals().list(tx,
                filter.apply(accountsOf(tx, principal, requested)), page.afterSeq(), page.limit()));
        Http.json(ctx, 200, Pagination.list(result.items().stream().map(Wire::rental).toList(), result.nextAfter()));
    }

    /** {@code account=all}: an admin key's own account and every customer below it (support searches). */
    private List<String> accountsOf(com.smsverifyo.store.Tx tx, Principal principal, String requested) {
        if ("all".equals(requested)) {
            principal.require(Scope.ADMIN);
            return engine.accounts().visibleIds(tx, principal);
        }
        return List.of(engine.accounts().resolve(tx, principal, requested));
    }

    static List<String> row(Rental rental) {
        return Arrays.asList(rental.id(), rental.accountId(), rental.service(), rental.country(),
                rental.carrier().toString(), rental.phoneNumber(), Money.format(rental.priceMicros()),
                rental.status().toString(), rental.code(), Wire.time(rental.createdAt()), Wire.time(rental.expiresAt()),
                Wire.time(rental.receivedAt()), Wire.time(rental.endedAt()), Money.format(rental.refundedMicros()));
    }

    private void transition(Context ctx, Transition transition) {
        Principal principal = Auth.require(ctx, Scope.RENTALS);
        String id = ctx.pathParam("id");
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE, tx -> transition.apply(engine.rentals(), tx, principal, id),
                rental -> Http.jsonReply(200, Wire.rental(rental), null));
    }

    static RentalStatus parseStatus(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RentalStatus.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status",
                    "'status' must be one of: waiting, received, completed, cancelled, expired.");
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    static String upper(String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase(Locale.ROOT);
    }
}
