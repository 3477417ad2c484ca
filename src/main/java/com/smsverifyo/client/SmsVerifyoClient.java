package com.smsverifyo.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The SMSVerifyo API client.
 *
 * <pre>{@code
 * try (SmsVerifyoClient client = SmsVerifyoClient.builder()
 *         .baseUrl("https://api.example.com").apiKey(System.getenv("SMSVERIFYO_KEY")).build()) {
 *     Rental rental = client.rentals().create(NewRental.of("whatsapp", "US"));
 *     CodeResult result = client.awaitCode(rental.id(), Duration.ofMinutes(5));
 *     result.code().ifPresentOrElse(System.out::println, () -> client.rentals().cancel(rental.id()));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one per key and share it. Every creating or state-changing
 * call sends an Idempotency-Key (yours through {@link RequestOptions}, or a random UUID), reused on
 * each retry, so no retry ever rents or charges twice. What is retried, and for how long, is the
 * {@link RetryPolicy}. Errors are {@link ApiException}s (one subtype per thing a program branches
 * on), {@link ConnectionException}s when the server could not be reached, and
 * {@link MalformedResponseException}s when what came back is not the contract's JSON. The API key
 * never appears in a message or a {@code toString()}.
 *
 * <p>Closing the client ends its watches and subscriptions and releases its threads; an
 * {@link OkHttpClient} you passed in stays yours to shut down.
 */
public final class SmsVerifyoClient implements AutoCloseable {
    private static final Duration SAFETY_POLL = Duration.ofSeconds(30);
    private static final Duration STREAM_PAUSE = Duration.ofMinutes(5);

    private final Transport transport;
    private final OkHttpClient streamHttp;
    private final boolean ownsHttp;
    private final ScheduledExecutorService scheduler;
    private final Duration pollInterval;
    private final EventStream.Settings streamSettings;
    private final LiveRentals live;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private final ServicesResource services;
    private final RentalsResource rentals;
    private final AccountResource account;
    private final KeysResource keys;
    private final AccountsResource accounts;
    private final CreditsResource credits;
    private final LedgerResource ledger;
    private final WebhooksResource webhooks;
    private final CatalogResource catalog;
    private final StatsResource stats;
    private final SupportResource support;
    private final SourcesResource sources;
    private final NumbersResource numbers;
    private final MessagesResource messages;

    private SmsVerifyoClient(Builder builder) {
        OkHttpClient base = builder.http != null ? builder.http : new OkHttpClient();
        this.ownsHttp = builder.http == null;
        // Retries are the RetryPolicy's job; redirects are never followed, so a key never goes to another address.
        OkHttpClient.Builder http = base.newBuilder().retryOnConnectionFailure(false).followRedirects(false)
                .followSslRedirects(false);
        if (builder.http == null || builder.connectTimeout != null) {
            http.connectTimeout(Objects.requireNonNullElse(builder.connectTimeout, Duration.ofSeconds(10)));
        }
        if (builder.http == null || builder.readTimeout != null) {
            http.readTimeout(Objects.requireNonNullElse(builder.readTimeout, Duration.ofSeconds(30)));
        }
        if (builder.http == null || builder.writeTimeout != null) {
            http.writeTimeout(Objects.requireNonNullElse(builder.writeTimeout, Duration.ofSeconds(30)));
        }
        OkHttpClient calls = http.build();
        // Event streams are long-lived asynchronous calls: on a dispatcher of their own, so that they never
        // count against OkHttp's five-per-host limit of a shared client (a sixth stream would wait silently).
        okhttp3.Dispatcher streams = new okhttp3.Dispatcher();
        streams.setMaxRequests(256);
        streams.setMaxRequestsPerHost(256);
        this.streamHttp = calls.newBuilder().dispatcher(streams).readTimeout(builder.streamReadTimeout)
                .callTimeout(Duration.ZERO).build();
        this.transport = new Transport(calls, new Transport.Settings(builder.baseUrl, builder.apiKey, builder.retryPolicy,
                builder.sleeper, builder.clock, builder.random, builder.userAgent));
        this.scheduler = scheduler();
        this.pollInterval = builder.pollInterval;
        this.streamSettings = new EventStream.Settings(builder.streamBaseDelay, builder.streamMaxDelay);
        this.live = new LiveRentals(listener -> new EventStream(transport, streamHttp, scheduler, listener, streamSettings, null),
                builder.useEventStream, STREAM_PAUSE);
        this.services = new ServicesResource(transport);
        this.rentals = new RentalsResource(transport);
        this.account = new AccountResource(transport);
        this.keys = new KeysResource(transport);
        this.accounts = new AccountsResource(transport);
        this.credits = new CreditsResource(transport);
        this.ledger = new LedgerResource(transport);
        this.webhooks = new WebhooksResource(transport);
        this.catalog = new CatalogResource(transport);
        this.stats = new StatsResource(transport);
        this.support = new SupportResource(transport);
        this.sources = new SourcesResource(transport);
        this.numbers = new NumbersResource(transport);
        this.messages = new MessagesResource(transport);
    }

    /** @return a builder; {@link Builder#baseUrl} and {@link Builder#apiKey} are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@code GET /v1/services} */
    public ServicesResource services() {
        return services;
    }

    /** @return {@code /v1/rentals} */
    public RentalsResource rentals() {
        return rentals;
    }

    /** @return {@code /v1/account}: the key's own account */
    public AccountResource account() {
        return account;
    }

    /** @return {@code /v1/keys} */
    public KeysResource keys() {
        return keys;
    }

    /** @return {@code /v1/accounts}: the customers */
    public AccountsResource accounts() {
        return accounts;
    }

    /** @return {@code /v1/accounts/{id}/credits} */
    public CreditsResource credits() {
        return credits;
    }

    /** @return {@code /v1/ledger} */
    public LedgerResource ledger() {
        return ledger;
    }

    /** @return {@code /v1/webhooks} */
    public WebhooksResource webhooks() {
        return webhooks;
    }

    /** @return {@code /v1/catalog} */
    public CatalogResource catalog() {
        return catalog;
    }

    /** @return {@code GET /v1/stats}: the dashboard's figures */
    public StatsResource stats() {
        return stats;
    }

    /** @return support: a rental's whole story, code corrections and refunds with a reason (admin scope) */
    public SupportResource support() {
        return support;
    }

    /** @return {@code /v1/sources}: the server's SMS sources and their health (the owner's admin keys) */
    public SourcesResource sources() {
        return sources;
    }

    /** @return {@code /v1/numbers}: the server's number pool (the owner's admin keys) */
    public NumbersResource numbers() {
        return numbers;
    }

    /** @return inbound SMS: where each went, and handing one in (the owner's admin keys) */
    public MessagesResource messages() {
        return messages;
    }

    /** @return what {@code GET /healthz} says (no key needed; use it to test a connection) */
    public Health health() {
        return transport.json(ApiCall.get("healthz"), WireFormat::health).value();
    }

    /**
     * Waits for a rental's code: one call instead of a polling loop. It follows the rental through
     * the live event stream when the server offers one, and polls every poll interval (3 s by
     * default) when it does not or the stream keeps failing.
     *
     * @param rentalId the rental
     * @param timeout  the longest to wait
     * @return the outcome: the code, a cancel or expiry that came first, or the timeout
     * @throws NotFoundException    if there is no such rental for this key
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public CodeResult awaitCode(String rentalId, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        CompletableFuture<CodeResult> done = new CompletableFuture<>();
        AtomicReference<CodeResult> lastSeen = new AtomicReference<>();
        Subscription watch = watch(rentalId, new RentalWatcher() {
            @Override
            public void onUpdate(Rental rental, WatchSource source) {
                lastSeen.set(new CodeResult(CodeResult.Outcome.TIMED_OUT, rental, source));
                CodeResult.of(rental).ifPresent(outcome -> done.complete(new CodeResult(outcome, rental, source)));
            }

            @Override
            public void onError(SmsVerifyoException error, boolean ended) {
                if (ended) {
                    done.completeExceptionally(error);
                }
            }
        });
        try {
            return done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            CodeResult seen = lastSeen.get();
            return seen != null ? seen : new CodeResult(CodeResult.Outcome.TIMED_OUT, rentals.get(rentalId), WatchSource.POLLING);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SmsVerifyoException failure) {
                throw failure;
            }
            throw new SmsVerifyoException("Waiting for the code of " + rentalId + " failed", e.getCause());
        } finally {
            watch.close();
        }
    }

    /**
     * Follows one rental: {@code watcher} hears its current state, then every change, until it is
     * final (completed, cancelled, expired) or you close the returned subscription. Uses the event
     * stream when the server offers it (one shared connection for all watches), polling otherwise.
     *
     * @param rentalId the rental
     * @param watcher  hears the changes
     * @return the watch, to close
     * @throws IllegalStateException if the client is closed
     */
    public Subscription watch(String rentalId, RentalWatcher watcher) {
        Objects.requireNonNull(rentalId, "rentalId");
        Objects.requireNonNull(watcher, "watcher");
        requireOpen();
        RentalWatch watch = new RentalWatch(rentalId, rentals, live, new RentalWatcher() {
            @Override
            public void onUpdate(Rental rental, WatchSource source) {
                watcher.onUpdate(rental, source);
            }

            @Override
            public void onError(SmsVerifyoException error, boolean ended) {
                watcher.onError(error, ended);
            }
        }, scheduler, pollInterval, SAFETY_POLL, transport.settings().clock());
        return track(watch.start());
    }

    /**
     * Subscribes to the live event stream ({@code GET /v1/events}): every event the key may see.
     * The subscription reconnects by itself after network errors and server restarts, resuming with
     * {@code Last-Event-ID} so nothing is missed, until you close it.
     *
     * @param listener hears the events
     * @return the subscription, to close
     */
    public Subscription events(EventListener listener) {
        return events(null, listener);
    }

    /**
     * Subscribes to the live event stream, resuming after an event id you kept.
     *
     * @param lastEventId the id of the last event you handled, or {@code null} for new events only
     * @param listener    hears the events
     * @return the subscription, to close
     */
    public Subscription events(String lastEventId, EventListener listener) {
        Objects.requireNonNull(listener, "listener");
        requireOpen();
        return track(new EventStream(transport, streamHttp, scheduler, listener, streamSettings, lastEventId).start());
    }

    /** Ends every watch and subscription, and releases the client's threads. */
    @Override
    public void close() {
        closed = true;
        live.close();
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
        scheduler.shutdownNow();
        streamHttp.dispatcher().executorService().shutdown();
        if (ownsHttp) {
            transport.http().dispatcher().executorService().shutdown();
            transport.http().connectionPool().evictAll();
        }
    }

    /** @return the base URL and the key's display prefix, never the key */
    @Override
    public String toString() {
        return "SmsVerifyoClient[" + transport.settings() + "]";
    }

    Transport transport() {
        return transport;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this client is closed");
        }
    }

    private Subscription track(Subscription subscription) {
        subscriptions.add(subscription);
        subscriptions.removeIf(s -> !s.isOpen());
        return subscription;
    }

    private static ScheduledExecutorService scheduler() {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4, runnable -> {
            Thread thread = new Thread(runnable, "smsverifyo-client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Builds a {@link SmsVerifyoClient}. Only the base URL and the API key are required. */
    public static final class Builder {
        private HttpUrl baseUrl;
        private String apiKey;
        private OkHttpClient http;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration writeTimeout;
        private Duration streamReadTimeout = Duration.ofSeconds(75);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private Duration pollInterval = Duration.ofSeconds(3);
        private Duration streamBaseDelay = Duration.ofSeconds(1);
        private Duration streamMaxDelay = Duration.ofSeconds(30);
        private boolean useEventStream = true;
        private String userAgent = "smsverifyo-java-client";

        private Builder() {
        }

        /**
         * @param url the server's base URL, such as {@code https://api.example.com} or
         *            {@code http://127.0.0.1:8080}; a path prefix is kept ({@code https://host/sms})
         * @return this builder
         */
        public Builder baseUrl(String url) {
            HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, "baseUrl").strip());
            if (parsed == null) {
                throw new IllegalArgumentException("baseUrl must be an http or https URL: " + url);
            }
            if (parsed.query() != null || parsed.fragment() != null) {
                throw new IllegalArgumentException("baseUrl must not have a query or a fragment");
            }
            HttpUrl.Builder cleaned = parsed.newBuilder();
            // Drop a trailing slash so "https://host/" and "https://host" mean the same.
            if (parsed.pathSegments().size() > 0 && parsed.pathSegments().get(parsed.pathSegments().size() - 1).isEmpty()) {
                cleaned.removePathSegment(parsed.pathSegments().size() - 1);
            }
            this.baseUrl = cleaned.build();
            return this;
        }

        /**
         * @param key the API key, {@code sms_live_…}
         * @return this builder
         */
        public Builder apiKey(String key) {
            this.apiKey = ApiKeys.check(key);
            return this;
        }

        /**
         * Shares your {@link OkHttpClient} (its connection pool, dispatcher, proxy, TLS settings).
         * The client derives its own from it: OkHttp's silent retries are turned off (the retry
         * policy decides), and timeouts set on this builder override the given client's.
         *
         * @param client the OkHttp client
         * @return this builder
         */
        public Builder okHttpClient(OkHttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param timeout to connect (default 10 s)
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout between bytes of a response (default 30 s)
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * @param timeout between bytes of a request (default 30 s)
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive(timeout, "writeTimeout");
            return this;
        }

        /**
         * @param timeout the longest silence on the event stream before reconnecting (default 75 s;
         *                the server sends heartbeats well within it)
         * @return this builder
         */
        public Builder streamReadTimeout(Duration timeout) {
            this.streamReadTimeout = positive(timeout, "streamReadTimeout");
            return this;
        }

        /**
         * @param policy what to retry and how long to wait (default {@link RetryPolicy#defaults()})
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param value how the client waits between attempts (tests pass a recording one)
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * @param value the clock for HTTP-date {@code Retry-After} values and expiry checks
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param interval how often a watch without the event stream reads its rental (default 3 s)
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive(interval, "pollInterval");
            return this;
        }

        /**
         * @param base the event stream's first reconnect backoff cap (default 1 s)
         * @param max  its largest (default 30 s)
         * @return this builder
         */
        public Builder streamReconnect(Duration base, Duration max) {
            this.streamBaseDelay = positive(base, "base");
            this.streamMaxDelay = positive(max, "max");
            return this;
        }

        /**
         * @param use whether watches and {@link #awaitCode} may use the event stream (default true);
         *            false makes them poll, for networks that break long-lived responses
         * @return this builder
         */
        public Builder useEventStream(boolean use) {
            this.useEventStream = use;
            return this;
        }

        /**
         * @param product your product's name and version, sent before the client's own in {@code User-Agent}
         * @return this builder
         */
        public Builder userAgent(String product) {
            this.userAgent = Objects.requireNonNull(product, "product").strip() + " smsverifyo-java-client";
            return this;
        }

        /** Makes jitter deterministic in tests. */
        Builder random(DoubleSupplier value) {
            this.random = value;
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException if the base URL or the key is missing
         */
        public SmsVerifyoClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            if (apiKey == null) {
                throw new IllegalStateException("apiKey is required");
            }
            return new SmsVerifyoClient(this);
        }

        /** @return the settings, with the key masked */
        @Override
        public String toString() {
            return "SmsVerifyoClient.Builder[baseUrl=" + baseUrl + ", apiKey=" + ApiKeys.mask(apiKey) + "]";
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
