package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.ServerTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Idempotent requests: replay byte for byte, reuse refused, concurrency gives one rental and one charge. */
class IdempotencyTest extends ServerTest {
    private static final String BODY = "{\"service\":\"whatsapp\",\"country\":\"US\",\"max_price_usd\":0.80}";


    private TestResponse create(String idempotencyKey, String body) {
        return server.http().post("/v1/rentals", key, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    private long rentalCount() {
        return server.http().get("/v1/rentals?limit=200", key).json().path("data").size();
    }

    private long charges() {
        return server.http().get("/v1/ledger?kind=charge&limit=200", key).json().path("data").size();
    }

    @Test
    void aRetryGetsTheSameResponseByteForByte() {
        TestResponse first = create("order-1", BODY);
        TestResponse retry = create("order-1", BODY);
        TestResponse quoted = create("\"order-1\"", BODY);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(quoted.body()).isEqualTo(first.body());
        assertThat(rentalCount()).isEqualTo(1);
        assertThat(charges()).isEqualTo(1);
    }

    @Test
    void aDifferentBodyOrPathUnderTheSameKeyIsRefused() {
        create("order-2", BODY);
        TestResponse other = create("order-2", "{\"service\":\"telegram\",\"country\":\"US\"}");
        TestResponse otherPath = server.http().post("/v1/keys", key, "{\"name\":\"x\",\"scopes\":[\"rentals\"]}",
                Map.of("Idempotency-Key", "order-2"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency_key_reused");
        assertThat(otherPath.code()).isEqualTo("idempotency_key_reused");
        assertThat(rentalCount()).isEqualTo(1);
    }

    @Test
    void aRefusalWhoseWorkBeganIsReplayedToo() {
        TestResponse refused = create("order-3", "{\"service\":\"whatsapp\",\"country\":\"US\",\"max_price_usd\":0.01}");
        TestResponse again = create("order-3", "{\"service\":\"whatsapp\",\"country\":\"US\",\"max_price_usd\":0.01}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("max_price_exceeded");
        assertThat(again.body()).isEqualTo(refused.body());
        assertThat(again.header("Idempotent-Replayed")).contains("true");
    }

    @Test
    void validationErrorsAreNotKept() {
        TestResponse invalid = create("order-4", "{\"service\":\"whatsapp\"}");
        TestResponse valid = create("order-4", BODY);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(valid.status()).isEqualTo(201);
    }

    @Test
    void keysExpireAfterTwentyFourHours() {
        TestResponse first = create("order-5", BODY);
        server.clock().advance(Duration.ofHours(24).plusSeconds(1));
        TestResponse later = create("order-5", BODY);

        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isEmpty();
        assertThat(later.json().path("id").asText()).isNotEqualTo(first.json().path("id").asText());
    }

    @Test
    void tenConcurrentRequestsWithOneKeyMakeOneRentalAndOneCharge() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TestResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return create("burst-1", BODY);
                }));
            }
            go.countDown();
            List<TestResponse> responses = new ArrayList<>();
            for (Future<TestResponse> future : futures) {
                responses.add(future.get(30, TimeUnit.SECONDS));
            }
            TestResponse created = responses.stream().filter(r -> r.status() == 201 && r.header("Idempotent-Replayed").isEmpty())
                    .findFirst().orElseThrow();
            assertThat(responses).allSatisfy(r -> {
                if (r.status() == 201) {
                    assertThat(r.body()).isEqualTo(created.body());
                } else {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.code()).isEqualTo("idempotency_request_in_progress");
                }
            });
            assertThat(responses.stream().filter(r -> r.status() == 201 && r.header("Idempotent-Replayed").isEmpty()))
                    .hasSize(1);
            assertThat(rentalCount()).isEqualTo(1);
            assertThat(charges()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSecondRequestWhileTheFirstRunsIsToldToRetryAndNothingIsKept() throws Exception {
        CountDownLatch writerHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Hold the single writer so the first request is claimed but cannot finish yet.
        CompletableFuture<Object> blocker = server.engine().db().submit(tx -> {
            writerHeld.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        writerHeld.await(10, TimeUnit.SECONDS);
        CompletableFuture<TestResponse> first = CompletableFuture.supplyAsync(() -> create("slow-1", BODY));
        // The first request holds the claim once its write is queued behind the held writer.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.engine().db().queuedWrites() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        TestResponse second = create("slow-1", BODY);
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("idempotency_request_in_progress");
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
        assertThat(create("slow-1", BODY).body()).isEqualTo(first.get().body());
        assertThat(rentalCount()).isEqualTo(1);
    }

    @Test
    void cancelIsIdempotentAndAKeyCreationReplayShowsTheSameKeyWithoutStoringIt() {
        String id = create("order-6", BODY).json().path("id").asText();
        TestResponse cancel = server.http().post("/v1/rentals/" + id + "/cancel", key, "", Map.of("Idempotency-Key", "c-1"));
        TestResponse again = server.http().post("/v1/rentals/" + id + "/cancel", key, "", Map.of("Idempotency-Key", "c-1"));
        assertThat(again.body()).isEqualTo(cancel.body());

        String keyBody = "{\"name\":\"ci\",\"scopes\":[\"rentals\"]}";
        TestResponse created = server.http().post("/v1/keys", key, keyBody, Map.of("Idempotency-Key", "k-1"));
        TestResponse replay = server.http().post("/v1/keys", key, keyBody, Map.of("Idempotency-Key", "k-1"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(created.body());
        assertThat(server.http().get("/v1/keys", key).json().path("data")).hasSize(2);
    }

    @Test
    void malformedIdempotencyKeysAreRefused() {
        assertThat(create("has space", BODY).code()).isEqualTo("invalid_request");
        assertThat(create("x".repeat(256), BODY).code()).isEqualTo("invalid_request");
        assertThat(create("", BODY).code()).isEqualTo("invalid_request");
        assertThat(rentalCount()).isZero();
    }
}
