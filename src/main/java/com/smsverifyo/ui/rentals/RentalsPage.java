package com.smsverifyo.ui.rentals;

import com.smsverifyo.ui.common.Notifier;
import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.shell.Page;
import com.smsverifyo.ui.shell.ShellView;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.util.Duration;

/**
 * The Rentals page of the shell: its view-model, its view, and the one timeline that ticks every
 * countdown once a second while the page is shown.
 */
public final class RentalsPage implements Page, ShellView.Searchable {
    private final RentalsViewModel model;
    private final RentalsView view;
    private final Timeline ticker;

    public RentalsPage(Session session, Notifier notifier) {
        Feedback feedback = new Feedback(notifier);
        this.model = new RentalsViewModel(session, feedback);
        this.view = new RentalsView(model);
        feedback.view = view;
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    @Override
    public Node view() {
        return view.root();
    }

    @Override
    public void shown() {
        model.start();
        model.tick();
        ticker.play();
    }

    @Override
    public void hidden() {
        ticker.stop();
    }

    @Override
    public void dispose() {
        ticker.stop();
        model.dispose();
    }

    @Override
    public void focusSearch() {
        view.focusSearch();
    }

    public RentalsViewModel model() {
        return model;
    }

    public RentalsView rentalsView() {
        return view;
    }

    /** Refusals as notifications; confirmations and copies as a short note on the page. */
    private static final class Feedback implements RentalFeedback {
        private final Notifier notifier;
        private RentalsView view;

        Feedback(Notifier notifier) {
            this.notifier = notifier;
        }

        @Override
        public void refused(String title, String words) {
            notifier.error(title, words);
        }

        @Override
        public void told(String title, String words) {
            view.toast(title + " — " + words);
        }

        @Override
        public void copy(String what, String text) {
            Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
            view.toast(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " " + text + " copied");
        }
    }
}
