package com.smsverifyo.api;

import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.engine.Wire;
import com.smsverifyo.store.Account;
import com.smsverifyo.store.AccountStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The reseller's customers: {@code /v1/accounts} and their credits (admin scope). */
final class AccountsRoutes {
    private static final Map<String, AccountStatus> STATUSES =
            Map.of("active", AccountStatus.ACTIVE, "suspended", AccountStatus.SUSPENDED);

    private final Engine engine;
    private final IdempotentWrites writes;

    AccountsRoutes(Engine engine, IdempotentWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/accounts", this::list);
        routes.post("/v1/accounts", this::create);
        routes.get("/v1/accounts/{id}", this::get);
        routes.patch("/v1/accounts/{id}", this::patch);
        routes.post("/v1/accounts/{id}/credits", this::credit);
    }

    private void list(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        Pagination page = Pagination.of(ctx);
        List<Map<String, Object>> views = engine.db().read(tx -> AccountRoutes.views(engine, tx, principal,
                engine.accounts().children(tx, principal.accountId(), page.after(), page.limit() + 1)));
        boolean more = views.size() > page.limit();
        List<Map<String, Object>> shown = more ? views.subList(0, page.limit()) : views;
        Http.json(ctx, 200, Pagination.list(shown, more ? shown.get(shown.size() - 1).get("id") : null));
    }

    private void create(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        JsonBody body = Http.jsonBody(ctx);
        String name = body.string("name", true, 100).orElse(null);
        String tier = body.string("tier", false, 64).orElse("retail");
        body.check();
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE, tx -> {
            Account account = engine.accounts().createChild(tx, principal, name, tier, engine.clock(), engine.ids());
            return AccountRoutes.view(engine, tx, principal, account);
        }, view -> Http.jsonReply(201, view, "/v1/accounts/" + view.get("id")));
    }

    private void get(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        Http.json(ctx, 200, engine.db().read(tx -> AccountRoutes.view(engine, tx, principal, engine.accounts().get(tx, principal, id))));
    }

    private void patch(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        JsonBody body = Http.jsonBody(ctx);
        String name = body.string("name", false, 100).orElse(null);
        String tier = body.string("tier", false, 64).orElse(null);
        AccountStatus status = body.oneOf("status", false, STATUSES).orElse(null);
        body.check();
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE, tx -> {
            Account account = engine.accounts().update(tx, principal, id, name, tier, status);
            if (status != null) {
                tx.afterCommit(engine.keys()::forgetAll);
            }
            return AccountRoutes.view(engine, tx, principal, account);
        }, view -> Http.jsonReply(200, view, null));
    }

    private void credit(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        JsonBody body = Http.jsonBody(ctx);
        long amount = body.money("amount_usd", true, true).orElse(0L);
        String note = body.string("note", false, 500).orElse(null);
        body.check();
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE,
                tx -> engine.accounts().credit(tx, principal, id, amount, note),
                entry -> Http.jsonReply(201, Wire.ledgerEntry(entry), null));
    }
}
