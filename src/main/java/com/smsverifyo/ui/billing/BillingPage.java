package com.smsverifyo.ui.billing;

import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.shell.ModelPage;

/** The Billing &amp; Alerts destination. */
public final class BillingPage extends ModelPage {
    private final BillingViewModel model;

    public BillingPage(Session session, BalanceAlerts alerts) {
        this(new BillingViewModel(session, alerts));
    }

    private BillingPage(BillingViewModel model) {
        super(model, () -> new BillingView(model).build());
        this.model = model;
    }

    public BillingViewModel model() {
        return model;
    }
}
