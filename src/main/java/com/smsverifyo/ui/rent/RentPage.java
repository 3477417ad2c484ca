package com.smsverifyo.ui.rent;

import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.shell.Page;
import javafx.scene.Node;

/** The Rent destination. */
public final class RentPage implements Page {
    private final RentViewModel model;
    private Node view;

    public RentPage(Session session) {
        this.model = new RentViewModel(session);
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new RentView(model).build();
        }
        return view;
    }

    @Override
    public void shown() {
        model.load();
    }

    public RentViewModel model() {
        return model;
    }
}
