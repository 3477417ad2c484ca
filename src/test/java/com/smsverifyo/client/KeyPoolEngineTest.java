package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KeyPool against a real engine. The engine's rate-limit windows run on the test's MutableClock.
 *
 * <p>The 150-rental test keeps that clock still and measures the pool on the real clock: with the
 * engine's clock frozen no key's window can ever reset during the test, so every one of the 150
 * rentals must fit in the keys' first windows (3 × 60). That is the harshest setting for the pool —
 * it can only succeed by routing around exhausted keys, never by waiting — and what one key would
 * need is shown on the same engine: its 61st request is refused with Retry-After, so at 60 per
 * minute 150 rentals take at least two window resets (150 s at the advertised rate).
 *
 * <p>The exhaustion test lets the pool wait: its sleeper moves the engine's clock, so the window
 * resets the engine reports are really reached, in no wall-clock time.
 */
class KeyPoolEngineTest {
    @TempDir
    Path dir;

    @Test
    void threeKeysCreate150RentalsWellUnderWhatOneKeyNeedsWithNo429() throws Exception {
        try (EngineFixture engine = new EngineFixture(dir)) {
            List<String> keys = List.of(engine.key("pool-1", 60), engine.key("pool-2", 60), engine.key("pool-3", 60));
            List<String> created = new CopyOnWriteArrayList<>();
            long started;
            long elapsedMillis;
            try (KeyPool pool = KeyPool.builder().baseUrl(engine.server.baseUrl()).keys(keys).okHttpClient(engine.http).build()) {
                ExecutorService threads = Executors.newFixedThreadPool(6);
                started = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    NewRental request = EngineFixture.cheap(i);
                    futures.add(threads.submit(() -> created.add(pool.createRental(request).id())));
                }
                for (Future<?> future : futures) {
                    future.get(); // any exception, a 429 included, fails the test here
                }
                elapsedMillis = (System.nanoTime() - started) / 1_000_000;
                threads.shutdown();
                assertThat(pool.status()).allSatisfy(status -> assertThat(status.created()).isBetween(1L, 60L));
            }

            assertThat(Set.copyOf(created)).hasSize(150);
            assertThat(engine.rateLimited.get()).as("429 responses, even ones the pool could have absorbed").isZero();
            assertThat(Duration.ofMillis(elapsedMillis)).as("150 rentals through 3 keys").isLessThan(Duration.ofSeconds(30));
            System.out.printf("KeyPool: 150 rentals over 3 keys in %d ms, no 429%n", elapsedMillis);

            // One key on the same engine: the 61st rental of the minute is refused for the rest of the window.
            try (SmsVerifyoClient single = engine.builder(engine.key("single", 60)).retryPolicy(RetryPolicy.none()).build()) {
                for (int i = 0; i < 60; i++) {
                    single.rentals().create(EngineFixture.cheap(150 + i));
                }
                assertThatThrownBy(() -> single.rentals().create(EngineFixture.cheap(210)))
                        .isInstanceOfSatisfying(RateLimitedException.class,
                                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
            }
        }
    }

    @Test
    void whenEveryKeyIsExhaustedThePoolWaitsForTheFirstResetAndNothingSurfaces() throws Exception {
        try (EngineFixture engine = new EngineFixture(dir)) {
            List<String> keys = List.of(engine.key("tiny-1", 2), engine.key("tiny-2", 2), engine.key("tiny-3", 2));
            List<Duration> waits = new CopyOnWriteArrayList<>();
            try (KeyPool pool = KeyPool.builder().baseUrl(engine.server.baseUrl()).keys(keys).okHttpClient(engine.http)
                    .clock(engine.server.clock()).sleeper(wait -> {
                        waits.add(wait);
                        engine.server.clock().advance(wait);
                    }).build()) {
                for (int i = 0; i < 10; i++) {
                    pool.createRental(EngineFixture.cheap(i));
                }
                // Two per key per window, over two windows.
                assertThat(pool.status()).extracting(KeyPool.KeyStatus::created)
                        .allSatisfy(count -> assertThat(count).isBetween(2L, 4L))
                        .satisfies(counts -> assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(10));
            }

            // 6 fit the three first windows; the 7th waits for the first reset, one minute after it began.
            assertThat(waits).singleElement().isEqualTo(Duration.ofSeconds(60));
            assertThat(engine.rateLimited.get()).isZero();
        }
    }
}
