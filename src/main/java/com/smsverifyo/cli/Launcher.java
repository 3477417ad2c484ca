package com.smsverifyo.cli;

import picocli.CommandLine;

/**
 * The program's entry point. It does not extend {@code javafx.application.Application}, so that
 * {@code java -jar} works with JavaFX on the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setDefaultValueProvider(new EnvironmentDefaults());
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            line.getErr().println(line.getColorScheme().errorText("error: " + Errors.describe(failure)));
            return 1;
        });
        return commandLine;
    }
}
