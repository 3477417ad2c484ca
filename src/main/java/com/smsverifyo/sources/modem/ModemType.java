package com.smsverifyo.sources.modem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.SmsSource;
import com.smsverifyo.engine.SourceSettings;
import com.smsverifyo.engine.SourceType;
import com.smsverifyo.store.SourceRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code modem} type: a GSM modem or SIM bank on serial ports. Settings:
 * {@code {"ports": ["/dev/ttyUSB0", …], "baud_rate": 115200, "concat_timeout_seconds": 600,
 * "reconnect_delay_ms": 5000, "command_timeout_ms": 10000, "sweep_interval_seconds": 300}}; only
 * {@code ports} is required. A number is registered with its port as {@code device_id} (optional
 * when the source has one port).
 */
public final class ModemType implements SourceType {
    public static final String TYPE = "modem";

    private final Engine engine;
    private final SerialLink.Opener opener;

    public ModemType(Engine engine) {
        this(engine, JSerialCommLink::open);
    }

    ModemType(Engine engine, SerialLink.Opener opener) {
        this.engine = engine;
        this.opener = opener;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode check(SourceSettings settings) {
        List<String> ports = settings.texts(ModemSettings.PORTS, true, 64, 255);
        if (ports.stream().distinct().count() < ports.size()) {
            settings.error(ModemSettings.PORTS, "'settings.ports' names a port twice.");
        }
        settings.integer(ModemSettings.BAUD_RATE, 300, 4_000_000, 115_200);
        settings.integer(ModemSettings.CONCAT_TIMEOUT, 1, 86_400, 600);
        settings.integer(ModemSettings.RECONNECT_DELAY, 50, 600_000, 5_000);
        settings.integer(ModemSettings.COMMAND_TIMEOUT, 100, 120_000, 10_000);
        settings.integer(ModemSettings.SWEEP_INTERVAL, 1, 86_400, 300);
        return settings.done();
    }

    @Override
    public void checkNumber(ObjectNode settings, String deviceId, Integer simNumber) {
        List<String> ports = new ArrayList<>();
        settings.path(ModemSettings.PORTS).forEach(port -> ports.add(port.asText()));
        if (deviceId == null && ports.size() > 1) {
            throw DomainException.invalid("device_id", "This modem source has " + ports.size()
                    + " ports: 'device_id' must name the port of the SIM (one of " + String.join(", ", ports) + ").");
        }
        if (deviceId != null && !ports.contains(deviceId)) {
            throw DomainException.invalid("device_id", "'device_id' must be one of this source's ports: "
                    + String.join(", ", ports) + ".");
        }
    }

    @Override
    public SmsSource create(SourceRecord source, ObjectNode settings) {
        return new ModemSource(engine, source.id(), ModemSettings.of(settings), opener);
    }
}
