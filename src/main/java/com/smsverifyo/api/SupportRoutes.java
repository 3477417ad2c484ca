package com.smsverifyo.api;

import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.engine.StoryWire;
import com.smsverifyo.engine.Wire;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Support: a rental's whole story, code corrections and refunds with a reason (admin scope). */
final class SupportRoutes {
    private final Engine engine;
    private final IdempotentWrites writes;

    SupportRoutes(Engine engine, IdempotentWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/rentals/{id}/timeline", this::timeline);
        routes.post("/v1/rentals/{id}/messages/{msg_id}/correct-code", this::correctCode);
        routes.post("/v1/rentals/{id}/refund", this::refund);
    }

    private void timeline(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        Http.json(ctx, 200, engine.db().read(tx -> StoryWire.story(engine.support().story(tx, principal, id))));
    }

    private void correctCode(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        String messageId = ctx.pathParam("msg_id");
        JsonBody body = Http.jsonBody(ctx);
        String code = body.string("code", true, 12).orElse(null);
        body.check();
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE,
                tx -> engine.support().correctCode(tx, principal, id, messageId, code.strip()),
                rental -> Http.jsonReply(200, Wire.rental(rental), null));
    }

    private void refund(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        JsonBody body = Http.jsonBody(ctx);
        Long amount = body.money("amount_usd", false, false).orElse(null);
        String reason = body.string("reason", true, 500).orElse(null);
        body.check();
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE,
                tx -> engine.support().refund(tx, principal, id, amount, reason),
                entry -> Http.jsonReply(201, Wire.ledgerEntry(entry), null));
    }
}
