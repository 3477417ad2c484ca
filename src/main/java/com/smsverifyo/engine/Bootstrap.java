package com.smsverifyo.engine;

import com.smsverifyo.store.Account;
import com.smsverifyo.store.AccountRepository;
import com.smsverifyo.store.AccountStatus;
import com.smsverifyo.store.Database;
import com.smsverifyo.store.MetaRepository;
import com.smsverifyo.store.Tx;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * First start of a data directory: the owner account, the demo catalog and tiers, a demo credit
 * while the simulator feeds the engine, and (if asked) the owner's first admin key. Runs in one
 * transaction; on a directory that is already initialised it changes nothing.
 */
public final class Bootstrap {
    public static final long DEMO_CREDIT_MICROS = 100_000_000L;
    private static final String INITIALISED = "initialised_at";

    /** What first start should do beyond the owner account and catalog. */
    public record Options(boolean ownerKey) {
    }

    public record Result(boolean fresh, Account owner, Optional<ApiKeyService.CreatedKey> ownerKey) {
    }

    private Bootstrap() {
    }

    public static Result initialise(Database db, Clock clock, Options options) {
        Ids ids = new Ids(clock);
        AccountRepository accounts = new AccountRepository();
        MetaRepository meta = new MetaRepository();
        return db.write(tx -> {
            if (meta.get(tx, INITIALISED).isPresent()) {
                return new Result(false, accounts.owner(tx).orElseThrow(), Optional.empty());
            }
            new CatalogService().seedDemo(tx);
            Account owner = new Account(ids.next("acc"), null, "Owner", "retail", AccountStatus.ACTIVE, 0, null, null,
                    clock.instant());
            accounts.insert(tx, owner);
            Optional<ApiKeyService.CreatedKey> key = Optional.empty();
            if (options.ownerKey()) {
                key = Optional.of(new ApiKeyService(db, clock, ids).create(tx, new ApiKeyService.NewKey(owner.id(),
                        "Owner admin key", EnumSet.of(Scope.ADMIN, Scope.RENTALS), ApiKeyService.DEFAULT_RATE_LIMIT, null)));
            }
            meta.put(tx, INITIALISED, Wire.time(clock.instant()));
            return new Result(true, accounts.find(tx, owner.id()).orElseThrow(), key);
        });
    }

    /**
     * Runs {@code work} once in the life of the data directory (remembered under {@code name}), in one
     * transaction; returns whether it ran now.
     */
    public static boolean once(Database db, String name, Consumer<Tx> work) {
        MetaRepository meta = new MetaRepository();
        return db.write(tx -> {
            if (meta.get(tx, name).isPresent()) {
                return false;
            }
            work.accept(tx);
            meta.put(tx, name, "done");
            return true;
        });
    }

    /** Credits the owner the demo credit (the simulator's first start). */
    public static void demoCredit(Tx tx, Database db, Clock clock) {
        Ids ids = new Ids(clock);
        Account owner = new AccountRepository().owner(tx).orElseThrow();
        new LedgerService(clock, ids, new EventPublisher(db, clock, ids))
                .credit(tx, owner.id(), DEMO_CREDIT_MICROS, "demo credit (simulator)");
    }

    public static boolean initialised(Database db) {
        return db.read(tx -> new MetaRepository().get(tx, INITIALISED).isPresent());
    }
}
