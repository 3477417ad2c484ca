package com.smsverifyo.ui.server;

import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.shell.Page;
import javafx.scene.Node;

/** The Server destination: built when first shown, follows the log only while shown. */
public final class ServerPage implements Page {
    private final ServerViewModel model;
    private Node view;

    public ServerPage(Session session) {
        this.model = new ServerViewModel(session);
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ServerView(model).build();
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
        model.close();
    }

    ServerViewModel model() {
        return model;
    }
}
