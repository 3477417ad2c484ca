package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.engine.Wire;
import com.smsverifyo.store.LedgerEntry;
import com.smsverifyo.store.LedgerKind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code GET /v1/ledger}: the append-only ledger of an account, newest first. */
final class LedgerRoutes {
    private final Engine engine;

    LedgerRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/ledger", this::list);
    }

    private void list(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        Pagination page = Pagination.of(ctx);
        LedgerKind kind = kind(ctx.queryParam("kind"));
        Instant from = instant(ctx.queryParam("from"), "from");
        Instant to = instant(ctx.queryParam("to"), "to");
        List<LedgerEntry> entries = engine.db().read(tx -> {
            String account = engine.accounts().resolve(tx, principal, ctx.queryParam("account"));
            return engine.ledger().page(tx, account, page.afterSeq(), from, to, kind, page.limit() + 1);
        });
        boolean more = entries.size() > page.limit();
        List<LedgerEntry> shown = more ? entries.subList(0, page.limit()) : entries;
        Http.json(ctx, 200, Pagination.list(shown.stream().map(Wire::ledgerEntry).toList(),
                more ? shown.get(shown.size() - 1).seq() : null));
    }

    static LedgerKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LedgerKind.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("kind", "'kind' must be one of: credit, charge, refund, adjustment.");
        }
    }

    /** An RFC 3339 time, or a date (taken as its UTC midnight). */
    static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            }
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "'" + field + "' must be a date (2026-11-29) or an RFC 3339 time.");
        }
    }
}
