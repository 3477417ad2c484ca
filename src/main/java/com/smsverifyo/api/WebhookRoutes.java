package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.FieldError;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.engine.UrlPolicy;
import com.smsverifyo.engine.WebhookService;
import com.smsverifyo.engine.WebhookWire;
import com.smsverifyo.store.Page;
import com.smsverifyo.store.WebhookEndpoint;
import com.smsverifyo.store.WebhookMessageStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** Webhook endpoints, their secrets, tests and delivery history (admin scope). */
final class WebhookRoutes {
    private static final String EVENTS_EXPECTED = "one of " + String.join(", ", WebhookService.EVENT_TYPES);

    private final Engine engine;
    private final IdempotentWrites writes;

    WebhookRoutes(Engine engine, IdempotentWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/webhooks", this::list);
        routes.post("/v1/webhooks", this::create);
        routes.get("/v1/webhooks/{id}", this::get);
        routes.patch("/v1/webhooks/{id}", this::patch);
        routes.delete("/v1/webhooks/{id}", this::delete);
        routes.get("/v1/webhooks/{id}/secret", this::secret);
        routes.post("/v1/webhooks/{id}/rotate-secret", this::rotateSecret);
        routes.post("/v1/webhooks/{id}/test", this::test);
        routes.get("/v1/webhooks/{id}/deliveries", this::deliveries);
        routes.get("/v1/webhooks/{id}/deliveries/{msg_id}", this::delivery);
        routes.post("/v1/webhooks/{id}/deliveries/{msg_id}/redeliver", this::redeliver);
    }

    private void list(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        Pagination page = Pagination.of(ctx);
        List<WebhookEndpoint> endpoints = engine.db().read(tx ->
                engine.webhooks().list(tx, principal, ctx.queryParam("account"), page.after(), page.limit() + 1));
        boolean more = endpoints.size() > page.limit();
        List<WebhookEndpoint> shown = more ? endpoints.subList(0, page.limit()) : endpoints;
        Http.json(ctx, 200, Pagination.list(shown.stream().map(WebhookWire::endpoint).toList(),
                more ? shown.get(shown.size() - 1).id() : null));
    }

    private void create(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        JsonBody body = Http.jsonBody(ctx);
        String url = body.string("url", true, 2048).orElse(null);
        List<String> events = events(body);
        String description = body.string("description", false, WebhookService.MAX_DESCRIPTION).orElse(null);
        String accountId = body.string("account_id", false, 64).orElse(null);
        body.check();
        UrlPolicy.CheckedUrl checked = engine.webhooks().checkUrl("url", url);
        writes.execute(ctx, principal, IdempotentWrites.Kind.SECRET,
                tx -> engine.webhooks().create(tx, principal, new WebhookService.NewEndpoint(accountId, checked,
                        description, events)),
                created -> Http.jsonReply(201, WebhookWire.endpointWithSecret(created), "/v1/webhooks/" + created.id()));
        noStore(ctx);
    }

    private void get(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        Http.json(ctx, 200, WebhookWire.endpoint(engine.db().read(tx -> engine.webhooks().get(tx, principal, id))));
    }

    private void patch(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        JsonBody body = Http.jsonBody(ctx);
        String url = body.string("url", false, 2048).orElse(null);
        List<String> events = events(body);
        boolean clearDescription = body.isNull("description");
        String description = body.string("description", false, WebhookService.MAX_DESCRIPTION).orElse(null);
        Boolean enabled = body.bool("enabled").orElse(null);
        body.check();
        UrlPolicy.CheckedUrl checked = url == null ? null : engine.webhooks().checkUrl("url", url);
        WebhookService.Changes changes = new WebhookService.Changes(checked, description, clearDescription, events, enabled);
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE,
                tx -> engine.webhooks().update(tx, principal, id, changes),
                updated -> Http.jsonReply(200, WebhookWire.endpoint(updated), null));
    }

    private void delete(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        engine.db().write(tx -> {
            engine.webhooks().delete(tx, principal, id);
            return null;
        });
        ctx.status(204);
    }

    private void secret(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        WebhookEndpoint endpoint = engine.db().read(tx -> engine.webhooks().get(tx, principal, id));
        noStore(ctx);
        Http.json(ctx, 200, WebhookWire.secret(endpoint, engine.clock().instant()));
    }

    private void rotateSecret(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        writes.execute(ctx, principal, IdempotentWrites.Kind.SECRET,
                tx -> engine.webhooks().rotateSecret(tx, principal, id),
                rotated -> Http.jsonReply(200, WebhookWire.endpointWithSecret(rotated), null));
        noStore(ctx);
    }

    private void test(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE,
                tx -> new WebhookService.Delivery(engine.webhooks().sendTest(tx, principal, id), List.of()),
                queued -> Http.jsonReply(202, WebhookWire.delivery(queued, false), deliveryPath(queued)));
    }

    private void deliveries(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        Pagination page = Pagination.of(ctx);
        WebhookMessageStatus status = status(ctx.queryParam("status"));
        Page<WebhookService.Delivery> deliveries = engine.db().read(tx ->
                engine.webhooks().deliveries(tx, principal, id, page.afterSeq(), status, page.limit()));
        Http.json(ctx, 200, Pagination.list(deliveries.items().stream().map(d -> WebhookWire.delivery(d, false)).toList(),
                deliveries.nextAfter()));
    }

    private void delivery(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        String messageId = ctx.pathParam("msg_id");
        Http.json(ctx, 200, WebhookWire.delivery(engine.db().read(tx ->
                engine.webhooks().delivery(tx, principal, id, messageId)), true));
    }

    private void redeliver(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        String id = ctx.pathParam("id");
        String messageId = ctx.pathParam("msg_id");
        writes.execute(ctx, principal, IdempotentWrites.Kind.CHANGE, tx -> {
            engine.webhooks().redeliver(tx, principal, id, messageId);
            return engine.webhooks().delivery(tx, principal, id, messageId);
        }, queued -> Http.jsonReply(202, WebhookWire.delivery(queued, false), deliveryPath(queued)));
    }

    private static List<String> events(JsonBody body) {
        return body.list("events", false, type -> WebhookService.EVENT_TYPES.contains(type) ? type : null, EVENTS_EXPECTED)
                .orElse(null);
    }

    private static WebhookMessageStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (WebhookMessageStatus status : WebhookMessageStatus.values()) {
            if (status.toString().equals(text.strip())) {
                return status;
            }
        }
        String detail = "'status' must be one of: pending, delivered, failed.";
        throw new DomainException(ErrorCode.INVALID_REQUEST, detail, List.of(new FieldError("#/status", detail)), Map.of());
    }

    private static String deliveryPath(WebhookService.Delivery delivery) {
        return "/v1/webhooks/" + delivery.message().endpointId() + "/deliveries/" + delivery.message().id();
    }

    /** Replies that carry a secret must not be kept by caches on the way. */
    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }
}
