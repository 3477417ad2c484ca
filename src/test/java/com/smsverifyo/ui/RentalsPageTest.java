package com.smsverifyo.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.NewRental;
import com.smsverifyo.client.Rental;
import com.smsverifyo.ui.rentals.RentalItem;
import com.smsverifyo.ui.session.StreamState;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The Rentals page in the real window against a real engine: live rows, codes, copy, cancel. */
class RentalsPageTest extends UiTest {

    private Rental rent(String service) {
        return window.session().client().rentals().create(NewRental.of(service, "US"));
    }

    /** The table row showing a rental, if it is on screen. */
    @SuppressWarnings("unchecked")
    private Optional<TableRow<RentalItem>> row(String rentalId) {
        return lookup("#rentals-table .table-row-cell").queryAll().stream()
                .map(node -> (TableRow<RentalItem>) node)
                .filter(row -> row.getItem() != null && row.getItem().id().equals(rentalId))
                .findFirst();
    }

    private boolean rowShows(String rentalId, String text) {
        return row(rentalId).map(row -> row.lookupAll(".table-cell").stream()
                .anyMatch(cell -> text.equals(((javafx.scene.control.Labeled) cell).getText()))).orElse(false);
    }

    private String balance() {
        return lookup("#status-balance").queryAs(Label.class).getText();
    }

    private boolean labelShown(String text) {
        return lookup(node -> node instanceof Label label && label.getText() != null && label.getText().contains(text))
                .tryQuery().isPresent();
    }

    @Test
    void aRentalAppearsLiveItsCodeShowsInTheRowAndCtrlCCopiesIt() throws Exception {
        connectEmbedded();
        clickOn("#nav-rentals");
        Rental rental = rent("whatsapp");
        waitUntil(() -> row(rental.id()).isPresent(), "the new rental shows in the table");

        server.sms(rental.phoneNumber(), "WhatsApp", "Your WhatsApp code: 482-913");
        // Through the event stream a code shows within 2 s; without one (an engine that does not
        // offer it) the app polls every 3 s, and the 2 s count from that poll.
        Duration allowed = onFx(() -> window.session().live().stateProperty().get()) == StreamState.LIVE
                ? Duration.ofSeconds(2) : Duration.ofSeconds(5);
        waitWithin(allowed, () -> rowShows(rental.id(), "482913"), "the code shows in the rental's row");
        waitUntil(() -> labelShown("WhatsApp code 482913"), "a desktop notification tells the code");

        clickOn(row(rental.id()).orElseThrow());
        // Headless Monocle sends key presses to the newest window, the notification, which a real
        // desktop never focuses: dismiss it as a person would before typing.
        onFx(() -> {
            javafx.stage.Window.getWindows().stream().filter(window -> window instanceof javafx.stage.Popup).toList()
                    .forEach(javafx.stage.Window::hide);
            return null;
        });
        push(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        waitUntil(() -> "482913".equals(Clipboard.getSystemClipboard().getString()), "the clipboard holds the code");
        assertThat(lookup("#rental-detail-code").queryAs(Label.class).getText()).isEqualTo("482913");

        // Delete asks to cancel; a rental with a code cannot be, and the server's reason is shown.
        push(KeyCode.DELETE);
        waitUntil(() -> labelShown("A code already arrived on this rental"), "the refusal is told in words");
    }

    @Test
    void cancellingFromThePageRefundsAndTheBalanceGoesBackUp() {
        connectEmbedded();
        clickOn("#nav-rentals");
        waitUntil(() -> balance().equals("Balance $100.00"), "the starting balance shows");
        Rental kept = rent("telegram");
        Rental cancelled = rent("whatsapp");
        waitUntil(() -> row(cancelled.id()).isPresent() && row(kept.id()).isPresent(), "both rentals show");
        waitUntil(() -> balance().equals("Balance $99.25"), "the balance shows both charges");

        clickOn(row(cancelled.id()).orElseThrow());
        waitUntil(() -> lookup("#rental-cancel").tryQuery().map(node -> !node.isDisabled()).orElse(false),
                "the detail pane offers to cancel");
        clickOn("#rental-cancel");

        waitUntil(() -> row(cancelled.id()).map(row -> row.lookup(".status-pill") instanceof Label pill
                && pill.getText().equals("cancelled")).orElse(false), "the row says cancelled");
        waitUntil(() -> balance().equals("Balance $99.70"), "the refund shows in the status bar");
        assertThat(lookup("#rental-detail-status").queryAs(Label.class).getText()).isEqualTo("cancelled");
        assertThat(row(kept.id()).orElseThrow().lookup(".status-pill")).extracting(node -> ((Label) node).getText())
                .isEqualTo("waiting");

        // Ctrl+F puts the caret in the search box; a whole number finds its rental.
        push(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        waitUntil(() -> "rentals-search".equals(stage.getScene().getFocusOwner().getId()), "the search box has the caret");
        write(kept.phoneNumber());
        waitUntil(() -> lookup("#rentals-search-hint").queryAs(Label.class).getText().contains("searched on the server")
                && row(kept.id()).isPresent()
                && lookup("#rentals-table .table-row-cell").queryAll().stream().map(node -> (TableRow<?>) node)
                        .filter(row -> row.getItem() != null)
                        .allMatch(row -> ((RentalItem) row.getItem()).get().phoneNumber().equals(kept.phoneNumber())),
                "the search shows the rentals of that number only");
    }

    /** Polls {@code condition} on the FX thread until it holds, for at most {@code allowed}. */
    private static void waitWithin(Duration allowed, BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(allowed.toMillis(), TimeUnit.MILLISECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not within " + allowed.toMillis() + " ms: " + what);
        }
    }
}
