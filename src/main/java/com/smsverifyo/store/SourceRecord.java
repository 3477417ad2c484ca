package com.smsverifyo.store;

import java.time.Instant;

/**
 * An SMS source as stored: its plug-in type, a name for people, whether its numbers are rented, and
 * its settings as JSON (secrets included: the API masks them).
 */
public record SourceRecord(String id, String type, String name, boolean enabled, String settings, Instant createdAt,
                           Instant updatedAt) {

    public SourceRecord withEnabled(boolean value, Instant at) {
        return new SourceRecord(id, type, name, value, settings, createdAt, at);
    }

    public SourceRecord withSettings(String value, Instant at) {
        return new SourceRecord(id, type, name, enabled, value, createdAt, at);
    }

    public SourceRecord withName(String value, Instant at) {
        return new SourceRecord(id, type, value, enabled, settings, createdAt, at);
    }
}
