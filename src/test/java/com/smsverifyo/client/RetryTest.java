package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the client retries, with which key, and how long it waits: against a scripted remote server. */
class RetryTest {
    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private SmsVerifyoClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = client(RetryPolicy.defaults(), sleeper);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private SmsVerifyoClient client(RetryPolicy policy, Sleeper chosen) {
        return SmsVerifyoClient.builder().baseUrl(server.url("/").toString()).apiKey(Fixtures.KEY)
                .retryPolicy(policy).sleeper(chosen).random(() -> 0.5).readTimeout(Duration.ofSeconds(5)).build();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    @Test
    void aConnectionDroppedAfterTheRequestWasSentIsRetriedWithTheSameKeyAndGetsTheReplay() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .addHeader("Idempotent-Replayed", "true").body(Fixtures.rental("rnt_1", "waiting", null)).build());

        ApiResponse<Rental> response = client.rentals().createWithResponse(NewRental.of("whatsapp", "US"), RequestOptions.none());

        RecordedRequest first = take();
        RecordedRequest second = take();
        String key = first.getHeaders().get("Idempotency-Key");
        assertThat(key).isNotBlank();
        assertThat(second.getHeaders().get("Idempotency-Key")).isEqualTo(key);
        assertThat(second.getBody().utf8()).isEqualTo(first.getBody().utf8());
        assertThat(response.value().id()).isEqualTo("rnt_1");
        assertThat(response.replayed()).isTrue();
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(response.idempotencyKey()).contains(key);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aServerErrorThenCreatedIsRetriedOnceAfterAJitteredBackoff() throws Exception {
        server.enqueue(Fixtures.problem(500, "internal_error", "boom", null));
        server.enqueue(Fixtures.json(201, Fixtures.rental("rnt_2", "waiting", null)));

        Rental rental = client.rentals().create(NewRental.of("whatsapp", "US"), RequestOptions.idempotencyKey("order-42"));

        assertThat(rental.id()).isEqualTo("rnt_2");
        assertThat(take().getHeaders().get("Idempotency-Key")).isEqualTo("order-42");
        assertThat(take().getHeaders().get("Idempotency-Key")).isEqualTo("order-42");
        // Full jitter: half (the injected random) of the first cap, 500 ms.
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void backoffGrowsExponentiallyAndTheLimitHolds() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(Fixtures.problem(503, "service_unavailable", "busy", null));
        }
        SmsVerifyoClient strict = client(RetryPolicy.defaults().withMaxRetries(3).withBackoff(Duration.ofSeconds(1),
                Duration.ofSeconds(3)), sleeper);

        assertThatThrownBy(() -> strict.rentals().cancel("rnt_9")).isInstanceOf(ServerException.class)
                .hasMessageContaining("503").hasMessageContaining("/v1/rentals/rnt_9/cancel");

        assertThat(server.getRequestCount()).isEqualTo(4);
        // Caps 1 s, 2 s, 3 s (the max), each halved by the injected random.
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(1500));
        strict.close();
    }

    @Test
    void aRetryAfterOnA503IsNeverCutShortByTheBackoff() throws Exception {
        server.enqueue(Fixtures.problemBuilder(503, "service_unavailable", "busy").addHeader("Retry-After", "4").build());
        server.enqueue(Fixtures.json(200, Fixtures.rental("rnt_3", "cancelled", null)));

        client.rentals().cancel("rnt_3");

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void rateLimitedIsWaitedOutForAtLeastRetryAfterMeasuredOnTheRealClock() throws Exception {
        server.enqueue(Fixtures.problemBuilder(429, "rate_limited", "slow down").addHeader("Retry-After", "2")
                .addHeader("RateLimit", "\"default\";r=0;t=2").addHeader("RateLimit-Policy", "\"default\";q=60;w=60").build());
        server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .addHeader("RateLimit", "\"default\";r=59;t=60").body(Fixtures.rental("rnt_4", "waiting", null)).build());
        SmsVerifyoClient real = client(RetryPolicy.defaults(), Sleeper.SYSTEM);

        long started = System.nanoTime();
        ApiResponse<Rental> response = real.rentals().createWithResponse(NewRental.of("whatsapp", "US"), RequestOptions.none());
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(response.value().id()).isEqualTo("rnt_4");
        assertThat(response.rateLimit()).hasValueSatisfying(limit -> assertThat(limit.remaining()).isEqualTo(59));
        String key = take().getHeaders().get("Idempotency-Key");
        assertThat(take().getHeaders().get("Idempotency-Key")).isEqualTo(key);
        real.close();
    }

    @Test
    void aRateLimitLongerThanThePolicyAllowsSurfacesAtOnceWithItsDelay() {
        server.enqueue(Fixtures.problemBuilder(429, "rate_limited", "slow down").addHeader("Retry-After", "3600")
                .body("{\"code\":\"rate_limited\",\"detail\":\"slow down\",\"violated-policies\":[\"default\"]}").build());

        assertThatThrownBy(() -> client.rentals().create(NewRental.of("whatsapp", "US")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
                    assertThat(e.violatedPolicies()).containsExactly("default");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void anIdempotentRequestStillInProgressIsRetriedAfterAShortWait() throws Exception {
        server.enqueue(Fixtures.problem(409, "idempotency_request_in_progress", "still running", null));
        server.enqueue(Fixtures.json(201, Fixtures.rental("rnt_5", "waiting", null)));

        assertThat(client.rentals().create(NewRental.of("whatsapp", "US")).id()).isEqualTo("rnt_5");

        assertThat(take().getHeaders().get("Idempotency-Key")).isEqualTo(take().getHeaders().get("Idempotency-Key"));
        assertThat(sleeper.waits()).containsExactly(RetryPolicy.defaults().inProgressDelay());
    }

    @ParameterizedTest(name = "{0} {1} is final")
    @CsvSource({
        "400, invalid_request, ValidationException",
        "401, invalid_api_key, AuthenticationException",
        "402, insufficient_balance, InsufficientBalanceException",
        "403, forbidden, PermissionException",
        "404, not_found, NotFoundException",
        "404, unknown_service, NotFoundException",
        "409, no_numbers_available, NoNumbersAvailableException",
        "409, rental_not_cancellable, ConflictException",
        "413, payload_too_large, ValidationException",
        "422, max_price_exceeded, MaxPriceExceededException",
        "422, idempotency_key_reused, IdempotencyConflictException",
        "422, daily_spend_cap_reached, SpendCapReachedException"
    })
    void clientErrorsAreNeverRetried(int status, String code, String type) {
        server.enqueue(Fixtures.problem(status, code, "refused", null));
        server.enqueue(Fixtures.json(201, Fixtures.rental("rnt_never", "waiting", null)));

        assertThatThrownBy(() -> client.rentals().create(NewRental.of("whatsapp", "US")))
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(type))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.code()).isEqualTo(code);
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void networkFailuresOnEveryAttemptEndInAConnectionExceptionNamingTheKeyToRetryWith() {
        SmsVerifyoClient twice = client(RetryPolicy.defaults().withMaxRetries(1), sleeper);
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        assertThatThrownBy(() -> twice.rentals().create(NewRental.of("whatsapp", "US"), RequestOptions.idempotencyKey("k-7")))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.idempotencyKey()).contains("k-7");
                    assertThat(e.getMessage()).contains("POST /v1/rentals").doesNotContain(Fixtures.KEY);
                });
        twice.close();
    }

    @Test
    void readsCarryNoIdempotencyKeyAndWritesEachGetTheirOwn() throws Exception {
        server.enqueue(Fixtures.json(200, Fixtures.rental("rnt_6", "waiting", null)));
        server.enqueue(Fixtures.json(200, Fixtures.rental("rnt_6", "cancelled", null)));
        server.enqueue(Fixtures.json(200, Fixtures.rental("rnt_6", "cancelled", null)));

        client.rentals().get("rnt_6");
        client.rentals().cancel("rnt_6");
        client.rentals().cancel("rnt_6");

        RecordedRequest read = take();
        assertThat(read.getHeaders().get("Idempotency-Key")).isNull();
        assertThat(read.getHeaders().get("Authorization")).isEqualTo("Bearer " + Fixtures.KEY);
        List<String> keys = List.of(take().getHeaders().get("Idempotency-Key"), take().getHeaders().get("Idempotency-Key"));
        assertThat(keys).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void aBadIdempotencyKeyFailsBeforeAnythingIsSent() {
        assertThatThrownBy(() -> RequestOptions.idempotencyKey("has spaces")).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
    }
}
