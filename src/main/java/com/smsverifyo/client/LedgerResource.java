package com.smsverifyo.client;

import java.io.OutputStream;

/** {@code GET /v1/ledger}: an account's ledger, newest first (admin scope). */
public final class LedgerResource {
    private final Transport transport;

    LedgerResource(Transport transport) {
        this.transport = transport;
    }

    /**
     * @param query  the filters
     * @param cursor a page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @return one page of entries
     */
    public Page<LedgerEntry> page(LedgerQuery query, String cursor) {
        return transport.json(query.apply(ApiCall.get("v1", "ledger")).query("cursor", cursor),
                WireFormat.page(WireFormat::ledgerEntry)).value();
    }

    /**
     * @param query the filters
     * @return every matching entry, fetched lazily
     */
    public Paged<LedgerEntry> list(LedgerQuery query) {
        return new Paged<>(cursor -> page(query, cursor));
    }

    /**
     * Streams the matching entries as CSV ({@code Accept: text/csv}) into {@code out}, in constant memory.
     *
     * @param query the filters (account, date range)
     * @param out   where to write; not closed
     * @return the number of bytes written
     */
    public long exportCsv(LedgerQuery query, OutputStream out) {
        return transport.download(query.apply(ApiCall.get("v1", "ledger")).accept("text/csv"), "text/csv", out);
    }
}
