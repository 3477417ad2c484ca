package com.smsverifyo.sources.modem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A modem source's settings.
 *
 * @param ports              serial ports, one SIM each (a SIM bank has many)
 * @param concatTimeout      how long the parts of a long message are waited for before what came is delivered
 * @param reconnectDelay     the wait before opening a port again after it dropped or failed
 * @param commandTimeout     how long a command's answer is waited for
 * @param sweepInterval      how often stored messages are listed again, in case a notice was missed
 */
record ModemSettings(List<String> ports, int baudRate, Duration concatTimeout, Duration reconnectDelay,
                     Duration commandTimeout, Duration sweepInterval) {
    static final String PORTS = "ports";
    static final String BAUD_RATE = "baud_rate";
    static final String CONCAT_TIMEOUT = "concat_timeout_seconds";
    static final String RECONNECT_DELAY = "reconnect_delay_ms";
    static final String COMMAND_TIMEOUT = "command_timeout_ms";
    static final String SWEEP_INTERVAL = "sweep_interval_seconds";

    static ModemSettings of(ObjectNode kept) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : kept.path(PORTS)) {
            ports.add(port.asText());
        }
        return new ModemSettings(List.copyOf(ports), kept.path(BAUD_RATE).asInt(115_200),
                Duration.ofSeconds(kept.path(CONCAT_TIMEOUT).asInt(600)),
                Duration.ofMillis(kept.path(RECONNECT_DELAY).asInt(5_000)),
                Duration.ofMillis(kept.path(COMMAND_TIMEOUT).asInt(10_000)),
                Duration.ofSeconds(kept.path(SWEEP_INTERVAL).asInt(300)));
    }
}
