package com.smsverifyo.bench;

import com.smsverifyo.cli.DataDirectory;
import com.smsverifyo.engine.Bootstrap;
import com.smsverifyo.engine.Ids;
import com.smsverifyo.store.Account;
import com.smsverifyo.store.AccountRepository;
import com.smsverifyo.store.Database;
import com.smsverifyo.store.LedgerKind;
import com.smsverifyo.store.LedgerRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Setup of the CSV export benchmark ({@code bench/csv-export.sh}), not a test: makes a fresh data
 * directory whose owner account has {@code rows} ledger entries (alternating top-ups and charges over
 * the last 30 days, so the balance is always the running sum and never negative), and writes the
 * owner's admin key to {@code bench-owner.key} in it. Rows go in through the store in large batches.
 *
 * <p>Usage: {@code CsvExportBench <data-dir> <rows>}
 */
public final class CsvExportBench {
    private static final int BATCH = 50_000;
    private static final long TOP_UP = 500_000;
    private static final long CHARGE = 450_000;

    private CsvExportBench() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: CsvExportBench <data-dir> <rows>");
            System.exit(2);
        }
        DataDirectory directory = DataDirectory.open(Path.of(args[0]));
        int rows = Integer.parseInt(args[1]);
        Clock clock = Clock.systemUTC();
        long started = System.nanoTime();
        try (Database db = Database.open(directory.database())) {
            Bootstrap.Result boot = Bootstrap.initialise(db, clock, new Bootstrap.Options(true));
            if (!boot.fresh()) {
                throw new IllegalStateException("the data directory must be new: " + directory.root());
            }
            directory.writeSecret(directory.root().resolve("bench-owner.key"), boot.ownerKey().orElseThrow().plaintext());
            Account owner = boot.owner();
            LedgerRepository ledger = new LedgerRepository();
            Ids ids = new Ids(clock);
            Instant first = clock.instant().minus(Duration.ofDays(30));
            long step = Duration.ofDays(30).toMillis() / Math.max(1, rows);
            long balance = 0;
            for (int done = 0; done < rows; ) {
                int from = done;
                int to = Math.min(rows, done + BATCH);
                long start = balance;
                balance = db.write(tx -> {
                    long running = start;
                    for (int i = from; i < to; i++) {
                        Instant at = first.plusMillis(step * i);
                        if (i % 2 == 0) {
                            running += TOP_UP;
                            ledger.append(tx, ids.next("led"), owner.id(), LedgerKind.CREDIT, TOP_UP, running, null,
                                    "bench top-up, row " + i, at);
                        } else {
                            running -= CHARGE;
                            ledger.append(tx, ids.next("led"), owner.id(), LedgerKind.CHARGE, -CHARGE, running,
                                    ids.next("rnt"), null, at);
                        }
                    }
                    new AccountRepository().setBalance(tx, owner.id(), running);
                    return running;
                });
                done = to;
            }
        }
        System.out.printf("filled %d ledger rows in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);
    }
}
