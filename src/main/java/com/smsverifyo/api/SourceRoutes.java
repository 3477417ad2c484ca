package com.smsverifyo.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.Json;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.engine.SourceRegistry;
import com.smsverifyo.engine.SourceWire;
import com.smsverifyo.store.SourceRecord;
import com.smsverifyo.store.Tx;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code /v1/sources}: the SMS sources of the server (owner's admin keys). */
final class SourceRoutes {
    private final Engine engine;
    private final IdempotentWrites writes;

    SourceRoutes(Engine engine, IdempotentWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/sources", this::list);
        routes.post("/v1/sources", this::create);
        routes.get("/v1/sources/{id}", this::get);
        routes.patch("/v1/sources/{id}", this::patch);
        routes.delete("/v1/sources/{id}", this::delete);
    }

    private void list(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        Pagination page = Pagination.of(ctx);
        String base = serverUrl(ctx);
        Map<String, Object> body = engine.db().read(tx -> {
            List<SourceRecord> found = engine.sources().list(tx, principal, page.after(), page.limit() + 1);
            boolean more = found.size() > page.limit();
            List<SourceRecord> shown = more ? found.subList(0, page.limit()) : found;
            return Pagination.list(shown.stream().map(source -> view(tx, source, base)).toList(),
                    more ? shown.get(shown.size() - 1).id() : null);
        });
        Http.json(ctx, 200, body);
    }

    private void create(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        SourceRegistry.requireOwnerAdmin(principal);
        JsonBody body = Http.jsonBody(ctx);
        String type = body.string("type", true, 64).map(String::strip).orElse(null);
        String name = body.string("name", true, SourceRegistry.MAX_NAME).orElse(null);
        ObjectNode settings = body.object("settings", false).orElseGet(Json.MAPPER::createObjectNode);
        boolean enabled = body.bool("enabled").orElse(true);
        body.check();
        String base = serverUrl(ctx);
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE, tx -> {
            SourceRecord created = engine.sources().create(tx, principal,
                    new SourceRegistry.NewSource(type, name, settings, enabled), base);
            return view(tx, created, base);
        }, view -> Http.jsonReply(201, view, "/v1/sources/" + view.get("id")));
    }

    private void get(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        String base = serverUrl(ctx);
        Http.json(ctx, 200, engine.db().read(tx -> view(tx, engine.sources().get(tx, principal, id), base)));
    }

    private void patch(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        SourceRegistry.requireOwnerAdmin(principal);
        String id = ctx.pathParam("id");
        JsonBody body = Http.jsonBody(ctx);
        String name = body.string("name", false, SourceRegistry.MAX_NAME).orElse(null);
        Boolean enabled = body.bool("enabled").orElse(null);
        ObjectNode settings = body.object("settings", false).orElse(null);
        body.check();
        String base = serverUrl(ctx);
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE, tx -> view(tx, engine.sources().update(tx, principal,
                        id, new SourceRegistry.Changes(name, enabled, settings), base), base),
                view -> Http.jsonReply(200, view, null));
    }

    private void delete(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        engine.db().write(tx -> {
            engine.sources().delete(tx, principal, id);
            return null;
        });
        ctx.status(204);
    }

    private Map<String, Object> view(Tx tx, SourceRecord source, String base) {
        String inboundUrl = engine.sources().inbound(source)
                ? base + "/v1/inbound/" + source.type() + "/" + source.id() : null;
        return SourceWire.source(source, engine.sources().shownSettings(source), engine.sources().health(source),
                engine.sources().numberCount(tx, source), inboundUrl);
    }

    /**
     * The URL the caller reached this server at: where devices and upstream servers should send
     * deliveries, as far as this request can tell (behind a proxy, give the public URL in the settings).
     */
    static String serverUrl(Context ctx) {
        String host = ctx.host();
        return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host);
    }
}
