package com.smsverifyo.client;

import java.util.Objects;

/** {@code GET /v1/stats}: the dashboard's figures (any scope). */
public final class StatsResource {
    private final Transport transport;

    StatsResource(Transport transport) {
        this.transport = transport;
    }

    /**
     * @param window the span of the series and the success rates
     * @return the figures of the key's own account
     */
    public Stats get(StatsWindow window) {
        return get(window, null);
    }

    /**
     * @param window    the span of the series and the success rates
     * @param accountId one of your customers (admin scope), or {@code null} for your own account
     * @return the figures of that account
     * @throws NotFoundException for an account the key may not see
     */
    public Stats get(StatsWindow window, String accountId) {
        Objects.requireNonNull(window, "window");
        return transport.json(ApiCall.get("v1", "stats").query("window", window.wireName()).query("account", accountId),
                WireFormat::stats).value();
    }
}
