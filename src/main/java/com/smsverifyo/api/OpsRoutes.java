package com.smsverifyo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Health, Prometheus metrics and the OpenAPI document: no authentication. */
final class OpsRoutes {
    private final PrometheusMeterRegistry metrics;
    private final String version;
    private final Map<String, Object> health;
    private final JsonNode document;
    private final byte[] openApi;

    OpsRoutes(PrometheusMeterRegistry metrics, String version, Map<String, Object> healthExtras) {
        this.metrics = metrics;
        this.version = version;
        this.health = new LinkedHashMap<>();
        this.health.put("status", "ok");
        this.health.put("version", version);
        this.health.putAll(healthExtras);
        byte[] stored = resource("/openapi.json");
        this.document = stored == null ? Json.MAPPER.createObjectNode() : Json.tree(new String(stored, StandardCharsets.UTF_8));
        // Served with x-codeSamples on every operation (Redoc's extension; other tools ignore it).
        this.openApi = stored == null ? null : Json.bytes(CodeSamples.addTo(document, false));
    }

    void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> Http.json(ctx, 200, health));
        routes.get("/metrics", this::metrics);
        routes.get("/v1/openapi.json", this::openApi);
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
        ctx.result(metrics.scrape());
    }

    private void openApi(Context ctx) {
        if (openApi == null) {
            throw DomainException.notFound("The OpenAPI document");
        }
        ctx.status(200).contentType(Http.JSON).result(openApi);
    }

    /** The OpenAPI document as stored, without the code samples. */
    JsonNode document() {
        return document;
    }

    String version() {
        return version;
    }

    static byte[] resource(String name) {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
