package com.smsverifyo.cli;

import com.smsverifyo.engine.ApiKeyService;
import com.smsverifyo.engine.Bootstrap;
import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Money;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.store.Account;
import com.smsverifyo.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage API keys from the command line.",
        subcommands = KeysCommand.Create.class)
final class KeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Create an API key and print it (only the key) on standard output.",
                    "Works with or without a server running on the data directory, and on a fresh one."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data-dir", description = "Data directory (default: ${XDG_DATA_HOME:-~/.local/share}/smsverifyo).")
        Path dataDir;

        @Option(names = "--name", required = true, description = "A name for the key (e.g. the program that will use it).")
        String name;

        @Option(names = "--scopes", defaultValue = "rentals", split = ",",
                description = "rentals, admin or both, comma separated (default: ${DEFAULT-VALUE}).")
        List<String> scopes;

        @Option(names = "--account", description = "The account the key belongs to (default: the owner).")
        String account;

        @Option(names = "--rate-limit", defaultValue = "60", description = "Rentals this key may create per minute (default: ${DEFAULT-VALUE}).")
        int rateLimit;

        @Option(names = "--daily-spend-cap", description = "Most this key may spend per UTC day, in USD (default: no cap).")
        BigDecimal dailySpendCap;

        @Override
        public Integer call() {
            Set<Scope> parsed = EnumSet.noneOf(Scope.class);
            for (String scope : scopes) {
                parsed.add(Scope.parse(scope.strip().toLowerCase(java.util.Locale.ROOT)).orElseThrow(() ->
                        new ParameterException(spec.commandLine(), "--scopes: '" + scope + "' is not rentals or admin")));
            }
            if (rateLimit < 1) {
                throw new ParameterException(spec.commandLine(), "--rate-limit must be at least 1");
            }
            Long cap;
            try {
                cap = dailySpendCap == null ? null : Money.fromUsd(dailySpendCap);
            } catch (ArithmeticException e) {
                throw new ParameterException(spec.commandLine(), "--daily-spend-cap takes at most 4 decimal places");
            }
            DataDirectory directory = DataDirectory.open(dataDir != null ? dataDir : DataDirectory.defaultRoot());
            Clock clock = Clock.systemUTC();
            try (Database database = Database.open(directory.database(), 1)) {
                Account owner = Bootstrap.initialise(database, clock, new Bootstrap.Options(false)).owner();
                String accountId = account == null ? owner.id() : account;
                ApiKeyService keys = new ApiKeyService(database, clock, new com.smsverifyo.engine.Ids(clock));
                ApiKeyService.CreatedKey created = database.write(tx -> {
                    if (new com.smsverifyo.store.AccountRepository().find(tx, accountId).isEmpty()) {
                        throw DomainException.notFound("Account " + accountId);
                    }
                    return keys.create(tx, new ApiKeyService.NewKey(accountId, name, parsed, rateLimit, cap));
                });
                spec.commandLine().getOut().println(created.plaintext());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
