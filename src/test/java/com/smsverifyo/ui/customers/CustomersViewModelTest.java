package com.smsverifyo.ui.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.Account;
import com.smsverifyo.client.LedgerEntry;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.TestSessions;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.customers.CreditForm.Kind;
import com.smsverifyo.ui.customers.CustomersViewModel.Access;
import com.smsverifyo.ui.session.Session;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Customers page's logic against a real engine, without a screen. */
class CustomersViewModelTest {
    @TempDir
    Path dir;
    TestServer server;
    Session session;
    CustomersViewModel model;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
        session = TestSessions.open(server, server.ownerKey(), UiExecutors.direct());
        model = new CustomersViewModel(session, ZoneOffset.UTC);
    }

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    @Test
    void listsEachCustomerWithBalanceTierStatusAndSpend() {
        Customers.Customer acme = Customers.open(server, "Acme QA", "reseller", "20", 60);
        Customers.open(server, "Bolt Labs", "retail", null, 60);
        Customers.rent(server, acme.rentalsKey(), "whatsapp", "US");

        model.load();

        assertThat(model.accessProperty().get()).isEqualTo(Access.OWNER);
        assertThat(model.tiers()).containsExactly("retail", "reseller");
        assertThat(model.customers()).extracting(Account::name).containsExactly("Acme QA", "Bolt Labs");
        Account first = model.customers().get(0);
        // WhatsApp in the US is $0.45 at base price; the reseller tier takes 20 % off.
        assertThat(first.balance()).isEqualByComparingTo("19.64");
        assertThat(first.tier()).isEqualTo("reseller");
        assertThat(first.status()).isEqualTo("active");
        assertThat(first.spentToday()).isEqualByComparingTo("0.36");
        assertThat(first.spent30d()).isEqualByComparingTo("0.36");
        model.searchProperty().set("bolt");
        assertThat(model.shown()).extracting(Account::name).containsExactly("Bolt Labs");
    }

    @Test
    void aKeyThatIsNotTheOwnersAdminGetsTheOwnerOnlyState() {
        Customers.Customer acme = Customers.open(server, "Acme QA", "retail", "5", 60);
        for (String key : List.of(acme.adminKey(), acme.rentalsKey())) {
            try (Session customer = TestSessions.open(server, key, UiExecutors.direct())) {
                CustomersViewModel page = new CustomersViewModel(customer, ZoneOffset.UTC);
                page.load();
                assertThat(page.accessProperty().get()).isEqualTo(Access.NOT_OWNER);
                assertThat(page.accessDetailProperty().get()).isNotBlank();
                assertThat(page.customers()).isEmpty();
            }
        }
    }

    @Test
    void aNewCustomerNeedsANameAndGetsTheChosenTier() {
        model.load();
        NewCustomerForm form = model.newCustomerForm();
        assertThat(form.tierProperty().get()).isEqualTo("retail");
        assertThat(form.nameError().get()).as("nothing shown before the user got to it").isEmpty();

        form.submit(model::added);
        assertThat(form.nameError().get()).isEqualTo("Enter the customer's name.");
        form.nameProperty().set("   ");
        assertThat(form.nameError().get()).isEqualTo("Enter the customer's name.");
        form.nameProperty().set("x".repeat(101));
        assertThat(form.nameError().get()).isEqualTo("A name has at most 100 characters.");
        form.submit(model::added);
        assertThat(accountsOnServer()).isZero();

        form.nameProperty().set("  Acme QA ");
        form.tierProperty().set("reseller");
        assertThat(form.nameError().get()).isEmpty();
        List<Account> created = new ArrayList<>();
        form.submit(account -> {
            created.add(account);
            model.added(account);
        });
        form.submit(created::add);

        assertThat(created).extracting(Account::id).as("a double click opens one account").containsOnly(created.get(0).id());
        assertThat(accountsOnServer()).isEqualTo(1);
        assertThat(model.selectedProperty().get().name()).isEqualTo("Acme QA");
        assertThat(model.selectedProperty().get().tier()).isEqualTo("reseller");
        assertThat(model.customers()).hasSize(1);
    }

    @Test
    void aCreditShowsTheNewBalanceBeforeItIsBookedOnce() {
        Customers.Customer acme = Customers.open(server, "Acme QA", "retail", "12.30", 60);
        model.load();
        model.selectedProperty().set(model.customers().get(0));
        CreditForm form = model.creditForm(model.selectedProperty().get());

        assertThat(form.preview().get()).isEmpty();
        assertThat(form.amountError().get()).isEmpty();
        form.amountProperty().set("thirty");
        assertThat(form.amountError().get()).isEqualTo("Enter an amount in dollars, such as 25.00 (at most 4 decimals).");
        assertThat(form.valid().get()).isFalse();
        form.amountProperty().set("0");
        assertThat(form.amountError().get()).startsWith("Enter an amount above zero");
        form.kindProperty().set(Kind.CORRECTION);
        form.amountProperty().set("20");
        assertThat(form.amountError().get()).isEqualTo("A correction cannot take the balance below zero: it is $12.30.");
        form.amountProperty().set("2.30");
        assertThat(form.preview().get()).isEqualTo("Balance $12.30 → $10.00");
        assertThat(form.confirmText().get()).isEqualTo("Take off $2.30");

        form.kindProperty().set(Kind.CREDIT);
        form.amountProperty().set("30");
        form.noteProperty().set("Invoice 1042");
        assertThat(form.preview().get()).isEqualTo("Balance $12.30 → $42.30");
        assertThat(form.confirmText().get()).isEqualTo("Credit $30.00");
        List<Account> done = new ArrayList<>();
        form.submit(fresh -> {
            done.add(fresh);
            model.credited(fresh);
        });
        form.submit(done::add);

        assertThat(done).extracting(Account::balance).allSatisfy(b -> assertThat(b).isEqualByComparingTo("42.30"));
        assertThat(balanceOnServer(acme.accountId())).isEqualByComparingTo("42.30");
        assertThat(model.customers().get(0).balance()).isEqualByComparingTo("42.30");
        List<LedgerEntry> ledger = model.detail().ledger().entries();
        assertThat(ledger.get(0).kind()).isEqualTo("credit");
        assertThat(ledger.get(0).note()).contains("Invoice 1042");
        assertThat(ledger).as("booked once").filteredOn(e -> e.note().orElse("").equals("Invoice 1042")).hasSize(1);

        CreditForm correction = model.creditForm(model.customers().get(0));
        correction.kindProperty().set(Kind.CORRECTION);
        correction.amountProperty().set("2.30");
        correction.submit(model::credited);
        assertThat(balanceOnServer(acme.accountId())).isEqualByComparingTo("40");
        assertThat(model.detail().ledger().entries().get(0).kind()).isEqualTo("adjustment");
    }

    @Test
    void changesTierSuspendsAndResumes() {
        Customers.Customer acme = Customers.open(server, "Acme QA", "retail", "5", 60);
        model.load();
        Account customer = model.customers().get(0);

        model.changeTier(customer, "reseller");
        assertThat(model.customers().get(0).tier()).isEqualTo("reseller");
        assertThat(server.http().get("/v1/accounts/" + acme.accountId(), server.ownerKey()).json().path("tier").asText())
                .isEqualTo("reseller");

        model.setSuspended(model.customers().get(0), true);
        assertThat(model.customers().get(0).status()).isEqualTo("suspended");
        assertThat(server.http().post("/v1/rentals", acme.rentalsKey(), "{\"service\":\"whatsapp\",\"country\":\"US\"}")
                .status()).isEqualTo(403);
        model.setSuspended(model.customers().get(0), false);
        assertThat(model.customers().get(0).isActive()).isTrue();
        Customers.rent(server, acme.rentalsKey(), "whatsapp", "US");

        model.changeTier(model.customers().get(0), "platinum");
        assertThat(model.actionErrorProperty().get()).contains("'platinum' is not a tier");
        assertThat(model.customers().get(0).tier()).isEqualTo("reseller");
    }

    @Test
    void theDetailShowsTheCustomersRentalsKeysAndLedger() {
        Customers.Customer acme = Customers.open(server, "Acme QA", "retail", "5", 60);
        Customers.Customer other = Customers.open(server, "Bolt Labs", "retail", "5", 60);
        String rental = Customers.rent(server, acme.rentalsKey(), "telegram", "GB");
        Customers.rent(server, other.rentalsKey(), "telegram", "GB");
        model.load();

        model.selectedProperty().set(model.customers().get(0));

        CustomerDetail detail = model.detail();
        assertThat(detail.rentals()).extracting(r -> r.id()).containsExactly(rental);
        assertThat(detail.keys()).extracting(k -> k.name()).containsExactlyInAnyOrder("Acme QA admin", "Acme QA bot");
        assertThat(detail.ledger().entries()).extracting(LedgerEntry::kind).containsExactly("charge", "credit");
        assertThat(detail.ledger().entries()).allSatisfy(e -> assertThat(e.accountId()).isEqualTo(acme.accountId()));

        model.selectedProperty().set(model.customers().get(1));
        assertThat(detail.rentals()).extracting(r -> r.accountId()).containsOnly(other.accountId());
        model.selectedProperty().set(null);
        assertThat(detail.rentals()).isEmpty();
        assertThat(detail.ledger().entries()).isEmpty();
    }

    @Test
    void aCustomersRentalMovesItsFiguresAndItsOpenDetailLive() {
        Customers.Customer acme = Customers.open(server, "Acme QA", "retail", "5", 60);
        // The stream covers the customers there are when it connects: a session opened now sees Acme's.
        try (Session owner = TestSessions.open(server, server.ownerKey(), UiExecutors.direct())) {
            TestSessions.await(() -> owner.live().stateProperty().get() == com.smsverifyo.ui.session.StreamState.LIVE,
                    "the stream is live");
            CustomersViewModel page = new CustomersViewModel(owner, ZoneOffset.UTC);
            page.load();
            page.follow();
            page.selectedProperty().set(page.customers().get(0));
            assertThat(page.detail().rentals()).isEmpty();

            String rental = Customers.rent(server, acme.rentalsKey(), "whatsapp", "US");

            TestSessions.await(() -> page.detail().rentals().size() == 1, "the open customer's rental shows");
            assertThat(page.detail().rentals().get(0).id()).isEqualTo(rental);
            TestSessions.await(() -> page.customers().get(0).spentToday().compareTo(new BigDecimal("0.45")) == 0,
                    "its spend follows");
            assertThat(page.selectedProperty().get().balance()).isEqualByComparingTo("4.55");
            page.unfollow();
        }
    }

    private int accountsOnServer() {
        return server.http().get("/v1/accounts", server.ownerKey()).json().path("data").size();
    }

    private BigDecimal balanceOnServer(String accountId) {
        return server.http().get("/v1/accounts/" + accountId, server.ownerKey()).json().path("balance_usd").decimalValue();
    }
}
