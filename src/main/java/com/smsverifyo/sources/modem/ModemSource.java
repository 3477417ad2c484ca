package com.smsverifyo.sources.modem;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.InboundMessageService;
import com.smsverifyo.engine.SmsSource;
import com.smsverifyo.engine.SourceHealth;
import com.smsverifyo.store.PoolNumber;
import com.smsverifyo.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GSM modem or SIM bank: one {@link ModemPort} per serial port, each with its own SIM. An SMS
 * read on a port goes to the number registered with that port as its {@code device_id} (or to the
 * source's only number); one for a port with no number is kept unmatched.
 */
final class ModemSource implements SmsSource {
    private static final Logger log = LoggerFactory.getLogger(ModemSource.class);

    private final Engine engine;
    private final String sourceId;
    private final List<ModemPort> ports;
    private volatile Instant lastMessageAt;

    ModemSource(Engine engine, String sourceId, ModemSettings settings, SerialLink.Opener opener) {
        this.engine = engine;
        this.sourceId = sourceId;
        // Timeouts and reconnects follow the wall clock: they pace real I/O, not the engine's time.
        this.ports = settings.ports().stream()
                .map(port -> new ModemPort(port, settings, opener, this::deliver, Clock.systemUTC())).toList();
    }

    @Override
    public void start() {
        ports.forEach(ModemPort::start);
    }

    @Override
    public void close() {
        ports.forEach(ModemPort::close);
    }

    @Override
    public SourceHealth health() {
        List<ModemPort.State> states = ports.stream().map(ModemPort::state).toList();
        long connected = states.stream().filter(ModemPort.State::connected).count();
        List<String> errors = ports.stream().filter(p -> p.lastError() != null)
                .map(p -> p.path() + ": " + p.lastError()).toList();
        String detail = String.join(" ", states.stream().map(ModemPort.State::detail).toList())
                + (errors.isEmpty() ? "" : " Last error: " + String.join("; ", errors) + ".");
        SourceHealth.Status status = connected == 0 ? SourceHealth.Status.DOWN
                : connected < ports.size() || !errors.isEmpty() ? SourceHealth.Status.DEGRADED : SourceHealth.Status.OK;
        return new SourceHealth(status, detail, lastMessageAt);
    }

    /** Hands a message read on {@code port} to the engine, once. */
    private boolean deliver(String port, String sender, String text, Instant sentAt, String receiptKey) {
        try {
            Optional<PoolNumber> number = engine.db().read(tx -> engine.numbers().ofSim(tx, sourceId, port, null));
            InboundMessageService.Inbound inbound = new InboundMessageService.Inbound(
                    number.map(PoolNumber::phoneNumber).orElse(null), sender, text, sourceId, sentAt);
            InboundMessageService.Receipt receipt = new InboundMessageService.Receipt(sourceId, receiptKey);
            if (number.isPresent()) {
                engine.inbound().receiveOnce(inbound, receipt);
            } else {
                engine.inbound().keepUnaddressed("modem:" + port, inbound, receipt);
            }
            lastMessageAt = engine.clock().instant();
            return true;
        } catch (DomainException | StoreException e) {
            log.warn("modem {}: a message could not be kept now ({}); it stays on the SIM", port, e.getMessage());
            return false;
        }
    }
}
