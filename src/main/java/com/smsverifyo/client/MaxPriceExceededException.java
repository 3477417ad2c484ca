package com.smsverifyo.client;

import java.math.BigDecimal;
import java.util.Optional;

/** {@code 422 max_price_exceeded}: the current price is above the request's {@code max_price_usd}. Nothing was charged. */
public final class MaxPriceExceededException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * @param problem the problem detail
     * @param method  the request's HTTP method
     * @param path    the request's path
     */
    public MaxPriceExceededException(Problem problem, String method, String path) {
        super(problem, method, path);
    }

    /** @return the current price ({@code price_usd}), if the server sent it */
    public Optional<BigDecimal> price() {
        return problem().decimal("price_usd");
    }

    /** @return the cap the request gave ({@code max_price_usd}), if the server sent it */
    public Optional<BigDecimal> maxPrice() {
        return problem().decimal("max_price_usd");
    }
}
