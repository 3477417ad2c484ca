package com.smsverifyo.api;

import com.smsverifyo.engine.ApiKeyService;
import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.engine.Wire;
import com.smsverifyo.store.ApiKeyRecord;
import com.smsverifyo.store.Tx;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** API keys of the caller's account and its customers (admin scope). */
final class KeyRoutes {
    private final Engine engine;
    private final IdempotentWrites writes;

    KeyRoutes(Engine engine, IdempotentWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/keys", this::list);
        routes.post("/v1/keys", this::create);
        routes.get("/v1/keys/{id}", this::get);
        routes.patch("/v1/keys/{id}", this::patch);
        routes.delete("/v1/keys/{id}", this::revoke);
    }

    private void list(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        Pagination page = Pagination.of(ctx);
        List<ApiKeyRecord> keys = engine.db().read(tx -> {
            String account = engine.accounts().resolve(tx, principal, ctx.queryParam("account"));
            return engine.keys().list(tx, account, page.after(), page.limit() + 1);
        });
        boolean more = keys.size() > page.limit();
        List<ApiKeyRecord> shown = more ? keys.subList(0, page.limit()) : keys;
        Http.json(ctx, 200, Pagination.list(shown.stream().map(Wire::key).toList(),
                more ? shown.get(shown.size() - 1).id() : null));
    }

    private void create(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        JsonBody body = Http.jsonBody(ctx);
        String name = body.string("name", true, 100).orElse(null);
        List<Scope> scopes = body.list("scopes", true, text -> Scope.parse(text).orElse(null), "'rentals' or 'admin'")
                .orElse(null);
        if (scopes != null && scopes.isEmpty()) {
            body.error("scopes", "'scopes' must name at least one of: rentals, admin.");
        }
        int rateLimit = body.integer("rate_limit_per_minute", false, 1, 1_000_000).orElse(ApiKeyService.DEFAULT_RATE_LIMIT);
        Long cap = body.money("daily_spend_cap_usd", false, false).orElse(null);
        String accountId = body.string("account_id", false, 64).orElse(null);
        body.check();
        Set<Scope> scopeSet = EnumSet.copyOf(scopes);
        writes.execute(ctx, principal, IdempotentWrites.Kind.SECRET, tx -> {
            String account = engine.accounts().resolve(tx, principal, accountId);
            engine.keys().requireMaySetRateLimit(principal, ApiKeyService.DEFAULT_RATE_LIMIT, rateLimit);
            return engine.keys().create(tx, new ApiKeyService.NewKey(account, name, scopeSet, rateLimit, cap));
        }, created -> Http.jsonReply(201, withSecret(created), "/v1/keys/" + created.record().id()));
    }

    private void get(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        Http.json(ctx, 200, Wire.key(engine.db().read(tx -> visibleKey(tx, principal, id))));
    }

    private void patch(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        JsonBody body = Http.jsonBody(ctx);
        Integer rateLimit = body.integer("rate_limit_per_minute", false, 1, 1_000_000).orElse(null);
        boolean clearCap = body.isNull("daily_spend_cap_usd");
        Long cap = body.money("daily_spend_cap_usd", false, false).orElse(null);
        String name = body.string("name", false, 100).orElse(null);
        if (name != null && name.isBlank()) {
            body.error("name", "'name' must not be empty.");
        }
        body.check();
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE, tx -> {
            ApiKeyRecord key = visibleKey(tx, principal, id);
            if (rateLimit != null) {
                engine.keys().requireMaySetRateLimit(principal, key.rateLimitPerMinute(), rateLimit);
            }
            Long newCap = clearCap ? null : (cap != null ? cap : key.dailySpendCapMicros());
            ApiKeyRecord updated = engine.keys().updateLimits(tx, id,
                    rateLimit != null ? rateLimit : key.rateLimitPerMinute(), newCap);
            if (name != null) {
                updated = engine.keys().rename(tx, id, name);
            }
            return updated;
        }, key -> Http.jsonReply(200, Wire.key(key), null));
    }

    private void revoke(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        ApiKeyRecord revoked = engine.db().write(tx -> {
            visibleKey(tx, principal, id);
            return engine.keys().revoke(tx, id);
        });
        Http.json(ctx, 200, Wire.key(revoked));
    }

    private ApiKeyRecord visibleKey(Tx tx, Principal principal, String id) {
        return engine.keys().find(tx, id)
                .filter(key -> engine.accounts().find(tx, key.accountId())
                        .map(account -> engine.accounts().canSee(tx, principal, account)).orElse(false))
                .orElseThrow(() -> DomainException.notFound("API key " + id));
    }

    private static Map<String, Object> withSecret(ApiKeyService.CreatedKey created) {
        Map<String, Object> json = new LinkedHashMap<>(Wire.key(created.record()));
        json.put("key", created.plaintext());
        return json;
    }

}
