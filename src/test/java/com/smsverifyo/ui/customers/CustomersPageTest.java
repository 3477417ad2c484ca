package com.smsverifyo.ui.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.Account;
import com.smsverifyo.client.Rental;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.ui.UiTest;
import com.smsverifyo.ui.shell.Destination;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/** A reseller opens a customer, credits it, and sees the rentals its key makes. */
class CustomersPageTest extends UiTest {

    @Test
    void aNewCustomerIsCreditedAndItsRentalShowsInItsDetail() throws Exception {
        connectEmbedded();
        clickOn("#nav-customers");
        TableView<?> table = lookup("#customers-table").queryTableView();
        waitUntil(() -> table.isVisible() && table.getScene() != null, "the list shows");

        clickOn("#customers-new");
        clickOn("#new-customer-create");
        waitUntil(() -> text("#new-customer-name-error").equals("Enter the customer's name."), "an empty name is refused");
        clickOn("#new-customer-name").write("Acme QA");
        clickOn("#new-customer-create");
        waitUntil(() -> table.getItems().size() == 1, "the customer is listed");
        waitUntil(() -> text("#customer-name").equals("Acme QA"), "the new customer is open");

        clickOn("#customer-credit");
        clickOn("#credit-amount").write("lots");
        waitUntil(() -> text("#credit-amount-error").startsWith("Enter an amount in dollars"), "the reason shows");
        doubleClickOn("#credit-amount").eraseText(4).write("25");
        waitUntil(() -> text("#credit-preview").equals("Balance $0.00 → $25.00"), "the new balance is shown first");
        clickOn("#credit-note").write("Welcome credit");
        clickOn("#credit-confirm");
        waitUntil(() -> text("#customer-balance").equals("$25.00"), "the credit is booked");

        Account customer = onFx(() -> ((CustomersPage) window.shell().page(Destination.CUSTOMERS)).model()
                .selectedProperty().get());
        String key = Customers.key(server, customer.id(), "Acme bot", "[\"rentals\"]", 60);
        String rental = Customers.rent(server, key, "telegram", "US");

        clickOn("#customer-tab-keys");
        TableView<?> keys = lookup("#customer-keys").queryTableView();
        waitUntil(() -> keys.getItems().size() == 1, "its key is listed");
        clickOn("#customer-tab-rentals");
        TableView<?> rentals = lookup("#customer-rentals").queryTableView();
        waitUntil(() -> rentals.getItems().size() == 1, "its rental is listed");
        assertThat(((Rental) rentals.getItems().get(0)).id()).isEqualTo(rental);
        assertThat(((Rental) rentals.getItems().get(0)).accountId()).isEqualTo(customer.id());
        clickOn("#customers-refresh");
        waitUntil(() -> text("#customer-balance").equals("$24.70"), "its balance shows the charge");
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }
}
