package com.smsverifyo.engine;

import com.smsverifyo.store.Account;
import com.smsverifyo.store.StatsRepository;
import com.smsverifyo.store.StatsRepository.Bucketed;
import com.smsverifyo.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's figures of an account: a handful of aggregates over its rentals and ledger
 * (each read through an index, in one snapshot), composed into complete series of hourly or daily
 * buckets. Any scope may read its own account; an admin key also its customers'.
 */
public final class StatsService {
    private static final Duration LAST_HOUR = Duration.ofHours(1);

    private final Clock clock;
    private final AccountService accounts;
    private final StatsRepository repository = new StatsRepository();

    public StatsService(Clock clock, AccountService accounts) {
        this.clock = clock;
        this.accounts = accounts;
    }

    /**
     * @param requestedAccount the {@code ?account=} of the request, or null for the caller's own
     * @throws DomainException not found for an account the caller may not see
     */
    public Stats stats(Tx tx, Principal principal, String requestedAccount, StatsWindow window) {
        String accountId = accounts.resolve(tx, principal, requestedAccount);
        Account account = accounts.find(tx, accountId).orElseThrow(() -> DomainException.notFound("Account " + accountId));
        Instant now = clock.instant();
        Instant from = window.start(now);
        Instant to = window.end(now);
        long width = window.bucketWidth().toMillis();

        long[] spend = values(repository.spendPerBucket(tx, accountId, from, to, width), window.buckets());
        long[] codes = values(repository.firstCodesPerBucket(tx, accountId, from, to, width), window.buckets());
        long[] balances = balances(tx, accountId, from, to, window);
        List<Stats.Bucket> series = new ArrayList<>(window.buckets());
        for (int i = 0; i < window.buckets(); i++) {
            series.add(new Stats.Bucket(from.plus(window.bucketWidth().multipliedBy(i)), spend[i], codes[i], balances[i]));
        }
        List<Stats.ServiceSuccess> success = repository.outcomesByService(tx, accountId, from, to).stream()
                .map(o -> new Stats.ServiceSuccess(o.service(), o.name() == null ? o.service() : o.name(), o.received(),
                        o.ended()))
                .toList();
        // The hour up to and including now.
        long codesLastHour = repository.firstCodes(tx, accountId, now.minus(LAST_HOUR), now.plusMillis(1));
        return new Stats(accountId, window, from, to, now, account.balanceMicros(), account.alertThresholdMicros(),
                accounts.spentToday(tx, accountId), repository.openRentals(tx, accountId), codesLastHour, success,
                List.copyOf(series));
    }

    /** The balance at the end of each bucket: its last posting's, else the one before, carried forward. */
    private long[] balances(Tx tx, String accountId, Instant from, Instant to, StatsWindow window) {
        long[] balances = new long[window.buckets()];
        boolean[] posted = new boolean[window.buckets()];
        for (Bucketed bucket : repository.balancePerBucket(tx, accountId, from, to, window.bucketWidth().toMillis())) {
            if (inRange(bucket, balances.length)) {
                balances[bucket.bucket()] = bucket.value();
                posted[bucket.bucket()] = true;
            }
        }
        long carried = repository.balanceBefore(tx, accountId, from).orElse(0L);
        for (int i = 0; i < balances.length; i++) {
            if (posted[i]) {
                carried = balances[i];
            }
            balances[i] = carried;
        }
        return balances;
    }

    private static long[] values(List<Bucketed> buckets, int count) {
        long[] values = new long[count];
        for (Bucketed bucket : buckets) {
            if (inRange(bucket, count)) {
                values[bucket.bucket()] = bucket.value();
            }
        }
        return values;
    }

    private static boolean inRange(Bucketed bucket, int count) {
        return bucket.bucket() >= 0 && bucket.bucket() < count;
    }
}
