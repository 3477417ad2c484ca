package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.FieldError;
import com.smsverifyo.engine.IdempotencyService;
import com.smsverifyo.engine.IdempotencyService.Reply;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.RateLimiter;
import com.smsverifyo.engine.StagedWrite;
import com.smsverifyo.store.TxWork;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs a creating or state-changing request with the contract's idempotency and, where asked, the
 * per-key rate limit: replay, refuse reuse, claim, count, run-and-keep, respond.
 */
final class IdempotentWrites {
    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");

    /** What kind of write a request is. */
    enum Kind {
        /** Counts against the key's rental-creation rate limit. */
        RENTAL_CREATION,
        /** An ordinary change. */
        CHANGE,
        /** A change whose reply carries a secret: kept sealed for replay. */
        SECRET
    }

    private final Engine engine;

    IdempotentWrites(Engine engine) {
        this.engine = engine;
    }

    /**
     * @param kind    rental creation (rate limited), an ordinary change, or one whose reply holds a secret
     * @param work    the change, run in one write transaction
     * @param success the reply for the change's result (rendered inside the transaction)
     */
    <T> void execute(Context ctx, Principal principal, Kind kind, TxWork<T> work, Function<T, Reply> success) {
        execute(ctx, principal, kind, StagedWrite.of(work), success);
    }

    /**
     * As {@link #execute(Context, Principal, Kind, TxWork, Function)}, for a write with a slow part
     * before its transaction: that part runs once the request holds its claim and passed the rate
     * limit, and a refusal from it is kept for replay like any refusal whose work began.
     */
    <T> void execute(Context ctx, Principal principal, Kind kind, StagedWrite<T> staged, Function<T, Reply> success) {
        boolean rateLimited = kind == Kind.RENTAL_CREATION;
        Optional<String> idempotencyKey = idempotencyKey(ctx);
        IdempotencyService.Request request = idempotencyKey
                .map(key -> new IdempotencyService.Request(principal.keyId(), key, ctx.method().name(), ctx.path(),
                        IdempotencyService.fingerprint(Http.body(ctx))))
                .orElse(null);
        if (request != null) {
            Optional<Reply> replay = engine.idempotency().begin(request);
            if (replay.isPresent()) {
                if (rateLimited) {
                    rateLimitHeaders(ctx, engine.rateLimiter().peek(principal.keyId(), principal.rateLimitPerMinute()));
                }
                Http.write(ctx, replay.get());
                return;
            }
        }
        try {
            if (rateLimited) {
                RateLimiter.Decision decision = engine.rateLimiter().acquire(principal.keyId(), principal.rateLimitPerMinute());
                rateLimitHeaders(ctx, decision);
                if (!decision.allowed()) {
                    ctx.header("Retry-After", Long.toString(decision.resetSeconds()));
                    throw new DomainException(ErrorCode.RATE_LIMITED, "This key may create "
                            + decision.limit() + " rentals per minute; retry in " + decision.resetSeconds()
                            + " s, or spread load over several keys.")
                            .with("violated-policies", List.of("default"));
                }
            }
        } catch (RuntimeException refused) {
            if (request != null) {
                engine.idempotency().release(request);
            }
            throw refused;
        }
        Reply reply;
        try {
            TxWork<T> work = prepare(staged, request);
            reply = request == null ? success.apply(engine.db().write(work)) : run(request, work, kind, success);
        } finally {
            staged.settle();
        }
        Http.write(ctx, reply);
    }

    /** The staged write's transactional part; a refusal that is kept for replay becomes that part. */
    private <T> TxWork<T> prepare(StagedWrite<T> staged, IdempotencyService.Request request) {
        try {
            return staged.prepare();
        } catch (DomainException refusal) {
            if (request != null && refusal.code().replayable()) {
                return tx -> {
                    throw refusal;
                };
            }
            release(request);
            throw refusal;
        } catch (RuntimeException failure) {
            release(request);
            throw failure;
        }
    }

    private void release(IdempotencyService.Request request) {
        if (request != null) {
            engine.idempotency().release(request);
        }
    }

    private <T> Reply run(IdempotencyService.Request request, TxWork<T> work, Kind kind, Function<T, Reply> success) {
        return engine.idempotency().run(request, work, new IdempotencyService.Renderer<>() {
            @Override
            public Reply success(T value) {
                return success.apply(value);
            }

            @Override
            public Reply failure(DomainException refusal) {
                return new Reply(refusal.code().status(), Problems.CONTENT_TYPE, null, Problems.bytes(refusal));
            }

            @Override
            public boolean sealed() {
                return kind == Kind.SECRET;
            }
        });
    }

    static void rateLimitHeaders(Context ctx, RateLimiter.Decision decision) {
        ctx.header("RateLimit-Policy", "\"default\";q=" + decision.limit() + ";w=" + decision.windowSeconds());
        ctx.header("RateLimit", "\"default\";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
    }

    /** The header's value: bare, or in the IETF draft's quoted form. */
    static Optional<String> idempotencyKey(Context ctx) {
        String raw = ctx.header(HEADER);
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!KEY.matcher(value).matches()) {
            String detail = "The Idempotency-Key header must be 1 to 255 characters of A–Z, a–z, 0–9 and _ . : -"
                    + " (optionally in double quotes).";
            throw new DomainException(ErrorCode.INVALID_REQUEST, detail,
                    List.of(new FieldError("#/headers/Idempotency-Key", detail)), Map.of());
        }
        return Optional.of(value);
    }
}
