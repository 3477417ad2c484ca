package com.smsverifyo.ui.shell;

import com.smsverifyo.ui.common.Notifier;
import com.smsverifyo.ui.dashboard.DashboardView;
import com.smsverifyo.ui.rentals.RentalsPage;
import com.smsverifyo.ui.session.Session;

/**
 * Makes the page of each destination for a session. Pages that a later release builds show a
 * clear "coming" state.
 */
public final class Pages {
    private final Session session;
    private final Notifier notifier;
    private final ShellViewModel shell;

    public Pages(Session session, Notifier notifier, ShellViewModel shell) {
        this.session = session;
        this.notifier = notifier;
        this.shell = shell;
    }

    public Page create(Destination destination) {
        return switch (destination) {
            case RENT -> new com.smsverifyo.ui.rent.RentPage(session);
            case DASHBOARD -> DashboardView.page(session, () -> shell.selectedProperty().set(Destination.RENT));
            case RENTALS -> new RentalsPage(session, notifier);
            case API_KEYS -> new com.smsverifyo.ui.keys.KeysPage(session, notifier);
            case WEBHOOKS -> new com.smsverifyo.ui.webhooks.WebhooksPage(session, notifier);
            case BILLING -> new ComingPage(destination, "Balance, the daily alert threshold, alert history and the ledger.");
            case CUSTOMERS -> new ComingPage(destination, "Your customers: balances, tiers, credits and the catalog editor.");
            case SUPPORT -> new ComingPage(destination, "Find any rental by id, number, customer or code and read its whole story.");
            case SERVER -> new ComingPage(destination, "The embedded server: address, sources, number pool, logs and backups.");
            default -> new ComingPage(destination, "This page is being built.");
        };
    }

    Session session() {
        return session;
    }

    Notifier notifier() {
        return notifier;
    }

    ShellViewModel shell() {
        return shell;
    }
}
