package com.smsverifyo.api;

import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.engine.Wire;
import com.smsverifyo.store.Account;
import com.smsverifyo.store.SpendTotals;
import com.smsverifyo.store.Tx;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code GET/PATCH /v1/account}: the caller's own account, and the account view every route shares.
 * A customer sees its own account only: no parent id, nothing of the owner (white label).
 */
final class AccountRoutes {
    private final Engine engine;

    AccountRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/account", this::get);
        routes.patch("/v1/account", this::patch);
    }

    private void get(Context ctx) {
        Principal principal = Auth.principal(ctx);
        Http.json(ctx, 200, engine.db().read(tx -> view(engine, tx, principal, engine.accounts().own(tx, principal))));
    }

    private void patch(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        JsonBody body = Http.jsonBody(ctx);
        boolean clear = body.isNull("alert_threshold_usd");
        Long threshold = body.money("alert_threshold_usd", false, false).orElse(null);
        if (!body.has("alert_threshold_usd")) {
            body.error("alert_threshold_usd", "'alert_threshold_usd' is required (a number, or null to turn alerts off).");
        }
        body.check();
        Map<String, Object> view = engine.db().write(tx -> {
            engine.accounts().setAlertThreshold(tx, principal.accountId(), clear ? null : threshold);
            return view(engine, tx, principal, engine.accounts().own(tx, principal));
        });
        Http.json(ctx, 200, view);
    }

    /** An account as {@code principal} may see it (see {@link Wire#account}). */
    static Map<String, Object> view(Engine engine, Tx tx, Principal principal, Account account) {
        return Wire.account(account, engine.accounts().spend(tx, account.id()), viewedFromAbove(principal, account));
    }

    /** Many accounts with their spend read in one query, not one per account. */
    static List<Map<String, Object>> views(Engine engine, Tx tx, Principal principal, List<Account> accounts) {
        Map<String, SpendTotals> spend = engine.accounts().spend(tx, accounts.stream().map(Account::id).toList());
        return accounts.stream().map(account -> Wire.account(account, spend.getOrDefault(account.id(), SpendTotals.NONE),
                viewedFromAbove(principal, account))).toList();
    }

    private static boolean viewedFromAbove(Principal principal, Account account) {
        return !account.id().equals(principal.accountId());
    }
}
