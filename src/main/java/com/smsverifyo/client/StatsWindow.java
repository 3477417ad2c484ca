package com.smsverifyo.client;

/** The spans of {@code GET /v1/stats}: the series' buckets are UTC hours or UTC days. */
public enum StatsWindow {
    /** The last 24 hours, in 24 hourly buckets. */
    LAST_24_HOURS("24h"),
    /** The last 7 days, in 7 daily buckets. */
    LAST_7_DAYS("7d");

    private final String wireName;

    StatsWindow(String wireName) {
        this.wireName = wireName;
    }

    /** @return the value of the {@code window} parameter: {@code 24h} or {@code 7d} */
    public String wireName() {
        return wireName;
    }

    static StatsWindow fromWire(String text) {
        for (StatsWindow window : values()) {
            if (window.wireName.equals(text)) {
                return window;
            }
        }
        throw new JsonFields.Malformed("stats.window should be 24h or 7d but is \"" + text + "\"");
    }
}
