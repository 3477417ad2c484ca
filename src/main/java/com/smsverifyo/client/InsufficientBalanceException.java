package com.smsverifyo.client;

import java.math.BigDecimal;
import java.util.Optional;

/** {@code 402 insufficient_balance}: the balance is below the price. Nothing was charged. */
public final class InsufficientBalanceException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the problem detail
     * @param method  the request's HTTP method
     * @param path    the request's path
     */
    public InsufficientBalanceException(Problem problem, String method, String path) {
        super(problem, method, path);
    }

    /** @return the account's balance in US dollars ({@code balance_usd}), if the server sent it */
    public Optional<BigDecimal> balance() {
        return problem().decimal("balance_usd");
    }

    /** @return the price that was asked ({@code price_usd}), if the server sent it */
    public Optional<BigDecimal> price() {
        return problem().decimal("price_usd");
    }
}
