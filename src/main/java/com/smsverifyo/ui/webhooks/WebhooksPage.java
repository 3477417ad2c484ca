package com.smsverifyo.ui.webhooks;

import com.smsverifyo.ui.common.Notices;
import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.shell.Page;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;

/** The Webhooks destination: listens to the live feed from first shown to disposed. */
public final class WebhooksPage implements Page {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ui-webhooks-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final WebhooksViewModel model;
    private Node view;
    private boolean listening;

    public WebhooksPage(Session session, Notices notices) {
        this.model = new WebhooksViewModel(session, notices, (delay, work) -> timer.schedule(
                () -> session.executors().fx().execute(work), delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new WebhooksView(model).build();
        }
        return view;
    }

    @Override
    public void shown() {
        if (!listening) {
            model.start();
            listening = true;
        }
        model.load();
    }

    @Override
    public void dispose() {
        model.stop();
        timer.shutdownNow();
    }

    public WebhooksViewModel model() {
        return model;
    }
}
