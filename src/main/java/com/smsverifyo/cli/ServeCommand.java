package com.smsverifyo.cli;

import com.smsverifyo.engine.Cidr;
import com.smsverifyo.engine.WebhookSettings;
import com.smsverifyo.sources.SimulatorNumbers;
import com.smsverifyo.sources.SimulatorSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the headless server: the whole API on one port, data in one directory.",
                "Every option can also come from the environment: --port from SMSVERIFYO_PORT, and so on."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data-dir", description = "Data directory (default: ${XDG_DATA_HOME:-~/.local/share}/smsverifyo).")
    Path dataDir;

    @Option(names = "--rental-ttl", defaultValue = "20m", description = "How long a rental holds its number (default: ${DEFAULT-VALUE}).")
    String rentalTtl;

    @Option(names = "--simulator", defaultValue = "true", arity = "1", paramLabel = "true|false",
            description = "Run the SMS simulator (demo numbers, demo credit, simulated codes) (default: ${DEFAULT-VALUE}).")
    boolean simulator;

    @Option(names = "--sim-delay", defaultValue = "5s-30s", description = "Simulated SMS arrive after a random delay in this range (default: ${DEFAULT-VALUE}).")
    String simDelay;

    @Option(names = "--sim-success", defaultValue = "0.9", description = "Share of rentals that get a simulated SMS, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double simSuccess;

    @Option(names = "--sim-pool-size", defaultValue = "" + SimulatorNumbers.DEFAULT_PER_COUNTRY,
            description = "Simulated numbers per country, made when the data directory is created (default: ${DEFAULT-VALUE}).")
    int simPoolSize;

    @Option(names = "--webhook-retry-schedule", defaultValue = "0s,5s,5m,30m,2h,5h,10h,10h",
            description = "Waits before each webhook attempt, comma separated; ±20%% jitter is added (default: ${DEFAULT-VALUE}).")
    String webhookRetrySchedule;

    @Option(names = "--webhook-allow-cidr", split = ",", paramLabel = "CIDR",
            description = "Let webhooks reach this private, loopback or reserved range (repeatable, or comma separated); "
                    + "link-local and cloud metadata addresses are never reached.")
    List<String> webhookAllowCidrs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Duration ttl = durationOption("--rental-ttl", rentalTtl);
        Duration[] delay;
        try {
            delay = Durations.range(simDelay);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--sim-delay: " + e.getMessage());
        }
        if (simSuccess < 0 || simSuccess > 1) {
            throw new ParameterException(spec.commandLine(), "--sim-success must be between 0 and 1");
        }
        if (ttl.isZero() || ttl.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--rental-ttl must be longer than 0");
        }
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        if (simPoolSize < 1 || simPoolSize > 100_000) {
            throw new ParameterException(spec.commandLine(), "--sim-pool-size must be between 1 and 100000");
        }
        WebhookSettings webhooks = webhookSettings();
        DataDirectory directory = DataDirectory.open(dataDir != null ? dataDir : DataDirectory.defaultRoot());
        Logging.toDirectory(directory.logs());
        ServerRuntime.Settings settings = new ServerRuntime.Settings(directory, host, port, ttl, simulator,
                new SimulatorSource.Settings(delay[0], delay[1], simSuccess), simPoolSize, Clock.systemUTC(),
                Duration.ofSeconds(1), System.nanoTime(), webhooks);
        ServerRuntime server = ServerRuntime.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        var out = spec.commandLine().getOut();
        out.println("SMSVerifyo " + Version.get() + " listening on " + server.baseUrl()
                + (simulator ? "  [SMS SIMULATOR ON: codes are simulated]" : ""));
        out.println("Data directory: " + directory.root());
        server.firstOwnerKey().ifPresent(key -> {
            out.println();
            out.println("First start: this is the owner's admin API key. It is shown once and never again:");
            out.println();
            out.println("    " + key.plaintext());
            out.println();
        });
        out.flush();
        stopped.await();
        return 0;
    }

    /** The webhook options as settings; a bad wait or range is a usage error naming its option. */
    WebhookSettings webhookSettings() {
        List<Duration> schedule = new ArrayList<>();
        for (String wait : webhookRetrySchedule.split(",")) {
            schedule.add(durationOption("--webhook-retry-schedule", wait));
        }
        List<Cidr> allowed = new ArrayList<>();
        for (String cidr : webhookAllowCidrs) {
            if (cidr.isBlank()) {
                continue;
            }
            try {
                allowed.add(Cidr.parse(cidr));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--webhook-allow-cidr: " + e.getMessage());
            }
        }
        return WebhookSettings.defaults().withRetrySchedule(schedule).withAllowedCidrs(allowed);
    }

    private Duration durationOption(String name, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), name + ": " + e.getMessage());
        }
    }
}
