package com.smsverifyo.ui.keys;

import com.smsverifyo.ui.common.Notices;
import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.shell.Page;
import javafx.scene.Node;

/** The API Keys destination. */
public final class KeysPage implements Page {
    private final KeysViewModel model;
    private Node view;

    public KeysPage(Session session, Notices notices) {
        this.model = new KeysViewModel(session, notices);
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new KeysView(model).build();
        }
        return view;
    }

    @Override
    public void shown() {
        model.load();
    }

    public KeysViewModel model() {
        return model;
    }
}
