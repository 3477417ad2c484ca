package com.smsverifyo.ui.connect;

import com.smsverifyo.client.Account;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.ui.EmbeddedEngine;
import com.smsverifyo.ui.common.DeskSettings;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.SettingsStore;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.session.Session;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Connecting: to this computer's embedded engine, or to a remote server by URL and API key (tested
 * before it is saved; the key is then kept owner-only and never shown again in full).
 */
public final class ConnectViewModel {
    /** Where to connect. */
    public enum Target { EMBEDDED, REMOTE }

    private final EmbeddedEngine embedded;
    private final SettingsStore store;
    private final UiExecutors executors;
    private final Consumer<Session> onConnected;
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.EMBEDDED);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty savedKeyHint = new SimpleStringProperty("");
    private final StringProperty urlError = new SimpleStringProperty("");
    private final StringProperty keyError = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty embeddedStatus = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ConnectViewModel(EmbeddedEngine embedded, SettingsStore store, DeskSettings settings, UiExecutors executors,
                            Consumer<Session> onConnected) {
        this.embedded = embedded;
        this.store = store;
        this.executors = executors;
        this.onConnected = onConnected;
        settings.last().filter(c -> c.kind() == DeskSettings.Connection.Kind.REMOTE).ifPresent(remote -> {
            url.set(remote.url());
            if (store.remoteKey().isPresent()) {
                savedKeyHint.set("Saved key " + Optional.ofNullable(remote.keyPrefix()).orElse("sms_live_…")
                        + " — leave empty to use it");
            }
            target.set(Target.REMOTE);
        });
        embeddedStatus.set("The engine built into this app, on this computer only. It comes with simulated SMS "
                + "(clearly labelled), demo numbers and a $100 demo credit, so everything works at once."
                + embedded.baseUrl().map(base -> "\nRunning at " + base + ".").orElse(""));
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty savedKeyHintProperty() {
        return savedKeyHint;
    }

    public StringProperty urlErrorProperty() {
        return urlError;
    }

    public StringProperty keyErrorProperty() {
        return keyError;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty embeddedStatusProperty() {
        return embeddedStatus;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Connects to the chosen engine; on success hands a started session to the window. */
    public void connect() {
        error.set("");
        urlError.set("");
        keyError.set("");
        if (target.get() == Target.EMBEDDED) {
            busy.set(true);
            executors.background().execute(() -> {
                try {
                    if (!embedded.running()) {
                        embedded.start();
                    }
                    String base = embedded.baseUrl().orElseThrow(() -> new IllegalStateException("The engine did not start."));
                    Session session = open(base, embedded.ownerKey(), Session.Kind.EMBEDDED, "This computer (embedded engine)");
                    store.save(store.load().withConnection(DeskSettings.Connection.embedded()));
                    done(session);
                } catch (RuntimeException e) {
                    failed(e);
                }
            });
            return;
        }
        Optional<String> base = normalizeUrl(url.get());
        String typedKey = key.get() == null ? "" : key.get().strip();
        Optional<String> saved = typedKey.isEmpty() ? store.remoteKey() : Optional.empty();
        if (base.isEmpty()) {
            urlError.set("Enter the server's address, e.g. https://sms.example.com or http://192.168.1.20:8080");
        }
        if (typedKey.isEmpty() && saved.isEmpty()) {
            keyError.set("Enter an API key (it starts with sms_live_).");
        } else if (!typedKey.isEmpty() && !typedKey.startsWith("sms_live_")) {
            keyError.set("SMSVerifyo keys start with sms_live_; check that it was copied whole.");
        }
        if (!urlError.get().isEmpty() || !keyError.get().isEmpty()) {
            return;
        }
        String apiKey = typedKey.isEmpty() ? saved.get() : typedKey;
        busy.set(true);
        executors.background().execute(() -> {
            try {
                Session session = open(base.get(), apiKey, Session.Kind.REMOTE, base.get());
                if (!typedKey.isEmpty()) {
                    store.saveRemoteKey(apiKey);
                }
                String prefix = apiKey.length() > 13 ? apiKey.substring(0, 13) + "…" : "sms_live_…";
                store.save(store.load().withConnection(DeskSettings.Connection.remote(base.get(), prefix)));
                done(session);
            } catch (IOException e) {
                failed(new IllegalStateException("Connected, but the key could not be saved: " + e.getMessage()));
            } catch (RuntimeException e) {
                failed(e);
            }
        });
    }

    private Session open(String baseUrl, String apiKey, Session.Kind kind, String label) {
        SmsVerifyoClient client = SmsVerifyoClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();
        try {
            client.health();
            Account account = client.account().get();
            if (!account.isActive()) {
                throw new IllegalStateException("This account is suspended; contact your provider.");
            }
            return new Session(client, kind, label, baseUrl, executors, kind == Session.Kind.EMBEDDED ? embedded : null);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private void done(Session session) {
        executors.fx().execute(() -> {
            busy.set(false);
            onConnected.accept(session);
        });
    }

    private void failed(Throwable e) {
        String words = ErrorMessages.describe(e);
        executors.fx().execute(() -> {
            busy.set(false);
            error.set(words);
        });
    }

    /** A usable base URL (scheme defaults to http, no trailing slash), or empty. */
    static Optional<String> normalizeUrl(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        if (!value.contains("://")) {
            value = "http://" + value;
        }
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(value.replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
