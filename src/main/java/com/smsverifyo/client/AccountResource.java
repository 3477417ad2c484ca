package com.smsverifyo.client;

import java.math.BigDecimal;

/** {@code /v1/account}: the key's own account. */
public final class AccountResource {
    private final Transport transport;

    AccountResource(Transport transport) {
        this.transport = transport;
    }

    /** @return the account: balance, tier, threshold, today's spend (any scope) */
    public Account get() {
        return transport.json(ApiCall.get("v1", "account"), WireFormat::account).value();
    }

    /**
     * Sets the daily balance-alert threshold (admin scope): when a charge takes the balance below
     * it, a {@code balance.low} event follows, once a day.
     *
     * @param threshold US dollars, or {@code null} to turn alerts off
     * @return the account
     */
    public Account setAlertThreshold(BigDecimal threshold) {
        var body = WireFormat.object();
        if (threshold == null) {
            body.putNull("alert_threshold_usd");
        } else {
            body.put("alert_threshold_usd", threshold);
        }
        return transport.json(ApiCall.write("PATCH", body, RequestOptions.none(), "v1", "account"), WireFormat::account).value();
    }
}
