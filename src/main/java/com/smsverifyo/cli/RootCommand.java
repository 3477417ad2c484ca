package com.smsverifyo.cli;

import com.smsverifyo.ui.DeskApp;
import com.smsverifyo.ui.DesktopContext;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "smsverifyo", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = {"SMSVerifyo Desk: rent phone numbers that receive SMS verification codes.",
                "Without a command: the desktop app, on its own embedded engine with the SMS simulator.",
                "Run 'serve' for the headless server."},
        subcommands = {ServeCommand.class, KeysCommand.class, BackupCommand.class, VersionCommand.class})
final class RootCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", description = "Data directory (default: ${XDG_DATA_HOME:-~/.local/share}/smsverifyo).")
    Path dataDir;

    @Option(names = "--smoke", hidden = true,
            description = "Open the main window, show every page once and quit (the packaging check).")
    boolean smoke;

    @Override
    public Integer call() {
        if (!displayAvailable()) {
            spec.commandLine().getErr().println("No display is available for the desktop app. "
                    + "On a server, run 'smsverifyo serve' (see --help).");
            return 1;
        }
        DataDirectory directory = DataDirectory.open(dataDir != null ? dataDir : DataDirectory.defaultRoot());
        Logging.toDirectory(directory.logs());
        EmbeddedEngineHost engine = new EmbeddedEngineHost(ServerRuntime.Settings.embedded(directory));
        // Warm the engine up while the window opens; connecting waits for it if needed.
        Thread warmUp = new Thread(() -> {
            try {
                engine.start();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(RootCommand.class).error("the embedded engine did not start", e);
            }
        }, "engine-start");
        warmUp.setDaemon(true);
        warmUp.start();
        try {
            DeskApp.launch(new DesktopContext(directory.root(), engine), smoke);
        } finally {
            engine.stop();
        }
        return 0;
    }

    private static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                || "Monocle".equals(System.getProperty("glass.platform"));
    }
}
