package com.smsverifyo.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "smsverifyo", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "SMSVerifyo Desk: rent phone numbers that receive SMS verification codes.%n"
                + "Run 'serve' for the headless server.",
        subcommands = {ServeCommand.class, KeysCommand.class, BackupCommand.class, VersionCommand.class})
final class RootCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Until the desktop app lands, no arguments print the usage.
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
