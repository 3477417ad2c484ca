package com.smsverifyo.ui.customers;

import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.shell.Page;
import com.smsverifyo.ui.shell.ShellView;
import javafx.scene.Node;

/** The Customers destination. */
public final class CustomersPage implements Page, ShellView.Searchable {
    private final CustomersViewModel model;
    private CustomersView view;
    private Node node;

    public CustomersPage(Session session) {
        this.model = new CustomersViewModel(session);
    }

    @Override
    public Node view() {
        if (node == null) {
            view = new CustomersView(model);
            node = view.build();
        }
        return node;
    }

    @Override
    public void shown() {
        model.follow();
        model.load();
    }

    @Override
    public void hidden() {
        model.unfollow();
    }

    @Override
    public void dispose() {
        model.unfollow();
    }

    @Override
    public void focusSearch() {
        if (view != null) {
            view.focusSearch();
        }
    }

    public CustomersViewModel model() {
        return model;
    }
}
