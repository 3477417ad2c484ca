package com.smsverifyo.ui.rent;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.ui.UiTest;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;

/** Renting through the Rent page, as a person does it. */
class RentPageTest extends UiTest {

    @Test
    void rentsAWhatsAppNumberInTheUsInThreeClicks() {
        connectEmbedded();
        clickOn("#nav-rent");
        waitUntil(() -> lookup("#rent-total").queryAs(Label.class).getText().equals("$0.45"), "the price shows");
        assertThat(lookup("#rent-balance-after").queryAs(Label.class).getText()).isEqualTo("$99.55");

        clickOn("#rent-button");

        waitUntil(() -> lookup("#rent-results").queryListView().getItems().size() == 1, "the number is rented");
        RentOutcome outcome = (RentOutcome) lookup("#rent-results").queryListView().getItems().get(0);
        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.rental().orElseThrow().service()).isEqualTo("whatsapp");
        waitUntil(() -> lookup("#status-balance").queryAs(Label.class).getText().equals("Balance $99.55"),
                "the status bar shows the charge");
        assertThat(server.http().get("/v1/rentals", server.ownerKey()).json().path("data")).hasSize(1);
    }

    @Test
    void aRefusedRentShowsItsReasonInWords() {
        connectEmbedded();
        clickOn("#nav-rent");
        waitUntil(() -> !lookup("#rent-total").queryAs(Label.class).getText().equals("—"), "the catalog loads");
        clickOn("#rent-max-price").write("0.10");
        waitUntil(() -> lookup("#rent-blocker").queryAs(Label.class).getText().contains("above your max price $0.10"),
                "the max price is explained");
        assertThat(lookup("#rent-button").queryButton().isDisabled()).isTrue();

        doubleClickOn("#rent-max-price").eraseText(4);
        clickOn("#rent-carrier-mobile");
        clickOn("#rent-quantity").eraseText(2).write("16");
        clickOn("#rent-button");

        waitUntil(() -> lookup("#rent-summary").queryAs(Label.class).getText().startsWith("14 of 16 rented"),
                "the run ends");
        assertThat(lookup("#rent-summary").queryAs(Label.class).getText()).contains("2 × No mobile number is free");
        ListView<?> results = lookup("#rent-results").queryListView();
        assertThat(results.getItems()).hasSize(16);
        assertThat(lookup("#rent-button").queryAs(Button.class).getText()).isEqualTo("Rent 16 numbers");
    }
}
