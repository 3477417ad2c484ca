package com.smsverifyo.engine;

import com.smsverifyo.store.Account;
import com.smsverifyo.store.AccountRepository;
import com.smsverifyo.store.LedgerEntry;
import com.smsverifyo.store.LedgerKind;
import com.smsverifyo.store.LedgerRepository;
import com.smsverifyo.store.Rental;
import com.smsverifyo.store.SpendRepository;
import com.smsverifyo.store.SpendTotals;
import com.smsverifyo.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Postings to the append-only ledger. Every posting updates the account's balance in the same
 * transaction, so for every account at every moment the balance is the sum of its entries; a
 * posting that would take a balance below zero is refused.
 */
public final class LedgerService {
    private final Clock clock;
    private final Ids ids;
    private final EventPublisher events;
    private final AccountRepository accounts = new AccountRepository();
    private final LedgerRepository ledger = new LedgerRepository();
    private final SpendRepository spend = new SpendRepository();

    public LedgerService(Clock clock, Ids ids, EventPublisher events) {
        this.clock = clock;
        this.ids = ids;
        this.events = events;
    }

    /** Charges a rental's price; counts it in the account's and key's spend of {@code day}. */
    public LedgerEntry charge(Tx tx, String accountId, long micros, String rentalId, String keyId, String day) {
        LedgerEntry entry = post(tx, accountId, LedgerKind.CHARGE, -micros, rentalId, null);
        spend.add(tx, accountId, day, micros);
        spend.add(tx, keyId, day, micros);
        return entry;
    }

    /**
     * What of a rental's price has not come back yet: its price less its refunds and its adjustments
     * (support refunds). Every path that gives money back for a rental gives at most this.
     */
    public long refundable(Tx tx, Rental rental) {
        long back = ledger.forRental(tx, rental.id()).stream()
                .filter(entry -> entry.kind() == LedgerKind.REFUND || entry.kind() == LedgerKind.ADJUSTMENT)
                .mapToLong(LedgerEntry::amountMicros).sum();
        return Math.max(0, rental.priceMicros() - back);
    }

    /** Refunds a rental; the spend of the day it was charged goes down again. */
    public LedgerEntry refund(Tx tx, String accountId, long micros, String rentalId, String keyId, String chargeDay,
                              String note) {
        LedgerEntry entry = post(tx, accountId, LedgerKind.REFUND, micros, rentalId, note);
        spend.add(tx, accountId, chargeDay, -micros);
        spend.add(tx, keyId, chargeDay, -micros);
        return entry;
    }

    public LedgerEntry credit(Tx tx, String accountId, long micros, String note) {
        return post(tx, accountId, LedgerKind.CREDIT, micros, null, note);
    }

    public LedgerEntry adjust(Tx tx, String accountId, long micros, String rentalId, String note) {
        return post(tx, accountId, LedgerKind.ADJUSTMENT, micros, rentalId, note);
    }

    /** Entries of an account, newest first, before {@code beforeSeq} when given. */
    public java.util.List<LedgerEntry> page(Tx tx, String accountId, Long beforeSeq, Instant from, Instant to,
                                            LedgerKind kind, int limit) {
        return ledger.page(tx, accountId, beforeSeq, from, to, kind, limit);
    }

    /** Streams the entries of an account oldest first, without holding them (exports). */
    public void each(Tx tx, String accountId, Instant from, Instant to, LedgerKind kind, Consumer<LedgerEntry> sink) {
        ledger.each(tx, accountId, from, to, kind, sink);
    }

    public long balanceBySum(Tx tx, String accountId) {
        return ledger.sum(tx, accountId);
    }

    public long spentToday(Tx tx, String ownerId) {
        return spend.spent(tx, ownerId, Days.of(clock.instant()));
    }

    public long spent(Tx tx, String ownerId, String day) {
        return spend.spent(tx, ownerId, day);
    }

    /** Spend of many owners today and over the {@code days} UTC days that end today, in one query. */
    public Map<String, SpendTotals> spendTotals(Tx tx, Collection<String> ownerIds, int days) {
        Instant now = clock.instant();
        return spend.totals(tx, ownerIds, Days.of(now.minus(Duration.ofDays(days - 1L))), Days.of(now));
    }

    public long spentBetween(Tx tx, String ownerId, String fromDay, String toDay) {
        return spend.spentBetween(tx, ownerId, fromDay, toDay);
    }

    private LedgerEntry post(Tx tx, String accountId, LedgerKind kind, long amount, String rentalId, String note) {
        Account account = accounts.find(tx, accountId)
                .orElseThrow(() -> DomainException.notFound("Account " + accountId));
        long after;
        try {
            after = Math.addExact(account.balanceMicros(), amount);
        } catch (ArithmeticException overflow) {
            throw DomainException.invalid("amount_usd", "This would take the balance past the largest amount the server keeps.");
        }
        if (after < 0) {
            throw new DomainException(ErrorCode.INSUFFICIENT_BALANCE,
                    "The balance of " + Money.format(account.balanceMicros()) + " USD cannot cover "
                            + Money.format(-amount) + " USD.")
                    .with("balance_usd", Money.toUsd(account.balanceMicros()))
                    .with("price_usd", Money.toUsd(-amount));
        }
        Instant now = clock.instant();
        accounts.setBalance(tx, accountId, after);
        LedgerEntry entry = ledger.append(tx, ids.next("led"), accountId, kind, amount, after, rentalId, note, now);
        watchThreshold(tx, account, amount, after, now);
        return entry;
    }

    /**
     * While the balance is below the threshold, the first debit of each UTC day announces
     * {@code balance.low}; a balance back at or above it clears the mark, so the next fall is told
     * at once.
     */
    private void watchThreshold(Tx tx, Account account, long amount, long after, Instant now) {
        Long threshold = account.alertThresholdMicros();
        if (threshold == null) {
            return;
        }
        if (after >= threshold) {
            if (account.lowAlertDay() != null) {
                accounts.setLowAlertDay(tx, account.id(), null);
            }
            return;
        }
        String today = Days.of(now);
        if (amount >= 0 || today.equals(account.lowAlertDay())) {
            return;
        }
        accounts.setLowAlertDay(tx, account.id(), today);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("account_id", account.id());
        payload.put("balance_usd", Money.toUsd(after));
        payload.put("alert_threshold_usd", Money.toUsd(threshold));
        payload.put("occurred_at", Wire.time(now));
        events.publish(tx, account.id(), "balance.low", null, payload);
    }
}
