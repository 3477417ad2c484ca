package com.smsverifyo.cli;

import com.smsverifyo.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a consistent copy of the database, also while the server runs.")
final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", description = "Data directory (default: ${XDG_DATA_HOME:-~/.local/share}/smsverifyo).")
    Path dataDir;

    @Option(names = "--to", required = true, description = "The backup file to write (must not exist yet).")
    Path target;

    @Override
    public Integer call() {
        Path root = dataDir != null ? dataDir : DataDirectory.defaultRoot();
        Path database = root.resolve(DataDirectory.DATABASE);
        if (!Files.exists(database)) {
            throw new ParameterException(spec.commandLine(), "there is no database in " + root);
        }
        if (Files.exists(target)) {
            throw new ParameterException(spec.commandLine(), target + " already exists; choose a new file");
        }
        long started = System.nanoTime();
        Database.backup(database, target);
        spec.commandLine().getOut().printf("Backed up %s to %s (%,d bytes, %d ms)%n", database, target,
                target.toFile().length(), (System.nanoTime() - started) / 1_000_000);
        return 0;
    }
}
