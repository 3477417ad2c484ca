package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live event stream: delivery, reconnect with Last-Event-ID, duplicates dropped, refusals final. */
class EventStreamTest {
    private static final String CODE_DATA = "{\"rental_id\":\"rnt_1\",\"code\":\"123456\",\"received_at\":\"2026-11-29T10:01:00.000Z\","
            + "\"phone_number\":\"+14155550123\",\"service\":\"whatsapp\",\"country\":\"US\",\"text\":\"Your code: 123-456\"}";

    private final MockWebServer server = new MockWebServer();
    private final BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
    private SmsVerifyoClient client;

    @BeforeEach
    void start() throws IOException {
        server.start();
        client = SmsVerifyoClient.builder().baseUrl(server.url("/").toString()).apiKey(Fixtures.KEY)
                .streamReconnect(Duration.ofMillis(10), Duration.ofMillis(50)).build();
    }

    @AfterEach
    void stop() {
        SseBody.endAll();
        client.close();
        server.close();
    }

    private final EventListener listener = new EventListener() {
        @Override
        public void onEvent(Event event) {
            heard.add(event);
        }

        @Override
        public void onOpen() {
            heard.add("open");
        }

        @Override
        public void onFailure(SmsVerifyoException error, Optional<Duration> reconnectIn) {
            heard.add(reconnectIn.isPresent() ? "retry" : error);
        }
    };

    private Object next() throws InterruptedException {
        Object item = heard.poll(10, TimeUnit.SECONDS);
        assertThat(item).as("something was heard in time").isNotNull();
        return item;
    }

    private Event nextEvent() throws InterruptedException {
        Object item;
        do {
            item = next();
        } while (item instanceof String);
        assertThat(item).isInstanceOf(Event.class);
        return (Event) item;
    }

    @Test
    void eventsArriveTypedAndAResumeSendsLastEventIdAndSkipsWhatWasSeen() throws Exception {
        SseBody first = new SseBody().comment("heartbeat")
                .send("1", "rental.created", "{\"rental_id\":\"rnt_1\",\"status\":\"waiting\",\"rental\":"
                        + Fixtures.rental("rnt_1", "waiting", null) + "}")
                .send("2", "rental.code_received", CODE_DATA).end();
        SseBody second = new SseBody().send("2", "rental.code_received", CODE_DATA)
                .send("3", "rental.updated", "{\"rental_id\":\"rnt_1\",\"status\":\"completed\",\"rental\":"
                        + Fixtures.rental("rnt_1", "completed", "123456") + "}");
        server.enqueue(SseBody.response(first));
        server.enqueue(SseBody.response(second));

        Subscription subscription = client.events(listener);

        Event created = nextEvent();
        assertThat(created.type()).isEqualTo(Event.RENTAL_CREATED);
        assertThat(created.id()).contains("1");
        assertThat(created.rental()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(RentalStatus.WAITING));
        Event code = nextEvent();
        assertThat(code.codeReceived()).hasValueSatisfying(c -> {
            assertThat(c.code()).isEqualTo("123456");
            assertThat(c.rentalId()).isEqualTo("rnt_1");
            assertThat(c.text()).contains("Your code: 123-456");
        });
        Event updated = nextEvent();
        assertThat(updated.id()).as("the resent event 2 was dropped").contains("3");
        assertThat(updated.rentalId()).contains("rnt_1");

        RecordedRequest initial = server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest resumed = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(initial.getTarget()).isEqualTo("/v1/events");
        assertThat(initial.getHeaders().get("Last-Event-ID")).isNull();
        assertThat(initial.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        assertThat(resumed.getHeaders().get("Last-Event-ID")).isEqualTo("2");
        assertThat(subscription.isOpen()).isTrue();
        second.end();
        subscription.close();
        assertThat(subscription.isOpen()).isFalse();
    }

    @Test
    void aSubscriptionCanResumeFromAnIdKeptByTheCaller() throws Exception {
        server.enqueue(SseBody.response(new SseBody().send("42", "balance.low", "{\"balance_usd\":1.5}")));

        try (Subscription subscription = client.events("41", listener)) {
            assertThat(nextEvent().type()).isEqualTo(Event.BALANCE_LOW);
            assertThat(subscription.isOpen()).isTrue();
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Last-Event-ID")).isEqualTo("41");
        }
    }

    @Test
    void networkErrorsAndServerErrorsReconnect() throws Exception {
        server.enqueue(Fixtures.problemBuilder(503, "service_unavailable", "restarting").build());
        server.enqueue(new MockResponse.Builder().onResponseStart(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(SseBody.response(new SseBody().send("7", "rental.created", "{\"rental_id\":\"rnt_7\"}")));

        try (Subscription subscription = client.events(listener)) {
            assertThat(next()).isEqualTo("retry");
            assertThat(next()).isEqualTo("retry");
            assertThat(next()).isEqualTo("open");
            assertThat(nextEvent().rentalId()).contains("rnt_7");
            assertThat(subscription.isOpen()).isTrue();
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRefusedKeyEndsTheSubscriptionWithoutRetrying() throws Exception {
        server.enqueue(Fixtures.problem(401, "invalid_api_key", "The API key is not valid.", null));

        Subscription subscription = client.events(listener);

        assertThat(next()).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.detail()).isEqualTo("The API key is not valid."));
        assertThat(subscription.isOpen()).isFalse();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        // A reconnect would come within the 160 ms backoff; none comes.
        assertThat(server.takeRequest(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aServerWithoutTheStreamSaysSoOnce() throws Exception {
        server.enqueue(Fixtures.problem(404, "not_found", "There is no resource at /v1/events.", null));

        Subscription subscription = client.events(listener);

        assertThat(next()).isInstanceOf(NotFoundException.class);
        assertThat(subscription.isOpen()).isFalse();
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheStream() throws Exception {
        server.enqueue(SseBody.response(new SseBody().send("1", "rental.created", "{}").send("2", "rental.created", "{}")));
        try (Subscription subscription = client.events(event -> {
            heard.add(event);
            throw new IllegalStateException("listener bug");
        })) {
            assertThat(nextEvent().id()).contains("1");
            assertThat(nextEvent().id()).contains("2");
            assertThat(subscription.isOpen()).isTrue();
        }
    }
}
