package com.smsverifyo.client;

import java.math.BigDecimal;
import java.util.Objects;

/** {@code POST /v1/accounts/{id}/credits}: top-ups and corrections, each a ledger entry (admin scope). */
public final class CreditsResource {
    private final Transport transport;

    CreditsResource(Transport transport) {
        this.transport = transport;
    }

    /**
     * Credits an account. Pass your own Idempotency-Key when the same top-up might be sent twice
     * (a retried job, a double click): it is then booked once.
     *
     * @param accountId the account
     * @param amount    US dollars (at most 4 decimals); negative for a correction, which never takes
     *                  the balance below zero
     * @param note      a note for the ledger, or {@code null}
     * @param options   the Idempotency-Key to use
     * @return the ledger entry
     */
    public LedgerEntry add(String accountId, BigDecimal amount, String note, RequestOptions options) {
        Objects.requireNonNull(amount, "amount");
        var body = WireFormat.object().put("amount_usd", amount);
        if (note != null) {
            body.put("note", note);
        }
        return transport.json(ApiCall.post(body, options, "v1", "accounts", accountId, "credits"), WireFormat::ledgerEntry).value();
    }

    /**
     * @param accountId the account
     * @param amount    US dollars
     * @param note      a note, or {@code null}
     * @return the ledger entry
     */
    public LedgerEntry add(String accountId, BigDecimal amount, String note) {
        return add(accountId, amount, note, RequestOptions.none());
    }
}
