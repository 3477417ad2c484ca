package com.smsverifyo.ui.shell;

import com.smsverifyo.client.Account;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.session.StreamState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The shell's state: which page is shown, and the status bar's figures. */
public final class ShellViewModel {
    private final Session session;
    private final ObjectProperty<Destination> selected = new SimpleObjectProperty<>(Destination.DASHBOARD);
    private final StringBinding balance;
    private final BooleanBinding belowThreshold;
    private final StringBinding streamLabel;

    public ShellViewModel(Session session) {
        this.session = session;
        this.balance = Bindings.createStringBinding(() -> {
            Account account = session.accountProperty().get();
            return account == null ? "Balance …" : "Balance " + Formats.usd(account.balance());
        }, session.accountProperty());
        this.belowThreshold = Bindings.createBooleanBinding(() -> {
            Account account = session.accountProperty().get();
            return account != null && account.alertThreshold().map(t -> account.balance().compareTo(t) < 0).orElse(false);
        }, session.accountProperty());
        this.streamLabel = Bindings.createStringBinding(() -> session.live().stateProperty().get().label(),
                session.live().stateProperty());
    }

    public ObjectProperty<Destination> selectedProperty() {
        return selected;
    }

    public String connectionLabel() {
        return session.label();
    }

    public StringBinding balanceText() {
        return balance;
    }

    public BooleanBinding belowThreshold() {
        return belowThreshold;
    }

    public StringBinding streamText() {
        return streamLabel;
    }

    public javafx.beans.value.ObservableValue<StreamState> streamState() {
        return session.live().stateProperty();
    }

    public javafx.beans.value.ObservableValue<String> lastError() {
        return session.lastErrorProperty();
    }
}
