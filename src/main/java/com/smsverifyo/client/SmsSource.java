package com.smsverifyo.client;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One SMS source of the server (a simulator, Android phones, GSM modems, an upstream server), as
 * {@code GET /v1/sources} shows it to the owner's admin keys.
 *
 * @param id         {@code src_…}
 * @param type       {@code simulator}, {@code android-gateway}, {@code modem}, {@code upstream}…
 * @param name       the owner's name for it
 * @param enabled    whether its numbers take new rentals
 * @param settings   its settings, every secret shown as {@code "***"}
 * @param health     how it is doing now
 * @param numbers    how many pool numbers it serves
 * @param inboundUrl where its deliveries go, for types that receive over HTTP
 * @param createdAt  when it was added
 * @param updatedAt  when it last changed
 */
public record SmsSource(String id, String type, String name, boolean enabled, Map<String, Object> settings,
                        Health health, long numbers, Optional<String> inboundUrl, Instant createdAt, Instant updatedAt) {

    /**
     * @param status        the state it is in
     * @param detail        a sentence for people (what is wrong, or what it serves)
     * @param lastMessageAt when it last handed an SMS in, if it has since it started
     */
    public record Health(Status status, Optional<String> detail, Optional<Instant> lastMessageAt) {
    }

    /** The states a source can be in. */
    public enum Status {
        /** Working. */
        OK,
        /** Started, not ready yet. */
        STARTING,
        /** Working, with something worth a look in the detail. */
        DEGRADED,
        /** Not working now; it keeps retrying. */
        DOWN,
        /** Disabled by its owner. */
        DISABLED,
        /** Not running in the server's process. */
        STOPPED,
        /** A state this client does not know (a newer server). */
        UNKNOWN;

        /**
         * @param wire the contract's name, such as {@code degraded}
         * @return the status, or {@link #UNKNOWN}
         */
        public static Status fromWire(String wire) {
            try {
                return valueOf(wire.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }
    }
}
