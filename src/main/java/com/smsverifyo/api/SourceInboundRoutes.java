package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.InboundEndpoint;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deliveries from the outside that carry no API key: an Android phone's webhook and an upstream
 * server's webhook. Each source checks its own signature over the raw body before it believes
 * anything; this class only finds the source and hands it the request.
 */
final class SourceInboundRoutes {
    /** The source types that receive over HTTP, each at {@code /v1/inbound/{type}/{source_id}}. */
    static final List<String> TYPES = List.of("android-gateway", "upstream");

    private final Engine engine;

    SourceInboundRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig routes) {
        for (String type : TYPES) {
            routes.post("/v1/inbound/" + type + "/{source_id}", ctx -> receive(ctx, type));
        }
    }

    private void receive(Context ctx, String type) {
        String id = ctx.pathParam("source_id");
        byte[] body = Http.body(ctx);
        InboundEndpoint endpoint = engine.sources().endpoint(id, type).orElseThrow(() -> engine.sources().exists(id, type)
                ? new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "This source is not running right now; retry shortly.")
                : DomainException.notFound("Source " + id));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        Http.json(ctx, 200, endpoint.receive(new InboundEndpoint.InboundRequest(headers, body)));
    }
}
