package com.smsverifyo.engine;

import java.time.Instant;
import java.util.Locale;

/**
 * How a source is doing, for people: a status and a sentence, and when it last delivered an SMS.
 *
 * @param lastMessageAt when it last handed an SMS in; null if never since it started
 */
public record SourceHealth(Status status, String detail, Instant lastMessageAt) {

    /** The states a source can be in. */
    public enum Status {
        /** Working. */
        OK,
        /** Started, not ready yet (connecting, registering). */
        STARTING,
        /** Working, with a problem worth a look (an error it recovered from, a fallback in use). */
        DEGRADED,
        /** Not working now (a port gone, an upstream unreachable); it keeps trying. */
        DOWN,
        /** Disabled by its owner. */
        DISABLED,
        /** Not running in this process (its plug-in is not available here). */
        STOPPED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static SourceHealth ok(String detail, Instant lastMessageAt) {
        return new SourceHealth(Status.OK, detail, lastMessageAt);
    }

    public static SourceHealth of(Status status, String detail) {
        return new SourceHealth(status, detail, null);
    }
}
