package com.smsverifyo.ui.session;

/** How the app hears about changes: live through the event stream, or by polling as a fallback. */
public enum StreamState {
    CONNECTING("Connecting…"),
    LIVE("Live"),
    POLLING("Polling every 3 s"),
    OFFLINE("Offline");

    private final String label;

    StreamState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
