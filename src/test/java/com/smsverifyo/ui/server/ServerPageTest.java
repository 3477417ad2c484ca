package com.smsverifyo.ui.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.NewRental;
import com.smsverifyo.client.Rental;
import com.smsverifyo.store.Database;
import com.smsverifyo.ui.UiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.Test;

/** The Server page as a person uses it: back up and check the copy, send a test SMS, open to the network. */
class ServerPageTest extends UiTest {

    @Test
    void backsUpFromThePageAndTheCopyHoldsTheSameRentals() throws Exception {
        connectEmbedded();
        for (int i = 0; i < 4; i++) {
            window.session().client().rentals().create(NewRental.of("telegram", "GB"));
        }
        clickOn("#nav-server");
        waitUntil(() -> !lookup("#server-pool").queryAs(TableView.class).getItems().isEmpty(), "the pool shows");
        assertThat(lookup("#server-status").queryAs(Label.class).getText()).isEqualTo("Running");

        clickOn("#server-backup");
        waitUntil(() -> !lookup("#server-backup-check").queryAs(Label.class).getText().isEmpty(), "the backup is checked");

        assertThat(lookup("#server-backup-check").queryAs(Label.class).getText())
                .isEqualTo("Copy checked: it opens and holds the same rentals.");
        String summary = lookup("#server-backup-summary").queryAs(Label.class).getText();
        assertThat(summary).contains("4 rentals");
        Path backups = Path.of(lookup("#server-backups-folder").queryAs(Label.class).getText());
        Path copy;
        try (var files = Files.list(backups)) {
            copy = files.filter(f -> summary.startsWith(f.getFileName().toString())).findFirst().orElseThrow();
        }
        // Restore check: the copy opens on its own and holds the live database's rentals.
        Database.Summary restored = Database.summarize(copy);
        assertThat(restored.rentals()).isEqualTo(4);
        assertThat(restored.rentals()).isEqualTo(window.session().client().rentals().list(
                com.smsverifyo.client.RentalQuery.all()).stream().count());
    }

    @Test
    void aTestSmsIsRefusedInPlaceThenArrivesOnItsRental() throws Exception {
        connectEmbedded();
        Rental rental = window.session().client().rentals().create(NewRental.of("whatsapp", "US"));
        clickOn("#nav-server");
        waitUntil(() -> !lookup("#server-pool").queryAs(TableView.class).getItems().isEmpty(), "the pool shows");

        scrollToEnd();
        clickOn("#server-sms-to").write("12345");
        clickOn("#server-sms-send");
        waitUntil(() -> lookup("#server-sms-to-error").queryAs(Label.class).getText().contains("international form"),
                "the number is refused next to its field");
        assertThat(lookup("#server-sms-outcome").queryAs(Label.class).getText()).isEmpty();

        onFx(() -> {
            ((TextInputControl) lookup("#server-sms-to").query()).setText(rental.phoneNumber());
            ((TextInputControl) lookup("#server-sms-text").query()).setText("Your WhatsApp code: 731-552");
            return null;
        });
        clickOn("#server-sms-send");
        waitUntil(() -> lookup("#server-sms-outcome").queryAs(Label.class).getText().contains(rental.id()),
                "the SMS arrives on its rental");
        assertThat(lookup("#server-sms-outcome").queryAs(Label.class).getText()).contains("code 731552");
        assertThat(window.session().client().rentals().get(rental.id()).code()).contains("731552");
    }

    /** Scrolls the page down to its last row, as a person would to reach the test SMS. */
    private void scrollToEnd() throws Exception {
        onFx(() -> {
            lookup("#server-page").queryAs(ScrollPane.class).setVvalue(1);
            return null;
        });
        waitUntil(() -> inViewport("#server-sms-to") && inViewport("#server-sms-send"),
                "the test SMS's field and button are scrolled into view");
        assertThat(onFx(() -> lookup("#server-page").queryAs(ScrollPane.class).getVvalue())).isEqualTo(1.0);
        assertThat(onFx(() -> inViewport("#server-sms-to") && inViewport("#server-sms-send")))
                .as("the test SMS's field and button lie wholly inside the page's viewport").isTrue();
    }

    /** Whether the node {@code query} names is shown and lies wholly inside the page's viewport (FX thread). */
    private boolean inViewport(String query) {
        ScrollPane page = lookup("#server-page").queryAs(ScrollPane.class);
        Node node = lookup(query).query();
        if (!node.isVisible()) {
            return false;
        }
        // The skin's clipped viewport (its first child), else the scroll pane itself.
        Node viewport = page.lookup(".viewport");
        Node frame = viewport == null ? page : viewport;
        Bounds shown = frame.localToScene(frame.getLayoutBounds());
        return shown.contains(node.localToScene(node.getLayoutBounds()));
    }

    @Test
    void theLanSwitchShowsTheAddressAndTheLogFollowsTheFile() throws Exception {
        connectEmbedded();
        Path log = dataDir.resolve("engine/logs/smsverifyo.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "engine started\n");
        clickOn("#nav-server");
        waitUntil(() -> lookup("#server-log").queryAs(ListView.class).getItems().contains("engine started"), "the log shows");
        Files.writeString(log, "a later line\n", StandardOpenOption.APPEND);
        waitUntil(() -> lookup("#server-log").queryAs(ListView.class).getItems().contains("a later line"),
                "the log follows the file");

        clickOn("#server-lan-label");
        waitUntil(() -> lookup("#server-lan-urls .server-url").tryQuery().isPresent(), "the LAN address shows");
        assertThat(lookup("#server-lan-urls .server-url").queryAs(Label.class).getText())
                .isEqualTo("http://192.0.2.10:" + server.runtime().port());
    }
}
