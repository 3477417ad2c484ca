package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsverifyo.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * KeyPool routing against a server that limits each key per fixed window on a clock the test owns
 * (the pool's waits move that clock, so a minute passes in no time).
 */
class KeyPoolTest {
    private static final String A = "sms_live_AAAAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String B = "sms_live_BBBBbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private final MutableClock clock = MutableClock.at("2026-11-29T10:00:00Z");
    private final MockWebServer server = new MockWebServer();
    private final Map<String, Integer> quota = new ConcurrentHashMap<>();
    private final Map<String, Integer> used = new ConcurrentHashMap<>();
    private final Map<String, Instant> windowStart = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Set<String> dropping = ConcurrentHashMap.newKeySet();
    private final List<String[]> created = new CopyOnWriteArrayList<>();
    private final List<String[]> refused = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public synchronized MockResponse dispatch(RecordedRequest request) {
                String key = request.getHeaders().get("Authorization").substring("Bearer ".length());
                String idempotencyKey = request.getHeaders().get("Idempotency-Key");
                if (revoked.contains(key)) {
                    return Fixtures.problem(401, "invalid_api_key", "revoked", null);
                }
                if (dropping.contains(key)) {
                    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
                }
                Instant now = clock.instant();
                Instant start = windowStart.get(key);
                if (start == null || !now.isBefore(start.plusSeconds(60))) {
                    start = now;
                    windowStart.put(key, now);
                    used.put(key, 0);
                }
                long reset = Math.max(1, Duration.between(now, start.plusSeconds(60)).toSeconds());
                int limit = quota.getOrDefault(key, 60);
                String policy = "\"default\";q=" + limit + ";w=60";
                if (used.get(key) >= limit) {
                    refused.add(new String[] {key, idempotencyKey});
                    return Fixtures.problemBuilder(429, "rate_limited", "slow down").addHeader("Retry-After", reset)
                            .addHeader("RateLimit", "\"default\";r=0;t=" + reset).addHeader("RateLimit-Policy", policy).build();
                }
                used.merge(key, 1, Integer::sum);
                created.add(new String[] {key, idempotencyKey});
                return new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                        .addHeader("RateLimit", "\"default\";r=" + (limit - used.get(key)) + ";t=" + reset)
                        .addHeader("RateLimit-Policy", policy)
                        .body(Fixtures.rental("rnt_" + created.size(), "waiting", null)).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private KeyPool pool(String... keys) {
        return KeyPool.builder().baseUrl(server.url("/").toString()).keys(List.of(keys)).clock(clock)
                .retryPolicy(RetryPolicy.defaults().withMaxRetries(1).withBackoff(Duration.ZERO, Duration.ZERO))
                .sleeper(duration -> {
                    waits.add(duration);
                    clock.advance(duration);
                }).build();
    }

    private long createdWith(String key) {
        return created.stream().filter(c -> c[0].equals(key)).count();
    }

    @Test
    void requestsSpreadOverKeysAndWaitOnlyWhenAllAreExhausted() {
        quota.put(A, 3);
        quota.put(B, 3);
        try (KeyPool pool = pool(A, B)) {
            for (int i = 0; i < 6; i++) {
                pool.createRental(NewRental.of("whatsapp", "US"));
            }
            assertThat(waits).as("six rentals fit the two keys' windows").isEmpty();

            pool.createRental(NewRental.of("whatsapp", "US"));

            assertThat(List.of(createdWith(A), createdWith(B))).containsExactlyInAnyOrder(3L, 4L);
            assertThat(waits).singleElement().isEqualTo(Duration.ofSeconds(60));
            assertThat(refused).isEmpty();
            assertThat(pool.status()).extracting(KeyPool.KeyStatus::created).containsExactlyInAnyOrder(3L, 4L);
        }
    }

    @Test
    void aRateLimitedKeyHandsTheRequestToAnotherWithTheSameIdempotencyKey() {
        quota.put(A, 60);
        used.put(A, 60);
        windowStart.put(A, clock.instant()); // someone else used up A's window; the pool cannot know
        try (KeyPool pool = pool(A, B)) {
            ApiResponse<Rental> response = pool.createRentalWithResponse(NewRental.of("whatsapp", "US"),
                    RequestOptions.idempotencyKey("job-1"));

            assertThat(response.value()).isNotNull();
            assertThat(refused).singleElement().satisfies(r -> assertThat(r).containsExactly(A, "job-1"));
            assertThat(created).singleElement().satisfies(c -> assertThat(c).containsExactly(B, "job-1"));
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void aRevokedKeyLeavesThePool() {
        revoked.add(A);
        try (KeyPool pool = pool(A, B)) {
            for (int i = 0; i < 3; i++) {
                pool.createRental(NewRental.of("whatsapp", "US"));
            }
            assertThat(createdWith(B)).isEqualTo(3);
            assertThat(pool.status().get(0).refused()).contains("invalid_api_key");
        }
        revoked.add(B);
        try (KeyPool pool = pool(A, B)) {
            assertThatThrownBy(() -> pool.createRental(NewRental.of("whatsapp", "US"))).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void aNetworkFailureIsNeverMovedToAnotherKey() {
        dropping.add(A);
        dropping.add(B);
        try (KeyPool pool = pool(A, B)) {
            assertThatThrownBy(() -> pool.createRental(NewRental.of("whatsapp", "US"))).isInstanceOf(ConnectionException.class);
            // Two attempts (one retry), both on the same key: idempotency is per key.
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void theKeysNeverShowInToString() {
        try (KeyPool pool = pool(A, B)) {
            assertThat(pool.toString()).doesNotContain(A).doesNotContain(B).contains("sms_live_AAAA…");
        }
    }
}
