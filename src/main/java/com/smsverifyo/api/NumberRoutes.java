package com.smsverifyo.api;

import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.NumberService;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.engine.SourceRegistry;
import com.smsverifyo.engine.SourceWire;
import com.smsverifyo.store.NumberType;
import com.smsverifyo.store.PoolNumber;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code /v1/numbers}: the pool, and the SIM numbers of the sources (owner's admin keys). */
final class NumberRoutes {
    private static final Map<String, NumberType> CARRIERS = Map.of("mobile", NumberType.MOBILE, "voip", NumberType.VOIP);

    private final Engine engine;
    private final IdempotentWrites writes;

    NumberRoutes(Engine engine, IdempotentWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/numbers", this::list);
        routes.post("/v1/numbers", this::create);
        routes.delete("/v1/numbers/{phone}", this::delete);
    }

    private void list(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        Pagination page = Pagination.of(ctx);
        String country = RentalRoutes.upper(ctx.queryParam("country"));
        String sourceId = blankToNull(ctx.queryParam("source_id"));
        Map<String, Object> body = engine.db().read(tx -> {
            List<PoolNumber> found = engine.numbers().list(tx, principal, country, sourceId, page.afterSeq(), page.limit() + 1);
            boolean more = found.size() > page.limit();
            List<PoolNumber> shown = more ? found.subList(0, page.limit()) : found;
            return Pagination.list(shown.stream().map(n -> SourceWire.number(n, engine.numbers().rentable(tx, n))).toList(),
                    more ? shown.get(shown.size() - 1).id() : null);
        });
        Http.json(ctx, 200, body);
    }

    private void create(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        SourceRegistry.requireOwnerAdmin(principal);
        JsonBody body = Http.jsonBody(ctx);
        String phone = body.string("phone_number", true, 32).orElse(null);
        String country = body.string("country", true, 8).map(c -> c.strip().toUpperCase(java.util.Locale.ROOT)).orElse(null);
        if (country != null && !country.matches("[A-Z]{2}")) {
            body.error("country", "'country' must be an ISO 3166-1 alpha-2 code, such as US.");
        }
        NumberType type = body.oneOf("carrier", false, CARRIERS).orElse(NumberType.MOBILE);
        String sourceId = body.string("source_id", true, 64).map(String::strip).orElse(null);
        String deviceId = body.string("device_id", false, NumberService.MAX_DEVICE_ID).map(String::strip).orElse(null);
        Integer sim = body.integer("sim_number", false, 1, NumberService.MAX_SIM_NUMBER).orElse(null);
        body.check();
        NumberService.NewNumber request = new NumberService.NewNumber(phone, country, type, sourceId,
                deviceId == null || deviceId.isEmpty() ? null : deviceId, sim);
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE, tx -> {
            PoolNumber number = engine.numbers().register(tx, principal, request);
            return SourceWire.number(number, engine.numbers().rentable(tx, number));
        }, view -> Http.jsonReply(201, view, "/v1/numbers/" + view.get("phone_number")));
    }

    private void delete(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String phone = ctx.pathParam("phone");
        engine.db().write(tx -> engine.numbers().delete(tx, principal, phone));
        ctx.status(204);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
