package com.smsverifyo.sources.android;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.InboundEndpoint;
import com.smsverifyo.engine.InboundMessageService;
import com.smsverifyo.engine.SmsSource;
import com.smsverifyo.engine.SourceHealth;
import com.smsverifyo.store.PoolNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Android phones running SMS Gateway for Android: each posts the SMS it receives to this source's
 * {@code inbound_url}. A delivery is believed only once its signature checks out; it is then handed
 * to the engine once (the app retries with the same id until it gets a 2xx) and answered at once.
 *
 * <p>The number an SMS went to is the payload's {@code recipient} when the phone knows it;
 * otherwise the number registered for the phone's device id and SIM slot.
 */
final class AndroidGatewaySource implements SmsSource, InboundEndpoint {
    private static final Logger log = LoggerFactory.getLogger(AndroidGatewaySource.class);

    private final Engine engine;
    private final String sourceId;
    private final String signingKey;
    private volatile Instant lastMessageAt;
    private volatile String lastRefusal;

    AndroidGatewaySource(Engine engine, String sourceId, String signingKey) {
        this.engine = engine;
        this.sourceId = sourceId;
        this.signingKey = signingKey;
    }

    @Override
    public void start() {
        // Nothing to open: phones call in.
    }

    @Override
    public void close() {
        // Nothing to close.
    }

    @Override
    public Optional<InboundEndpoint> inboundEndpoint() {
        return Optional.of(this);
    }

    @Override
    public SourceHealth health() {
        String refusal = lastRefusal;
        if (refusal != null) {
            return new SourceHealth(SourceHealth.Status.DEGRADED, "The last delivery was refused: " + refusal, lastMessageAt);
        }
        return SourceHealth.ok(lastMessageAt == null ? "Waiting for the first delivery from a phone."
                : "Receiving from phones.", lastMessageAt);
    }

    @Override
    public Map<String, Object> receive(InboundRequest request) {
        Instant now = engine.clock().instant();
        Instant signedAt;
        try {
            signedAt = GatewaySignature.verify(signingKey, request.body(), request.header("X-Timestamp"),
                    request.header("X-Signature"), now);
        } catch (DomainException refused) {
            lastRefusal = refused.detail();
            log.warn("android gateway {}: delivery refused: {}", sourceId, refused.detail());
            throw refused;
        }
        lastRefusal = null;
        GatewayWebhook delivery = GatewayWebhook.parse(request.body());
        Map<String, Object> reply = new LinkedHashMap<>();
        if (!delivery.smsReceived()) {
            reply.put("status", "ignored");
            reply.put("event", delivery.event());
            return reply;
        }
        // The phone's clock may be off: its own signing time says by how much.
        Instant receivedAt = delivery.receivedAt() == null ? null
                : delivery.receivedAt().plus(Duration.between(signedAt, now));
        InboundMessageService.Inbound inbound = new InboundMessageService.Inbound(null, delivery.sender(),
                delivery.message(), sourceId, receivedAt);
        InboundMessageService.Receipt receipt = new InboundMessageService.Receipt(sourceId, "event:" + delivery.id());
        Optional<String> to = recipient(delivery);
        Optional<InboundMessageService.Match> match = to.isPresent()
                ? engine.inbound().receiveOnce(withTo(inbound, to.get()), receipt)
                : engine.inbound().keepUnaddressed(address(delivery), inbound, receipt);
        lastMessageAt = now;
        if (match.isEmpty()) {
            reply.put("status", "duplicate");
            return reply;
        }
        reply.put("status", match.get().status().toString());
        reply.put("message_id", match.get().message().id());
        reply.put("rental_id", match.get().rental().map(r -> r.id()).orElse(null));
        return reply;
    }

    /**
     * The pool number the SMS went to: the recipient the phone names (in international form), else
     * the number registered at the phone's device and SIM slot.
     */
    private Optional<String> recipient(GatewayWebhook delivery) {
        if (delivery.recipient() != null && delivery.recipient().strip().startsWith("+")) {
            Optional<String> named = InboundMessageService.normalize(delivery.recipient());
            if (named.isPresent()) {
                return named;
            }
        }
        return engine.db().read(tx -> engine.numbers().ofSim(tx, sourceId, delivery.deviceId(), delivery.simNumber()))
                .map(PoolNumber::phoneNumber);
    }

    /** Where an SMS for no registered number came in, for the Support page. */
    private static String address(GatewayWebhook delivery) {
        return "device:" + delivery.deviceId() + (delivery.simNumber() == null ? "" : "/sim:" + delivery.simNumber())
                + (delivery.recipient() == null ? "" : "/recipient:" + delivery.recipient());
    }

    private static InboundMessageService.Inbound withTo(InboundMessageService.Inbound inbound, String to) {
        return new InboundMessageService.Inbound(to, inbound.from(), inbound.text(), inbound.source(), inbound.receivedAt());
    }
}
