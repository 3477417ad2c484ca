package com.smsverifyo.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.EventPublisher;
import com.smsverifyo.engine.InboundMessageService;
import com.smsverifyo.engine.Json;
import com.smsverifyo.engine.SmsSource;
import com.smsverifyo.engine.SourceHealth;
import com.smsverifyo.store.PoolNumber;
import com.smsverifyo.store.StoreException;
import com.smsverifyo.store.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clearly labelled simulated SMS source: for a share of new rentals on its numbers it sends, after
 * a random delay, the text the real service would send, through the same inbound entry point as any
 * real source. Messages it sends carry the source {@code simulator}.
 */
public final class SimulatorSource implements SmsSource {
    private static final Logger log = LoggerFactory.getLogger(SimulatorSource.class);

    /** Settings: delay range and the share of rentals that get an SMS (0 = never). */
    public record Settings(Duration minDelay, Duration maxDelay, double successRate) {
        public Settings {
            if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
                throw new IllegalArgumentException("the delay range must be from a lower to a higher duration");
            }
            if (successRate < 0 || successRate > 1) {
                throw new IllegalArgumentException("the success share must be between 0 and 1");
            }
        }
    }

    private final Engine engine;
    private final String sourceId;
    private final Settings settings;
    private final EventPublisher.Listener listener = this::onEvent;
    private final Random random;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sms-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Instant lastMessageAt;

    /**
     * @param sourceId the simulator's source: it sends codes only to rentals on its own numbers
     */
    public SimulatorSource(Engine engine, String sourceId, Settings settings, Random random) {
        this.engine = engine;
        this.sourceId = sourceId;
        this.settings = settings;
        this.random = random;
    }

    @Override
    public void start() {
        engine.events().subscribe(listener);
        log.info("SMS simulator on: {} of rentals get a simulated code after {}–{}",
                settings.successRate(), settings.minDelay(), settings.maxDelay());
    }

    @Override
    public SourceHealth health() {
        return SourceHealth.ok("Simulated codes for " + Math.round(settings.successRate() * 100) + " % of rentals, "
                + settings.minDelay().toSeconds() + "–" + settings.maxDelay().toSeconds() + " s after renting.", lastMessageAt);
    }

    private void onEvent(StoredEvent event) {
        if (!event.type().equals("rental.created") || settings.successRate() <= 0) {
            return;
        }
        if (random.nextDouble() >= settings.successRate()) {
            return;
        }
        JsonNode rental = Json.tree(event.payload()).path("rental");
        String phone = rental.path("phone_number").asText();
        String service = rental.path("service").asText();
        long span = settings.maxDelay().toMillis() - settings.minDelay().toMillis();
        long delay = settings.minDelay().toMillis() + (span <= 0 ? 0 : (long) (random.nextDouble() * span));
        SimulatedTexts.Text text = SimulatedTexts.forService(service, random);
        scheduler.schedule(() -> deliver(phone, text), delay, TimeUnit.MILLISECONDS);
    }

    private void deliver(String phone, SimulatedTexts.Text text) {
        try {
            // Only this simulator's numbers: a real SIM's rental must never get a made-up code.
            Optional<PoolNumber> number = engine.db().read(tx -> engine.numbers().find(tx, phone));
            if (number.isEmpty() || !sourceId.equals(number.get().sourceId())) {
                return;
            }
            engine.inbound().receive(new InboundMessageService.Inbound(phone, text.sender(), text.body(),
                    SimulatorNumbers.SOURCE, null));
            lastMessageAt = engine.clock().instant();
        } catch (DomainException | StoreException e) {
            log.warn("simulated SMS to {} not delivered: {}", phone, e.getMessage());
        }
    }

    @Override
    public void close() {
        engine.events().unsubscribe(listener);
        scheduler.shutdownNow();
    }
}
