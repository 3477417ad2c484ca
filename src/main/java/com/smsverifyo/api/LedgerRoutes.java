package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.Money;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.engine.Wire;
import com.smsverifyo.store.LedgerEntry;
import com.smsverifyo.store.LedgerKind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /v1/ledger?account=&kind=&from=&to=}: the append-only ledger of an account, as a JSON
 * page (newest first) or, with {@code Accept: text/csv}, the whole range as a CSV download (oldest
 * first; {@code limit} and {@code cursor} do not apply).
 */
final class LedgerRoutes {
    /** The CSV columns: the JSON entry's members, in order. */
    static final List<String> CSV_HEADER = List.of("id", "account_id", "kind", "amount_usd", "balance_after_usd",
            "rental_id", "note", "created_at");

    private final Engine engine;

    LedgerRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/ledger", this::list);
    }

    private void list(Context ctx) {
        Principal principal = Auth.require(ctx, Scope.ADMIN);
        LedgerKind kind = kind(ctx.queryParam("kind"));
        TimeRange range = TimeRange.of(ctx);
        String requested = ctx.queryParam("account");
        if (CsvExport.wanted(ctx)) {
            export(ctx, principal, requested, kind, range);
            return;
        }
        Pagination page = Pagination.of(ctx);
        List<LedgerEntry> entries = engine.db().read(tx -> {
            String account = engine.accounts().resolve(tx, principal, requested);
            return engine.ledger().page(tx, account, page.afterSeq(), range.from(), range.to(), kind, page.limit() + 1);
        });
        boolean more = entries.size() > page.limit();
        List<LedgerEntry> shown = more ? entries.subList(0, page.limit()) : entries;
        Http.json(ctx, 200, Pagination.list(shown.stream().map(Wire::ledgerEntry).toList(),
                more ? shown.get(shown.size() - 1).seq() : null));
    }

    private void export(Context ctx, Principal principal, String requested, LedgerKind kind, TimeRange range) {
        CsvExport.send(ctx, engine.db(), CSV_HEADER, tx -> {
            String account = engine.accounts().resolve(tx, principal, requested);
            return new CsvExport.Download(CsvExport.filename("ledger", account, range),
                    csv -> engine.ledger().each(tx, account, range.from(), range.to(), kind, entry -> csv.row(row(entry))));
        });
    }

    static List<String> row(LedgerEntry entry) {
        return Arrays.asList(entry.id(), entry.accountId(), entry.kind().toString(), Money.format(entry.amountMicros()),
                Money.format(entry.balanceAfterMicros()), entry.rentalId(), CsvWriter.text(entry.note()),
                Wire.time(entry.createdAt()));
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
}
