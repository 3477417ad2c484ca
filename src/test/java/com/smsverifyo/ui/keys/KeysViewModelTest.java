package com.smsverifyo.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.ApiKey;
import com.smsverifyo.client.CreatedApiKey;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.RecordingNotices;
import com.smsverifyo.ui.TestSessions;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.session.Session;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API Keys page's logic against a real engine, without a screen. */
class KeysViewModelTest {
    @TempDir
    Path dir;
    TestServer server;
    Session session;
    RecordingNotices notices = new RecordingNotices();
    KeysViewModel model;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
        session = TestSessions.open(server, server.ownerKey(), UiExecutors.direct());
        model = new KeysViewModel(session, notices);
        model.load().join();
    }

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    @Test
    void everyBadInputIsRefusedNextToItsFieldAndNothingIsCreated() {
        int before = model.keys().size();
        KeyForm form = model.startCreate();
        form.nameProperty().set("   ");
        form.rentalsProperty().set(false);
        form.rateLimitProperty().set("sixty");
        form.dailyCapProperty().set("ten dollars");

        assertThat(model.create().join()).isFalse();

        assertThat(form.nameField().errorProperty().get()).contains("Give the key a name");
        assertThat(form.scopesField().errorProperty().get()).isEqualTo("Choose at least one scope.");
        assertThat(form.rateLimitField().errorProperty().get()).contains("whole number");
        assertThat(form.dailyCapField().errorProperty().get()).contains("amount in dollars");
        assertThat(model.creatingProperty().get()).isSameAs(form);
        assertThat(server.http().get("/v1/keys", server.ownerKey()).json().path("data")).hasSize(before);

        form.nameProperty().set("checkout");
        form.dailyCapProperty().set("12.50");
        assertThat(form.nameField().errorProperty().get()).as("a shown error follows the fix").isEmpty();
        assertThat(form.dailyCapField().errorProperty().get()).isEmpty();
        form.rateLimitProperty().set("0");
        assertThat(form.rateLimitField().errorProperty().get()).contains("from 1 to 1,000,000");
    }

    @Test
    void theNewKeyIsShownOnceWorksAndIsForgottenWhenStored() {
        KeyForm form = model.startCreate();
        form.nameProperty().set("checkout-worker");
        form.rateLimitProperty().set("120");
        form.dailyCapProperty().set("25");

        assertThat(model.create().join()).isTrue();

        CreatedApiKey created = model.revealedProperty().get();
        assertThat(created.secret()).matches("sms_live_[0-9A-Za-z]{36}");
        assertThat(model.creatingProperty().get()).isNull();
        ApiKey listed = model.keys().get(0);
        assertThat(listed.name()).isEqualTo("checkout-worker");
        assertThat(listed.rateLimitPerMinute()).isEqualTo(120);
        assertThat(listed.dailySpendCap()).hasValueSatisfying(cap -> assertThat(cap).isEqualByComparingTo("25"));
        assertThat(listed.scopes()).containsExactly("rentals");
        assertThat(listed.toString()).doesNotContain(created.secret());
        assertThat(server.http().get("/v1/account", created.secret()).status()).isEqualTo(200);

        model.acknowledgeKey();

        assertThat(model.revealedProperty().get()).isNull();
        model.load().join();
        assertThat(model.keys()).extracting(ApiKey::name).contains("checkout-worker");
        assertThat(model.keys()).allSatisfy(key -> assertThat(key.toString()).doesNotContain(created.secret()));
    }

    @Test
    void editingChangesNameAndLimitsAndRemovesTheCap() {
        KeyForm create = model.startCreate();
        create.nameProperty().set("worker");
        create.dailyCapProperty().set("5");
        model.create().join();
        model.acknowledgeKey();
        ApiKey key = model.keys().get(0);

        KeyForm form = model.startEdit(key);
        assertThat(form.dailyCapProperty().get()).isEqualTo("5.00");
        form.rateLimitProperty().set("");
        assertThat(model.saveEdit().join()).isFalse();
        assertThat(form.rateLimitField().errorProperty().get()).contains("rentals per minute");

        form.nameProperty().set("worker-2");
        form.rateLimitProperty().set("30");
        form.dailyCapProperty().set("");
        assertThat(model.saveEdit().join()).isTrue();

        assertThat(model.editingProperty().get()).isNull();
        ApiKey saved = model.keys().get(0);
        assertThat(saved.id()).isEqualTo(key.id());
        assertThat(saved.name()).isEqualTo("worker-2");
        assertThat(saved.rateLimitPerMinute()).isEqualTo(30);
        assertThat(saved.dailySpendCap()).isEmpty();
        assertThat(server.http().get("/v1/keys/" + key.id(), server.ownerKey()).json().path("daily_spend_cap_usd").isNull())
                .isTrue();
    }

    @Test
    void revokingStopsTheKeyAtOnce() {
        KeyForm form = model.startCreate();
        form.nameProperty().set("leaked");
        model.create().join();
        String secret = model.revealedProperty().get().secret();
        model.acknowledgeKey();
        ApiKey key = model.keys().get(0);

        model.askRevoke(key);
        assertThat(model.revokingProperty().get()).isEqualTo(key);
        assertThat(model.revoke().join()).isTrue();

        assertThat(model.revokingProperty().get()).isNull();
        assertThat(model.keys().get(0).isRevoked()).isTrue();
        assertThat(server.http().get("/v1/account", secret).status()).isEqualTo(401);
        assertThat(notices.told()).anySatisfy(n -> assertThat(n).contains("Key revoked").contains("leaked"));
    }

    @Test
    void aResellerChoosesTheAccountAndTheServersRefusalOfARaiseShowsAtTheRateLimit() {
        Customers.Customer shop = Customers.open(server, "Corner Shop", "retail", "10", 60);
        model.load().join();
        assertThat(model.reseller().get()).isTrue();
        AccountChoice customer = model.accounts().stream().filter(a -> a.name().equals("Corner Shop")).findFirst().orElseThrow();

        KeyForm form = model.startCreate();
        form.nameProperty().set("shop-bot");
        form.accountProperty().set(customer);
        assertThat(model.create().join()).isTrue();
        assertThat(model.revealedProperty().get().apiKey().accountId()).isEqualTo(shop.accountId());
        model.acknowledgeKey();
        assertThat(model.keys()).extracting(ApiKey::name).doesNotContain("shop-bot");

        model.shownAccountProperty().set(customer);
        assertThat(model.keys()).extracting(ApiKey::name).contains("shop-bot", "Corner Shop admin");
        assertThat(model.accountName(shop.accountId())).isEqualTo("Corner Shop");

        // The customer's own admin key may not raise a limit above 60: the refusal goes to that field.
        Session customerSession = TestSessions.open(server, shop.adminKey(), UiExecutors.direct());
        try {
            KeysViewModel customerModel = new KeysViewModel(customerSession, notices);
            customerModel.load().join();
            assertThat(customerModel.reseller().get()).isFalse();
            KeyForm raise = customerModel.startCreate();
            raise.nameProperty().set("fast");
            raise.rateLimitProperty().set("500");
            assertThat(customerModel.create().join()).isFalse();
            assertThat(raise.rateLimitField().errorProperty().get()).contains("above 60 per minute");
            assertThat(raise.form().errorProperty().get()).isEmpty();
        } finally {
            customerSession.close();
        }
    }
}
