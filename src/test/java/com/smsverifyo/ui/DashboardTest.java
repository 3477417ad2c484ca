package com.smsverifyo.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.ui.shell.Destination;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** The dashboard in the real window: the empty state's way to the Rent page, and figures that follow the engine live. */
class DashboardTest extends UiTest {

    @Test
    void figuresFollowARentalAndItsCodeLive() {
        connectEmbedded();
        waitUntil(() -> lookup("#dashboard-empty").query().isVisible(), "a fresh account shows the empty state");
        assertThat(text("#dashboard-balance")).isEqualTo("$100.00");

        clickOn("#dashboard-rent");
        waitUntil(() -> window.shell().model().selectedProperty().get() == Destination.RENT, "the call to action opens Rent");
        clickOn("#nav-dashboard");

        TestResponse rented = server.http().post("/v1/rentals", server.ownerKey(), "{\"service\":\"whatsapp\",\"country\":\"US\"}");
        assertThat(rented.status()).as(rented.toString()).isEqualTo(201);
        String price = rented.json().path("price_usd").decimalValue().toPlainString();
        waitUntil(() -> text("#dashboard-active").equals("1"), "the new rental is counted");
        waitUntil(() -> !lookup("#dashboard-empty").query().isVisible(), "the empty state gives way to the charts");
        assertThat(text("#dashboard-spent-today")).isEqualTo(com.smsverifyo.ui.common.Formats.usd(new java.math.BigDecimal(price)));
        assertThat(text("#dashboard-codes")).isEqualTo("0");

        server.sms(rented.json().path("phone_number").asText(), "WhatsApp", "Your WhatsApp code: 482-913");
        waitUntil(() -> text("#dashboard-codes").equals("1"), "the code is counted");
        waitUntil(() -> lookup("#dashboard-success-whatsapp").tryQuery().map(Node::isVisible).orElse(false),
                "WhatsApp's success shows");
        assertThat(text("#dashboard-codes-total")).isEqualTo("1 code in total");
        assertThat(text("#dashboard-active")).as("received, still open").isEqualTo("1");
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }
}
