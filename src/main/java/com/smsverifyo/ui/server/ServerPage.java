package com.smsverifyo.ui.server;

import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.shell.ModelPage;

/** The Server destination: built when first shown, follows the log only while shown. */
public final class ServerPage extends ModelPage {
    private final ServerViewModel model;

    public ServerPage(Session session) {
        this(new ServerViewModel(session));
    }

    private ServerPage(ServerViewModel model) {
        super(model, () -> new ServerView(model).build());
        this.model = model;
    }

    ServerViewModel model() {
        return model;
    }
}
