package com.smsverifyo.ui.support;

import com.smsverifyo.ui.common.Notifier;
import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.shell.Page;
import com.smsverifyo.ui.shell.ShellView;
import javafx.application.Platform;
import javafx.scene.Node;

/** The Support destination: its search box has the focus whenever the page opens, and Ctrl+F brings it back. */
public final class SupportPage implements Page, ShellView.Searchable {
    private final SupportViewModel model;
    private final SupportView view;
    private Node node;

    public SupportPage(Session session, Notifier notifier) {
        this.model = new SupportViewModel(session);
        this.view = new SupportView(model, notifier);
    }

    @Override
    public Node view() {
        if (node == null) {
            node = view.build();
        }
        return node;
    }

    @Override
    public void shown() {
        model.shown();
        Platform.runLater(view::focusSearch);
    }

    @Override
    public void hidden() {
        model.hidden();
    }

    @Override
    public void dispose() {
        model.hidden();
    }

    @Override
    public void focusSearch() {
        view.focusSearch();
    }

    public SupportViewModel model() {
        return model;
    }
}
