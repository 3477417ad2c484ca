package com.smsverifyo.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A rental's whole story, as support reads it ({@code GET /v1/rentals/{id}/timeline}).
 *
 * @param rental     the rental as it is now, with its messages
 * @param key        the key that rented it, if it still exists
 * @param timeline   everything that happened, oldest first (equal times in the order they happened)
 * @param ledger     its ledger entries: the charge, refunds, adjustments
 * @param deliveries every webhook message about it, with each attempt
 */
public record RentalStory(Rental rental, Optional<ApiKey> key, List<TimelineEntry> timeline, List<LedgerEntry> ledger,
                          List<WebhookDelivery> deliveries) {
    /**
     * Copies the lists so the record stays immutable.
     *
     * @param rental the rental as it is now
     * @param key the key that rented it
     * @param timeline everything that happened, oldest first
     * @param ledger its ledger entries
     * @param deliveries its webhook messages with their attempts
     */
    public RentalStory {
        timeline = List.copyOf(timeline);
        ledger = List.copyOf(ledger);
        deliveries = List.copyOf(deliveries);
    }

    /** @return what went back to the customer so far: refunds and adjustments of this rental, US dollars */
    public BigDecimal refundedTotal() {
        return ledger.stream().filter(entry -> entry.kind().equals("refund") || entry.kind().equals("adjustment"))
                .map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * @return what can still be refunded: the price less everything refunded so far (never below
     *         zero); the server never lets refunds of a rental add up to more than its price
     */
    public BigDecimal refundable() {
        BigDecimal left = rental.price().subtract(refundedTotal());
        return left.signum() < 0 ? BigDecimal.ZERO : left;
    }
}
