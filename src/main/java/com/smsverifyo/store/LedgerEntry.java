package com.smsverifyo.store;

import java.time.Instant;

/** One append-only ledger line. The account's balance is always the sum of its lines. */
public record LedgerEntry(long seq, String id, String accountId, LedgerKind kind, long amountMicros,
                          long balanceAfterMicros, String rentalId, String note, Instant createdAt) {
}
