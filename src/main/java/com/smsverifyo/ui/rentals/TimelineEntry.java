package com.smsverifyo.ui.rentals;

import java.time.Instant;

/**
 * One step of a rental's story, as the detail pane shows it.
 *
 * @param at     when it happened (or will: the expiry of an open rental)
 * @param kind   what kind of step, for its marker
 * @param title  what happened, in a few words
 * @param detail amounts, texts, numbers (may be empty)
 */
public record TimelineEntry(Instant at, Kind kind, String title, String detail) {
    /** Kinds of steps. */
    public enum Kind { CREATED, NUMBER, MESSAGE, CODE, LATE, CANCELLED, EXPIRED, COMPLETED, EXPIRES }
}
