package com.smsverifyo.engine;

import com.smsverifyo.store.Database;
import com.smsverifyo.store.MessageRepository;
import com.smsverifyo.store.RentalRepository;
import java.time.Clock;
import java.time.Duration;

/**
 * The rental engine: every service over one database and one clock. It has no HTTP server and no
 * GUI; the API, the sources and the command line use it.
 */
public final class Engine implements AutoCloseable {

    /** Settings of the engine. */
    public record Config(Duration rentalTtl, Duration sweepInterval, WebhookSettings webhooks) {
        public Config(Duration rentalTtl, Duration sweepInterval) {
            this(rentalTtl, sweepInterval, WebhookSettings.defaults());
        }

        public static Config defaults() {
            return new Config(Duration.ofMinutes(20), Duration.ofSeconds(1));
        }
    }

    private final Database db;
    private final Clock clock;
    private final Config config;
    private final Ids ids;
    private final EventPublisher events;
    private final LedgerService ledger;
    private final AccountService accounts;
    private final CatalogService catalog;
    private final ApiKeyService keys;
    private final SourceRegistry sources;
    private final NumberService numbers;
    private final RentalService rentals;
    private final InboundMessageService inbound;
    private final SupportService support;
    private final IdempotencyService idempotency;
    private final RateLimiter rateLimiter;
    private final Housekeeper housekeeper;
    private final WebhookService webhooks;
    private final WebhookDispatcher webhookDispatcher;
    private final StatsService stats;

    public Engine(Database db, Clock clock, Config config) {
        this.db = db;
        this.clock = clock;
        this.config = config;
        this.ids = new Ids(clock);
        this.events = new EventPublisher(db, clock, ids);
        this.ledger = new LedgerService(clock, ids, events);
        this.accounts = new AccountService(ledger);
        this.catalog = new CatalogService();
        this.keys = new ApiKeyService(db, clock, ids);
        this.sources = new SourceRegistry(db, clock, ids);
        this.numbers = new NumberService(clock, sources);
        MessageRepository messageRepository = new MessageRepository();
        RentalRepository rentalRepository = new RentalRepository(messageRepository);
        this.rentals = new RentalService(db, clock, ids, config.rentalTtl(), catalog, accounts, ledger, events,
                rentalRepository, sources);
        this.inbound = new InboundMessageService(db, clock, ids, rentalRepository, messageRepository, rentals);
        this.support = new SupportService(rentals, accounts, ledger, rentalRepository, messageRepository);
        this.idempotency = new IdempotencyService(db, clock);
        this.rateLimiter = new RateLimiter(clock);
        this.housekeeper = new Housekeeper(this);
        Signal webhookWork = new Signal();
        UrlPolicy urlPolicy = new UrlPolicy(config.webhooks().allowedCidrs());
        this.webhooks = new WebhookService(db, clock, ids, events, accounts, urlPolicy,
                new RetrySchedule(config.webhooks().retrySchedule(), new java.util.Random()),
                config.webhooks().disableAfter(), webhookWork);
        this.webhookDispatcher = new WebhookDispatcher(db, webhooks, config.webhooks(), urlPolicy, clock,
                Clock.systemUTC(), webhookWork);
        this.stats = new StatsService(clock, accounts);
    }

    /** Starts the background chores (expiry sweeper and friends). */
    public Engine start() {
        housekeeper.start(config.sweepInterval().toMillis());
        webhookDispatcher.start();
        return this;
    }

    /** Runs the expiry sweep now (tests drive time with their own clock). */
    public int expireDue() {
        return housekeeper.expireDue();
    }

    public Database db() {
        return db;
    }

    public Clock clock() {
        return clock;
    }

    public Config config() {
        return config;
    }

    public Ids ids() {
        return ids;
    }

    public EventPublisher events() {
        return events;
    }

    public LedgerService ledger() {
        return ledger;
    }

    public AccountService accounts() {
        return accounts;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public ApiKeyService keys() {
        return keys;
    }

    /** The SMS sources: plug-in types, configured sources, the running ones. */
    public SourceRegistry sources() {
        return sources;
    }

    public NumberService numbers() {
        return numbers;
    }

    public RentalService rentals() {
        return rentals;
    }

    public InboundMessageService inbound() {
        return inbound;
    }

    public SupportService support() {
        return support;
    }

    public IdempotencyService idempotency() {
        return idempotency;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public WebhookService webhooks() {
        return webhooks;
    }

    public WebhookDispatcher webhookDispatcher() {
        return webhookDispatcher;
    }

    /** Trims the event log and old webhook messages now (the housekeeper does it hourly). */
    public int trimLogs() {
        return housekeeper.trimLogs();
    }

    public StatsService stats() {
        return stats;
    }

    /** Stops the chores and writes what they held; the database is closed by its owner. */
    @Override
    public void close() {
        sources.close();
        webhookDispatcher.close();
        housekeeper.close();
        keys.flushLastUsed();
    }
}
