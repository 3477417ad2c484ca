package com.smsverifyo.client;

import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * A real engine in-process (loopback HTTP, SQLite in a temp dir) and clients of it: the setting of
 * every client test that needs the server's behaviour rather than a script of it.
 */
final class EngineFixture implements AutoCloseable {
    /** Cheap services and countries, for tests that rent hundreds of numbers within the demo credit. */
    private static final String[] SERVICES = {"discord", "tiktok", "uber", "microsoft", "facebook"};
    private static final String[] COUNTRIES = {"IN", "ID", "RU", "BR", "MX"};

    final TestServer server;
    final SmsVerifyoClient owner;
    /** Every HTTP exchange the fixture's clients made, by status. */
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger rateLimited = new AtomicInteger();
    final OkHttpClient http;

    EngineFixture(Path dir) {
        this(TestServer.start(dir));
    }

    EngineFixture(TestServer server) {
        this.server = server;
        this.http = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            okhttp3.Response response = chain.proceed(chain.request());
            requests.incrementAndGet();
            if (response.code() == 429) {
                rateLimited.incrementAndGet();
            }
            return response;
        }).build();
        this.owner = client(server.ownerKey());
    }

    SmsVerifyoClient client(String key) {
        return builder(key).build();
    }

    SmsVerifyoClient.Builder builder(String key) {
        return SmsVerifyoClient.builder().baseUrl(server.baseUrl()).apiKey(key).okHttpClient(http)
                .pollInterval(Duration.ofMillis(100));
    }

    /** The i-th of 25 cheap service × country pairs, round robin: 500 rentals take 20 of each pair's 40 numbers. */
    static NewRental cheap(int i) {
        return NewRental.of(SERVICES[i % SERVICES.length], COUNTRIES[(i / SERVICES.length) % COUNTRIES.length]);
    }

    /** A customer account of the owner, credited {@code creditUsd} (if not null), with a key of {@code scopes} of its own. */
    Customer customer(String name, String creditUsd, String... scopes) {
        Account account = owner.accounts().create(new NewAccount(name, null));
        if (creditUsd != null) {
            owner.credits().add(account.id(), new java.math.BigDecimal(creditUsd), "test credit");
        }
        String key = owner.keys().create(NewApiKey.of(name, scopes).forAccount(account.id())).secret();
        return new Customer(account.id(), key);
    }

    /** A customer: its account and a key of its own. */
    record Customer(String accountId, String key) {
    }

    /** A new key of the owner's account. */
    String key(String name, int perMinute) {
        return owner.keys().create(NewApiKey.of(name, "rentals").rateLimitPerMinute(perMinute)).secret();
    }

    @Override
    public void close() {
        owner.close();
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
