package com.smsverifyo.cli;

import com.smsverifyo.api.ApiMetrics;
import com.smsverifyo.api.ApiServer;
import com.smsverifyo.engine.Bootstrap;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.ApiKeyService;
import com.smsverifyo.engine.CatalogService;
import com.smsverifyo.engine.WebhookSettings;
import com.smsverifyo.sources.BuiltInSources;
import com.smsverifyo.sources.SimulatorNumbers;
import com.smsverifyo.sources.SimulatorSource;
import com.smsverifyo.sources.SimulatorSourceType;
import com.smsverifyo.store.Database;
import com.smsverifyo.store.Country;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server: database, engine, SMS sources and the HTTP API over one data directory, wired
 * together and stopped in the right order (HTTP first so requests in flight finish, the database
 * last). Used by {@code serve}, by the desktop app's embedded engine and by tests.
 */
public final class ServerRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServerRuntime.class);

    /** Everything a server needs to start. */
    public record Settings(DataDirectory dataDirectory, String host, int port, Duration rentalTtl,
                           boolean simulator, SimulatorSource.Settings simulatorSettings, int simulatorPoolSize,
                           Clock clock, Duration sweepInterval, long randomSeed, WebhookSettings webhooks) {

        /** Settings with the default webhook delivery (nothing private reachable). */
        public Settings(DataDirectory dataDirectory, String host, int port, Duration rentalTtl, boolean simulator,
                        SimulatorSource.Settings simulatorSettings, int simulatorPoolSize, Clock clock,
                        Duration sweepInterval, long randomSeed) {
            this(dataDirectory, host, port, rentalTtl, simulator, simulatorSettings, simulatorPoolSize, clock,
                    sweepInterval, randomSeed, WebhookSettings.defaults());
        }

        /** The desktop app's embedded engine: its webhooks may reach loopback receivers (API.md). */
        public static Settings defaults(DataDirectory dataDirectory) {
            return new Settings(dataDirectory, "127.0.0.1", 8080, Duration.ofMinutes(20), true,
                    new SimulatorSource.Settings(Duration.ofSeconds(5), Duration.ofSeconds(30), 0.9),
                    SimulatorNumbers.DEFAULT_PER_COUNTRY, Clock.systemUTC(), Duration.ofSeconds(1), System.nanoTime(),
                    WebhookSettings.defaults().withAllowedCidrs(WebhookSettings.loopback()));
        }

        /** The desktop app's engine: loopback only, a free port, the simulator on. */
        public static Settings embedded(DataDirectory dataDirectory) {
            return defaults(dataDirectory).withPort(0);
        }

        public Settings withPort(int newPort) {
            return new Settings(dataDirectory, host, newPort, rentalTtl, simulator, simulatorSettings, simulatorPoolSize,
                    clock, sweepInterval, randomSeed, webhooks);
        }

        public Settings withHost(String newHost) {
            return new Settings(dataDirectory, newHost, port, rentalTtl, simulator, simulatorSettings, simulatorPoolSize,
                    clock, sweepInterval, randomSeed, webhooks);
        }

        public Settings withWebhooks(WebhookSettings newWebhooks) {
            return new Settings(dataDirectory, host, port, rentalTtl, simulator, simulatorSettings, simulatorPoolSize,
                    clock, sweepInterval, randomSeed, newWebhooks);
        }
    }

    private final Settings settings;
    private final Database database;
    private final Engine engine;
    private final ApiMetrics metrics;
    private final ApiServer api;
    private final Optional<ApiKeyService.CreatedKey> firstOwnerKey;

    private ServerRuntime(Settings settings) {
        this.settings = settings;
        this.database = Database.open(settings.dataDirectory().database());
        Engine created = null;
        try {
            Bootstrap.Result boot = Bootstrap.initialise(database, settings.clock(), new Bootstrap.Options(true));
            this.firstOwnerKey = boot.ownerKey();
            if (settings.simulator()) {
                // The simulator's pool and the demo credit come once, the first time it runs here.
                Bootstrap.once(database, "simulator_seeded_at", tx -> {
                    List<String> countries = new CatalogService().countries(tx).stream().map(Country::code).toList();
                    SimulatorNumbers.seed(tx, settings.clock(), countries, settings.simulatorPoolSize());
                    Bootstrap.demoCredit(tx, database, settings.clock());
                });
            }
            database.write(tx -> SimulatorNumbers.adopt(tx, settings.clock()));
            created = new Engine(database, settings.clock(),
                    new Engine.Config(settings.rentalTtl(), settings.sweepInterval(), settings.webhooks())).start();
            this.engine = created;
            this.metrics = new ApiMetrics(engine);
            BuiltInSources.register(engine, settings.simulatorSettings(), new Random(settings.randomSeed()));
            if (!settings.simulator()) {
                engine.sources().hold(SimulatorSourceType.TYPE, "The simulator is off on this server (serve --simulator=false).");
            }
            engine.sources().start();
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("simulator", settings.simulator());
            this.api = new ApiServer(engine, metrics, new ApiServer.Options(Version.get(), health))
                    .start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            if (created != null) {
                created.close(); // its sources and chores must not outlive a server that did not start
            }
            database.close();
            throw e;
        }
        log.info("SMSVerifyo {} serving on http://{}:{} (data: {})", Version.get(), settings.host(), api.port(),
                settings.dataDirectory().root());
    }

    public static ServerRuntime start(Settings settings) {
        return new ServerRuntime(settings);
    }

    public Engine engine() {
        return engine;
    }

    public Database database() {
        return database;
    }

    public int port() {
        return api.port();
    }

    /** The HTTP face (the OpenAPI contract test lists its routes). */
    public ApiServer api() {
        return api;
    }

    public String baseUrl() {
        String host = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "127.0.0.1" : settings.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    public Settings settings() {
        return settings;
    }

    /** The owner's admin key when this start created the data directory; never again afterwards. */
    public Optional<ApiKeyService.CreatedKey> firstOwnerKey() {
        return firstOwnerKey;
    }

    @Override
    public void close() {
        api.close();
        engine.close();
        metrics.close();
        database.close();
        log.info("SMSVerifyo stopped; database closed");
    }
}
