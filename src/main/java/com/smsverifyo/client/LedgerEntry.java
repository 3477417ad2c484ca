package com.smsverifyo.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of an account's append-only ledger; the balance is the sum of them all.
 *
 * @param id           {@code led_…}
 * @param accountId    the account
 * @param kind         {@code credit}, {@code charge}, {@code refund} or {@code adjustment}
 * @param amount       signed US dollars (charges are negative)
 * @param balanceAfter the balance right after it
 * @param rentalId     the rental it belongs to, for charges and refunds
 * @param note         a note, for credits and adjustments
 * @param createdAt    when it was written
 */
public record LedgerEntry(String id, String accountId, String kind, BigDecimal amount, BigDecimal balanceAfter,
                          Optional<String> rentalId, Optional<String> note, Instant createdAt) {
}
