package com.smsverifyo.ui.billing;

import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.shell.Page;
import javafx.scene.Node;

/** The Billing &amp; Alerts destination. */
public final class BillingPage implements Page {
    private final BillingViewModel model;
    private Node view;

    public BillingPage(Session session, BalanceAlerts alerts) {
        this.model = new BillingViewModel(session, alerts);
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new BillingView(model).build();
        }
        return view;
    }

    @Override
    public void shown() {
        model.shown();
    }

    @Override
    public void hidden() {
        model.hidden();
    }

    @Override
    public void dispose() {
        model.hidden();
        model.alerts().stop();
        model.export().cancel();
    }

    public BillingViewModel model() {
        return model;
    }
}
