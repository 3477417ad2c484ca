package com.smsverifyo.api;

import com.smsverifyo.engine.Engine;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/** Prometheus metrics: requests per route and status, the writer's commits, the JVM. */
public final class ApiMetrics implements AutoCloseable {
    private static final String START = "smsverifyo.startNanos";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ApiMetrics(Engine engine) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
        FunctionCounter.builder("smsverifyo_db_commits", engine.db(), db -> db.commits())
                .description("Write transactions committed (each may carry many writes)").register(registry);
        FunctionCounter.builder("smsverifyo_db_writes", engine.db(), db -> db.writes())
                .description("Writes committed").register(registry);
        Gauge.builder("smsverifyo_db_write_queue", engine.db(), db -> db.queuedWrites())
                .description("Writes waiting for the writer").register(registry);
        Gauge.builder("smsverifyo_db_idle_readers", engine.db(), db -> db.idleReaders())
                .description("Read connections free in the pool (long CSV exports hold one each)").register(registry);
        bindWebhooks(engine);
    }

    private void bindWebhooks(Engine engine) {
        var dispatcher = engine.webhookDispatcher();
        FunctionCounter.builder("smsverifyo_webhook_attempts", dispatcher, d -> d.succeededAttempts())
                .tag("outcome", "success").description("Webhook delivery attempts by outcome").register(registry);
        FunctionCounter.builder("smsverifyo_webhook_attempts", dispatcher, d -> d.failedAttempts())
                .tag("outcome", "failure").description("Webhook delivery attempts by outcome").register(registry);
        FunctionCounter.builder("smsverifyo_webhook_messages_failed", engine.webhooks(), w -> w.failedMessages())
                .description("Webhook messages whose retries ran out").register(registry);
        FunctionCounter.builder("smsverifyo_webhook_endpoints_disabled", engine.webhooks(), w -> w.disabledEndpoints())
                .description("Webhook endpoints disabled automatically (410 Gone, or failing for 5 days)").register(registry);
        Gauge.builder("smsverifyo_webhook_in_flight", dispatcher, d -> d.inFlight())
                .description("Webhook deliveries being sent or recorded").register(registry);
        Gauge.builder("smsverifyo_webhook_pending", engine.webhooks(), w -> w.pendingMessages())
                .description("Webhook messages waiting for delivery (including those of disabled endpoints)")
                .register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    void begin(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    void end(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        String route = route(ctx);
        Timer.builder("http_server_requests")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram(false)
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoints().lastHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
