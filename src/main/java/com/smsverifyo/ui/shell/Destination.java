package com.smsverifyo.ui.shell;

import com.smsverifyo.ui.common.Icons;
import javafx.scene.input.KeyCode;

/** The pages of the navigation rail, in order, with their icons and Ctrl+digit shortcuts. */
public enum Destination {
    DASHBOARD("Dashboard", Icons.DASHBOARD, KeyCode.DIGIT1),
    RENTALS("Rentals", Icons.RENTALS, KeyCode.DIGIT2),
    RENT("Rent", Icons.RENT, KeyCode.DIGIT3),
    API_KEYS("API Keys", Icons.KEY, KeyCode.DIGIT4),
    WEBHOOKS("Webhooks", Icons.WEBHOOK, KeyCode.DIGIT5),
    BILLING("Billing & Alerts", Icons.BILLING, KeyCode.DIGIT6),
    CUSTOMERS("Customers", Icons.CUSTOMERS, KeyCode.DIGIT7),
    SUPPORT("Support", Icons.SUPPORT, KeyCode.DIGIT8),
    SERVER("Server", Icons.SERVER, KeyCode.DIGIT9);

    private final String title;
    private final Icons icon;
    private final KeyCode shortcut;

    Destination(String title, Icons icon, KeyCode shortcut) {
        this.title = title;
        this.icon = icon;
        this.shortcut = shortcut;
    }

    public String title() {
        return title;
    }

    public Icons icon() {
        return icon;
    }

    public KeyCode shortcut() {
        return shortcut;
    }
}
