package com.smsverifyo.api;

import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import io.javalin.http.Context;

/** Authenticates {@code /v1/*} requests once and hands the principal to the routes. */
final class Auth {
    private static final String ATTRIBUTE = "smsverifyo.principal";

    private final Engine engine;

    Auth(Engine engine) {
        this.engine = engine;
    }

    /**
     * Before-handler: every {@code /v1} call needs a key except the OpenAPI document and the
     * deliveries of sources (a phone's or an upstream's webhook), which their source authenticates
     * by a signature over the body.
     */
    void authenticate(Context ctx) {
        if (ctx.path().equals("/v1/openapi.json") || ctx.path().startsWith("/v1/inbound/android-gateway/")
                || ctx.path().startsWith("/v1/inbound/upstream/")) {
            return;
        }
        ctx.attribute(ATTRIBUTE, engine.keys().authenticate(ctx.header("Authorization")));
    }

    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        if (principal == null) {
            throw new IllegalStateException("route outside /v1 asked for a principal");
        }
        return principal;
    }

    static Principal require(Context ctx, Scope scope) {
        Principal principal = principal(ctx);
        principal.require(scope);
        return principal;
    }
}
