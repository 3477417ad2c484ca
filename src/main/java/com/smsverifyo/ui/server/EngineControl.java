package com.smsverifyo.ui.server;

import com.smsverifyo.ui.EmbeddedEngine;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.session.Session;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The embedded engine's state and its switches: running or stopped, where it listens, and whether
 * other computers of the network may reach it (with the addresses to give them). Every call to the
 * engine is blocking, so each runs in the background.
 */
public final class EngineControl {
    private final EmbeddedEngine engine;
    private final Session session;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper lanAccess = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("…");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<String> lanUrls = FXCollections.observableArrayList();

    /** What the engine said about itself, read in the background. */
    record State(boolean running, String baseUrl, boolean lanAccess, List<String> lanUrls) {
    }

    public EngineControl(EmbeddedEngine engine, Session session) {
        this.engine = engine;
        this.session = session;
    }

    /** Reads the engine's state again. */
    public void refresh() {
        change(null, () -> { });
    }

    public void start() {
        change("Starting…", engine::start);
    }

    public void stop() {
        change("Stopping…", engine::stop);
    }

    /** Rebinds the engine (same port) for this computer only, or the whole network. */
    public void setLanAccess(boolean allow) {
        if (allow == lanAccess.get() || busy.get()) {
            return;
        }
        change(allow ? "Opening to the network…" : "Closing to this computer…", () -> engine.setLanAccess(allow));
    }

    private void change(String doing, Runnable work) {
        if (doing != null) {
            busy.set(true);
            status.set(doing);
        }
        error.set("");
        Supplier<State> read = () -> {
            work.run();
            return new State(engine.running(), engine.baseUrl().orElse(""), engine.lanAccess(), engine.lanUrls());
        };
        session.call(read).whenComplete((state, failure) -> {
            busy.set(false);
            if (failure != null) {
                error.set(ErrorMessages.describe(failure));
                refreshQuietly();
                return;
            }
            apply(state);
        });
    }

    /** After a failed switch the state is read once more, so what is shown is what is true. */
    private void refreshQuietly() {
        session.call(() -> new State(engine.running(), engine.baseUrl().orElse(""), engine.lanAccess(), engine.lanUrls()))
                .thenAccept(this::apply);
    }

    private void apply(State state) {
        running.set(state.running());
        address.set(state.baseUrl());
        lanAccess.set(state.lanAccess());
        lanUrls.setAll(state.lanUrls());
        status.set(state.running() ? "Running" : "Stopped");
        if (state.running()) {
            session.refreshAccountSoon();
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lanAccessProperty() {
        return lanAccess.getReadOnlyProperty();
    }

    /** A start, stop or rebind is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** {@code Running}, {@code Stopped}, or what is being done. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The base URL while running (this computer's address). */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** Why the last switch failed, in words; empty when fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The addresses to give customers while LAN access is on. */
    public ObservableList<String> lanUrls() {
        return lanUrls;
    }
}
