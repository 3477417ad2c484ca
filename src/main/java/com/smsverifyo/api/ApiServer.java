package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the engine: the REST API of the contract, problem+json for every error, the
 * operations endpoints. Stopping it lets requests in flight finish before the port closes.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final long STOP_TIMEOUT_MS = 15_000;

    /** Settings of the HTTP face. */
    public record Options(String version, Map<String, Object> healthExtras) {
    }

    private final Engine engine;
    private final ApiMetrics metrics;
    private final Javalin app;
    private final EventStream eventStream;

    public ApiServer(Engine engine, ApiMetrics metrics, Options options) {
        this.engine = engine;
        this.metrics = metrics;
        Auth auth = new Auth(engine);
        IdempotentWrites writes = new IdempotentWrites(engine);
        OpsRoutes ops = new OpsRoutes(metrics.registry(), options.version(), options.healthExtras());
        this.eventStream = new EventStream(engine);
        ApiDocs docs = new ApiDocs(ops.document(), options.version());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = Http.MAX_BODY;
            config.http.defaultContentType = Http.JSON;
            config.http.prefer405over404 = true;
            ApiDocs.serveSwaggerUi(config);
            config.router.ignoreTrailingSlashes = true;
            config.jetty.modifyServer(ApiServer::graceful);
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            var routes = config.routes;
            routes.before(metrics::begin);
            routes.before("/v1/*", auth::authenticate);
            ops.register(routes);
            new ServiceRoutes(engine).register(routes);
            new RentalRoutes(engine, writes).register(routes);
            new AccountRoutes(engine).register(routes);
            new KeyRoutes(engine, writes).register(routes);
            new AccountsRoutes(engine, writes).register(routes);
            new LedgerRoutes(engine).register(routes);
            new CatalogRoutes(engine, writes).register(routes);
            new StatsRoutes(engine).register(routes);
            new InboundRoutes(engine).register(routes);
            new SmsActivateRoutes(engine).register(routes);
            new SupportRoutes(engine, writes).register(routes);
            new WebhookRoutes(engine, writes).register(routes);
            new SourceRoutes(engine, writes).register(routes);
            new NumberRoutes(engine, writes).register(routes);
            new MessageRoutes(engine).register(routes);
            new SourceInboundRoutes(engine).register(routes);
            eventStream.register(routes);
            docs.register(routes);
            routes.after(metrics::end);
            routes.exception(DomainException.class, (e, ctx) -> problem(ctx, e));
            routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, translate(e, ctx)));
            routes.exception(StoreException.class, (e, ctx) -> {
                log.error("storage failure on {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, new DomainException(ErrorCode.SERVICE_UNAVAILABLE,
                        "The server could not store this change; nothing was changed. Retry with the same Idempotency-Key."));
            });
            routes.exception(Exception.class, (e, ctx) -> {
                log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, new DomainException(ErrorCode.INTERNAL_ERROR,
                        "An unexpected error occurred; nothing was changed. Retry with the same Idempotency-Key."));
            });
            routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    problem(ctx, new DomainException(ErrorCode.NOT_FOUND, "There is no resource at " + ctx.path() + "."));
                }
            });
            routes.error(405, ctx -> problem(ctx, new DomainException(ErrorCode.METHOD_NOT_ALLOWED,
                    ctx.method() + " is not allowed on " + ctx.path() + ".")));
        });
    }

    public ApiServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public Javalin javalin() {
        return app;
    }

    /** Stops accepting connections, lets requests in flight finish (up to 15 s), then closes. */
    @Override
    public void close() {
        eventStream.close(); // open streams would otherwise hold the graceful stop for its whole timeout
        app.stop();
    }

    static void problem(Context ctx, DomainException problem) {
        ErrorCode code = problem.code();
        if (code == ErrorCode.UNAUTHENTICATED) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"smsverifyo\"");
        } else if (code == ErrorCode.INVALID_API_KEY) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"smsverifyo\", error=\"invalid_token\"");
        } else if (code == ErrorCode.SERVICE_UNAVAILABLE) {
            ctx.header("Retry-After", "1");
        }
        ctx.status(code.status()).contentType(Problems.CONTENT_TYPE).result(Problems.bytes(problem));
    }

    private static DomainException translate(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> new DomainException(ErrorCode.NOT_FOUND, "There is no resource at " + ctx.path() + ".");
            case 405 -> new DomainException(ErrorCode.METHOD_NOT_ALLOWED,
                    ctx.method() + " is not allowed on " + ctx.path() + ".");
            case 413 -> new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, "Request bodies are limited to 64 KiB.");
            case 415 -> new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
            default -> e.getStatus() >= 500
                    ? new DomainException(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred.")
                    : new DomainException(ErrorCode.INVALID_REQUEST, e.getMessage());
        };
    }

    private static void graceful(Server server) {
        server.setStopTimeout(STOP_TIMEOUT_MS);
        server.setStopAtShutdown(false);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(server.getHandler());
        server.setHandler(graceful);
    }
}
