package com.smsverifyo.api;

import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Stats;
import com.smsverifyo.engine.StatsWindow;
import com.smsverifyo.engine.Wire;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /v1/stats}: the dashboard's figures of an account (any scope). */
final class StatsRoutes {
    private final Engine engine;

    StatsRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/stats", this::get);
    }

    private void get(Context ctx) {
        Principal principal = Auth.principal(ctx);
        StatsWindow window = StatsWindow.parse(ctx.queryParam("window"));
        String account = ctx.queryParam("account");
        Stats stats = engine.db().read(tx -> engine.stats().stats(tx, principal, account, window));
        Http.json(ctx, 200, Wire.stats(stats));
    }
}
