package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.InboundMessageService;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.engine.Wire;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /v1/inbound/messages}: an SMS handed in by an operator or a script (owner's admin keys). */
final class InboundRoutes {
    private final Engine engine;

    InboundRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig routes) {
        routes.post("/v1/inbound/messages", this::receive);
    }

    private void receive(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        if (!principal.ownerAccount()) {
            // A customer's key must never write codes into rentals, its own or anyone's.
            throw new DomainException(ErrorCode.FORBIDDEN, "Only the server owner's admin keys may hand in messages.");
        }
        JsonBody body = Http.jsonBody(ctx);
        String to = body.string("to", true, 32).orElse(null);
        String from = body.string("from", false, 64).orElse(null);
        String text = body.string("text", true, 2_000).orElse(null);
        body.check();
        InboundMessageService.Match match = engine.inbound().receive(
                new InboundMessageService.Inbound(to, from, text, "api", null));
        Http.json(ctx, 202, view(match));
    }

    static Map<String, Object> view(InboundMessageService.Match match) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", match.status().toString());
        json.put("rental_id", match.rental().map(r -> r.id()).orElse(null));
        json.put("message", Wire.message(match.message()));
        json.put("code", match.message().code());
        return json;
    }
}
