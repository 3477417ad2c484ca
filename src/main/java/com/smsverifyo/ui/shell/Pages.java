package com.smsverifyo.ui.shell;

import com.smsverifyo.ui.billing.BalanceAlerts;
import com.smsverifyo.ui.billing.BillingPage;
import com.smsverifyo.ui.common.Notifier;
import com.smsverifyo.ui.customers.CustomersPage;
import com.smsverifyo.ui.dashboard.DashboardView;
import com.smsverifyo.ui.keys.KeysPage;
import com.smsverifyo.ui.rent.RentPage;
import com.smsverifyo.ui.rentals.RentalsPage;
import com.smsverifyo.ui.server.ServerPage;
import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.support.SupportPage;
import com.smsverifyo.ui.webhooks.WebhooksPage;

/** Makes the page of each destination for a session (the switch names every destination). */
public final class Pages {
    private final Session session;
    private final Notifier notifier;
    private final ShellViewModel shell;
    /** Balance alerts are heard (and notified) from the start, whatever page is shown. */
    private final BalanceAlerts balanceAlerts;

    public Pages(Session session, Notifier notifier, ShellViewModel shell) {
        this.session = session;
        this.notifier = notifier;
        this.shell = shell;
        this.balanceAlerts = BalanceAlerts.install(session, notifier::warning);
    }

    public Page create(Destination destination) {
        return switch (destination) {
            case RENT -> new RentPage(session);
            case DASHBOARD -> DashboardView.page(session, () -> shell.selectedProperty().set(Destination.RENT));
            case RENTALS -> new RentalsPage(session, notifier);
            case API_KEYS -> new KeysPage(session, notifier);
            case WEBHOOKS -> new WebhooksPage(session, notifier);
            case BILLING -> new BillingPage(session, balanceAlerts);
            case CUSTOMERS -> new CustomersPage(session);
            case SUPPORT -> new SupportPage(session, notifier);
            case SERVER -> new ServerPage(session);
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
