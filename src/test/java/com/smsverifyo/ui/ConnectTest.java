package com.smsverifyo.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.common.SettingsStore;
import com.smsverifyo.ui.session.Session;
import java.nio.file.Files;
import java.time.Duration;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** Connecting: to the embedded engine, and to a remote engine by URL and key. */
class ConnectTest extends UiTest {

    @Test
    void connectsToTheEmbeddedEngineAndShowsTheBalance() {
        connectEmbedded();
        waitUntil(() -> lookup("#status-balance").queryAs(Label.class).getText().equals("Balance $100.00"),
                "the balance shows");
        assertThat(lookup("#status-connection").queryAs(Label.class).getText()).contains("This computer");
        assertThat(window.session().kind()).isEqualTo(Session.Kind.EMBEDDED);
        assertThat(new SettingsStore(dataDir.resolve("desk")).load().last()).isPresent();
    }

    @Test
    void connectsToARemoteEngineByUrlAndKeyAndKeepsTheKeyPrivate() throws Exception {
        try (TestServer remote = TestServer.start(dataDir.resolve("remote"), new MutableClock(TestServer.START),
                Duration.ofMinutes(20), 20)) {
            clickOn("#connect-remote");
            clickOn("#remote-url").write(remote.baseUrl());
            clickOn("#remote-key").write("not-a-key");
            clickOn("#connect-button");
            waitUntil(() -> lookup(".field-error").queryAll().stream()
                    .anyMatch(node -> ((Label) node).getText().contains("sms_live_")), "the key is refused in place");

            onFx(() -> {
                ((javafx.scene.control.TextInputControl) lookup("#remote-key").query()).clear();
                return null;
            });
            clickOn("#remote-key").write(remote.ownerKey().substring(0, remote.ownerKey().length() - 2) + "xx");
            clickOn("#connect-button");
            waitUntil(() -> !lookup("#connect-error").queryAs(Label.class).getText().isEmpty(), "the server refuses the key");
            assertThat(lookup("#connect-error").queryAs(Label.class).getText()).contains("did not accept the API key");

            onFx(() -> {
                ((javafx.scene.control.TextInputControl) lookup("#remote-key").query()).clear();
                return null;
            });
            clickOn("#remote-key").write(remote.ownerKey());
            clickOn("#connect-button");
            waitUntil(() -> window.shell() != null, "the shell opens on the remote engine");

            assertThat(window.session().kind()).isEqualTo(Session.Kind.REMOTE);
            assertThat(window.session().baseUrl()).isEqualTo(remote.baseUrl());
            assertThat(lookup("#status-connection").queryAs(Label.class).getText()).isEqualTo(remote.baseUrl());
            var keyFile = dataDir.resolve("desk/remote.key");
            assertThat(Files.readString(keyFile).strip()).isEqualTo(remote.ownerKey());
            assertThat(Files.getPosixFilePermissions(keyFile)).hasSize(2);
            assertThat(Files.readString(dataDir.resolve("desk/settings.json"))).doesNotContain(remote.ownerKey());
        }
    }
}
