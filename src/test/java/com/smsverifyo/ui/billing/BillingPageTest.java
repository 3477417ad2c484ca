package com.smsverifyo.ui.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.LedgerEntry;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.ui.UiTest;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/** The Billing page as a person uses it: set a threshold, then a charge below it raises the alert. */
class BillingPageTest extends UiTest {

    @Test
    void aThresholdSetInPlaceRaisesAnAlertWhenTheBalanceFallsBelowIt() {
        connectEmbedded();
        clickOn("#nav-billing");
        waitUntil(() -> text("#billing-threshold-value").equals("Off"), "the threshold shows");
        waitUntil(() -> lookup("#status-stream").queryAs(Label.class).getText().equals("Live"), "the stream is live");

        clickOn("#billing-threshold-edit");
        write("ten");
        waitUntil(() -> text("#billing-threshold-error").startsWith("Enter an amount in dollars"), "the reason shows");
        assertThat(lookup("#billing-threshold-save").queryButton().isDisabled()).isTrue();
        doubleClickOn("#billing-threshold-field").eraseText(3).write("99.80");
        clickOn("#billing-threshold-save");
        waitUntil(() -> text("#billing-threshold-value").equals("$99.80"), "the threshold is saved");
        assertThat(server.http().get("/v1/account", server.ownerKey()).json().path("alert_threshold_usd").decimalValue())
                .isEqualByComparingTo("99.80");

        Customers.rent(server, server.ownerKey(), "whatsapp", "US");

        ListView<?> history = lookup("#billing-alerts").queryListView();
        waitUntil(() -> history.getItems().size() == 1, "the alert is listed");
        BalanceAlert alert = (BalanceAlert) history.getItems().get(0);
        assertThat(alert.live()).isTrue();
        assertThat(alert.balance()).isEqualByComparingTo("99.55");
        waitUntil(() -> lookup(".notification-bar").tryQuery().isPresent(), "a desktop notification shows");
        assertThat(lookup(".notification-bar .title").queryAll().stream().map(n -> ((Label) n).getText()))
                .contains("Balance below your alert threshold");
        waitUntil(() -> text("#billing-balance").equals("$99.55"), "the balance follows");
        TableView<?> ledger = lookup("#billing-ledger-table").queryTableView();
        waitUntil(() -> !ledger.getItems().isEmpty() && ((LedgerEntry) ledger.getItems().get(0)).kind().equals("charge"),
                "the charge is at the top of the ledger");
        assertThat(lookup("#status-balance").query().getPseudoClassStates().toString()).contains("warning");
    }

    private String text(String id) {
        Node node = lookup(id).query();
        return ((Label) node).getText();
    }
}
