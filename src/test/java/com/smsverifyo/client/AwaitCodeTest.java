package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** awaitCode and watch: through the event stream when there is one, by polling when there is not. */
class AwaitCodeTest {
    private static final String ID = "rnt_1";

    private final MockWebServer server = new MockWebServer();
    private final AtomicReference<String> rental = new AtomicReference<>(Fixtures.rental(ID, "waiting", null));
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger streamRequests = new AtomicInteger();
    private volatile Supplier<MockResponse> stream = () -> Fixtures.problem(404, "not_found", "no stream here", null);

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/v1/events")) {
                    streamRequests.incrementAndGet();
                    return stream.get();
                }
                if (path.equals("/v1/rentals/" + ID)) {
                    reads.incrementAndGet();
                    return Fixtures.json(200, rental.get());
                }
                return Fixtures.problem(404, "not_found", "There is no resource at " + path, null);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        SseBody.endAll();
        server.close();
    }

    private SmsVerifyoClient client(Duration pollInterval) {
        return SmsVerifyoClient.builder().baseUrl(server.url("/").toString()).apiKey(Fixtures.KEY)
                .pollInterval(pollInterval).streamReconnect(Duration.ofMillis(10), Duration.ofMillis(20)).build();
    }

    private static void eventually(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.get()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void aCodeArrivesThroughTheStream() throws Exception {
        SseBody events = new SseBody().comment("connected");
        stream = () -> SseBody.response(events);
        // Polling every hour: only the stream can bring the code in time.
        try (SmsVerifyoClient client = client(Duration.ofHours(1))) {
            CompletableFuture<CodeResult> waiting = CompletableFuture.supplyAsync(() -> await(client, Duration.ofSeconds(20)));
            eventually("the stream is open and the rental was read", () -> streamRequests.get() == 1 && reads.get() >= 2);
            int readsBefore = reads.get();

            rental.set(Fixtures.rental(ID, "received", "123456"));
            events.send("5", "rental.code_received", "{\"rental_id\":\"" + ID + "\",\"code\":\"123456\"}");

            CodeResult result = waiting.get(10, TimeUnit.SECONDS);
            assertThat(result.outcome()).isEqualTo(CodeResult.Outcome.CODE_RECEIVED);
            assertThat(result.code()).contains("123456");
            assertThat(result.source()).isEqualTo(WatchSource.STREAM);
            assertThat(reads.get()).isEqualTo(readsBefore + 1);
        }
    }

    @Test
    void withoutAStreamTheCodeArrivesByPolling() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/v1/events")) {
                    streamRequests.incrementAndGet();
                    return Fixtures.problem(404, "not_found", "There is no resource at /v1/events.", null);
                }
                boolean arrived = polls.incrementAndGet() >= 3;
                return Fixtures.json(200, Fixtures.rental(ID, arrived ? "received" : "waiting", arrived ? "654321" : null));
            }
        });
        try (SmsVerifyoClient client = client(Duration.ofMillis(50))) {
            CodeResult result = client.awaitCode(ID, Duration.ofSeconds(20));

            assertThat(result.code()).contains("654321");
            assertThat(result.source()).isEqualTo(WatchSource.POLLING);
            assertThat(polls.get()).isEqualTo(3);
            assertThat(streamRequests.get()).as("a 404 stream is not asked for again").isEqualTo(1);
        }
    }

    @Test
    void aStreamThatKeepsFailingGivesWayToPolling() throws Exception {
        stream = () -> Fixtures.problem(503, "service_unavailable", "down", null);
        try (SmsVerifyoClient client = client(Duration.ofMillis(50))) {
            CompletableFuture<CodeResult> waiting = CompletableFuture.supplyAsync(() -> await(client, Duration.ofSeconds(20)));
            eventually("the stream was given up", () -> streamRequests.get() >= LiveRentals.FAILURES_BEFORE_POLLING);
            rental.set(Fixtures.rental(ID, "received", "111222"));

            CodeResult result = waiting.get(10, TimeUnit.SECONDS);
            assertThat(result.code()).contains("111222");
            assertThat(result.source()).isEqualTo(WatchSource.POLLING);
            assertThat(streamRequests.get()).isEqualTo(LiveRentals.FAILURES_BEFORE_POLLING);
        }
    }

    @Test
    void cancelAndExpiryEndTheWaitWithoutACode() throws Exception {
        try (SmsVerifyoClient client = client(Duration.ofMillis(50))) {
            rental.set(Fixtures.rental(ID, "cancelled", null));
            assertThat(client.awaitCode(ID, Duration.ofSeconds(20)).outcome()).isEqualTo(CodeResult.Outcome.CANCELLED);

            rental.set(Fixtures.rental(ID, "expired", null));
            CodeResult expired = client.awaitCode(ID, Duration.ofSeconds(20));
            assertThat(expired.outcome()).isEqualTo(CodeResult.Outcome.EXPIRED);
            assertThat(expired.code()).isEmpty();
        }
    }

    @Test
    void theTimeoutReturnsTheLastStateSeen() throws Exception {
        try (SmsVerifyoClient client = client(Duration.ofMillis(50))) {
            long started = System.nanoTime();
            CodeResult result = client.awaitCode(ID, Duration.ofMillis(300));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(result.outcome()).isEqualTo(CodeResult.Outcome.TIMED_OUT);
            assertThat(result.rental().status()).isEqualTo(RentalStatus.WAITING);
            assertThat(result.code()).isEmpty();
        }
    }

    @Test
    void anUnknownRentalFailsTheWait() {
        try (SmsVerifyoClient client = client(Duration.ofMillis(50))) {
            assertThatThrownBy(() -> client.awaitCode("rnt_other", Duration.ofSeconds(20)))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("/v1/rentals/rnt_other");
        }
    }

    @Test
    void aWatchHearsEachChangeOnceAndEndsWithTheRental() throws Exception {
        List<RentalStatus> seen = new CopyOnWriteArrayList<>();
        try (SmsVerifyoClient client = client(Duration.ofMillis(30))) {
            Subscription watch = client.watch(ID, (r, source) -> seen.add(r.status()));
            eventually("the first state", () -> seen.size() == 1);
            rental.set(Fixtures.rental(ID, "received", "123456"));
            eventually("the code", () -> seen.size() == 2);
            rental.set(Fixtures.rental(ID, "completed", "123456"));
            eventually("the end", () -> !watch.isOpen());

            assertThat(seen).containsExactly(RentalStatus.WAITING, RentalStatus.RECEIVED, RentalStatus.COMPLETED);
        }
    }

    private static CodeResult await(SmsVerifyoClient client, Duration timeout) {
        try {
            return client.awaitCode(ID, timeout);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
