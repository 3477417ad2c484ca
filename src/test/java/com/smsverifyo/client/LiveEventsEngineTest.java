package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code events()} and {@code awaitCode} through the engine's real event stream. Each test works as a
 * customer account of its own, whose key sees only that account's events, so what a stream carries
 * is exactly what the test did, whatever else runs on the engine.
 */
class LiveEventsEngineTest {
    @TempDir
    static Path dir;
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        engine = new EngineFixture(dir);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** Records what a subscription hears. */
    private static final class Recorder implements EventListener {
        final List<Event> events = new CopyOnWriteArrayList<>();
        final AtomicInteger opened = new AtomicInteger();
        final List<SmsVerifyoException> failures = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(Event event) {
            events.add(event);
        }

        @Override
        public void onOpen() {
            opened.incrementAndGet();
        }

        @Override
        public void onFailure(SmsVerifyoException error, Optional<Duration> reconnectIn) {
            failures.add(error);
        }

        void awaitOpen() {
            Await.until("the stream opens (failures: " + failures + ")", () -> opened.get() > 0);
        }

        void awaitCount(int count) {
            Await.until(count + " events (have " + described() + ")", () -> events.size() >= count);
        }

        /** Each event as {@code type rental_id}. */
        List<String> described() {
            return events.stream().map(e -> e.type() + " " + e.rentalId().orElse("-")).toList();
        }

        List<String> ids() {
            return events.stream().map(e -> e.id().orElseThrow()).toList();
        }
    }

    @Test
    void eventsArriveLiveAndAResumedSubscriptionGetsExactlyWhatItMissed() {
        EngineFixture.Customer customer = engine.customer("Stream Co", "20", "rentals");
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            Recorder live = new Recorder();
            Subscription subscription = client.events(live);
            live.awaitOpen();

            Rental first = client.rentals().create(NewRental.of("whatsapp", "US"));
            assertThat(engine.server.sms(first.phoneNumber(), "WhatsApp", "Your WhatsApp code: 123-456").status()).isEqualTo(202);
            live.awaitCount(3);

            assertThat(live.described()).containsExactly("rental.created " + first.id(),
                    "rental.code_received " + first.id(), "rental.updated " + first.id());
            assertThat(live.events.get(0).rental()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(RentalStatus.WAITING));
            assertThat(live.events.get(1).codeReceived()).hasValueSatisfying(code -> {
                assertThat(code.code()).isEqualTo("123456");
                assertThat(code.phoneNumber()).isEqualTo(first.phoneNumber());
                assertThat(code.text()).contains("Your WhatsApp code: 123-456");
            });
            assertThat(live.events.get(2).rental()).hasValueSatisfying(r -> assertThat(r.code()).contains("123456"));

            subscription.close();
            assertThat(subscription.isOpen()).isFalse();
            String lastSeen = live.events.get(2).id().orElseThrow();

            // While nobody listens: a rental is created and cancelled, and a second code arrives.
            Rental second = client.rentals().create(NewRental.of("telegram", "GB"));
            client.rentals().cancel(second.id());
            engine.server.sms(first.phoneNumber(), "WhatsApp", "Your WhatsApp code: 777-888");

            Recorder resumed = new Recorder();
            try (Subscription again = client.events(lastSeen, resumed)) {
                resumed.awaitCount(4);
                // A change after the resume comes live, right after the missed ones: nothing in between.
                Rental third = client.rentals().create(NewRental.of("discord", "IN"));
                resumed.awaitCount(5);

                assertThat(resumed.described()).containsExactly(
                        "rental.created " + second.id(), "rental.updated " + second.id(),
                        "rental.code_received " + first.id(), "rental.updated " + first.id(),
                        "rental.created " + third.id());
                assertThat(resumed.events.get(1).rental()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(RentalStatus.CANCELLED));
                assertThat(resumed.events.get(2).codeReceived()).hasValueSatisfying(c -> assertThat(c.code()).isEqualTo("777888"));
                assertThat(resumed.events).allSatisfy(e -> assertThat(e.sequence().getAsLong()).isGreaterThan(Long.parseLong(lastSeen)));
                assertThat(again.isOpen()).isTrue();

                // The whole log of the account, replayed from its start, is the two subscriptions joined: none lost, none twice.
                Recorder history = new Recorder();
                try (Subscription all = client.events("0", history)) {
                    history.awaitCount(8);
                    assertThat(history.ids()).containsExactlyElementsOf(concat(live.ids(), resumed.ids()));
                }
            }
            assertThat(live.failures).isEmpty();
            assertThat(resumed.failures).isEmpty();
        }
    }

    @Test
    void awaitCodeGetsTheCodeThroughTheStream() throws Exception {
        EngineFixture.Customer customer = engine.customer("Await Co", "5", "rentals");
        ExchangeLog log = new ExchangeLog();
        // Polling once an hour: within this test only the stream can bring the code.
        try (SmsVerifyoClient client = engine.builder(customer.key()).okHttpClient(log.on(engine.http))
                .pollInterval(Duration.ofHours(1)).build()) {
            Rental rental = client.rentals().create(NewRental.of("google", "DE"));
            String path = "/v1/rentals/" + rental.id();
            CompletableFuture<CodeResult> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.awaitCode(rental.id(), Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            // The watch's first read, the stream open, and the read that follows its opening: all before the code.
            Await.until("the stream is open and the rental was read twice",
                    () -> log.count("GET", "/v1/events", 200) == 1 && log.count("GET", path, 200) >= 2);

            engine.server.sms(rental.phoneNumber(), "Google", "G-204816 is your Google verification code.");

            CodeResult result = waiting.get(30, TimeUnit.SECONDS);
            assertThat(result.outcome()).isEqualTo(CodeResult.Outcome.CODE_RECEIVED);
            assertThat(result.code()).contains("204816");
            assertThat(result.source()).isEqualTo(WatchSource.STREAM);
            assertThat(log.count("GET", "/v1/events", 200)).as("one stream connection").isEqualTo(1);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
