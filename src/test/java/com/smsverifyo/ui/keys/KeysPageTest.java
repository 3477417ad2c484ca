package com.smsverifyo.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.ApiKey;
import com.smsverifyo.ui.UiTest;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Creating a key on the API Keys page, as a person does it, and using it. */
class KeysPageTest extends UiTest {

    @Test
    void aKeyCreatedInTheAppIsShownOnceAndWorksOverHttp() {
        connectEmbedded();
        clickOn("#nav-api_keys");
        waitUntil(() -> !keys().getItems().isEmpty(), "the keys load");
        int before = keys().getItems().size();

        clickOn("#keys-new");
        clickOn("#key-create-submit");
        waitUntil(() -> lookup("#key-name-error").queryAs(Label.class).getText().contains("Give the key a name"),
                "the empty name is refused in place");
        clickOn("#key-name").write("ui-worker");
        clickOn("#key-daily-cap").write("lots");
        clickOn("#key-create-submit");
        waitUntil(() -> lookup("#key-daily-cap-error").queryAs(Label.class).getText().contains("amount in dollars"),
                "the cap is refused in place");
        doubleClickOn("#key-daily-cap").eraseText(4).write("9.50");
        clickOn("#key-create-submit");

        waitUntil(() -> lookup("#key-secret").tryQuery().isPresent(), "the key is shown");
        String key = lookup("#key-secret").queryAs(TextField.class).getText();
        assertThat(key).matches("sms_live_[0-9A-Za-z]{36}");
        assertThat(lookup("#key-once-warning").queryAs(Label.class).getText()).contains("You will not see this key again");
        type(KeyCode.ESCAPE);
        assertThat(lookup("#key-secret").tryQuery()).as("Escape does not dismiss the key").isPresent();

        clickOn("#key-stored");

        waitUntil(() -> lookup("#key-secret").tryQuery().isEmpty(), "the key is gone from the window");
        assertThat(window.shell().page(com.smsverifyo.ui.shell.Destination.API_KEYS) instanceof KeysPage page
                && page.model().revealedProperty().get() == null).isTrue();
        assertThat(keys().getItems()).hasSize(before + 1);
        ApiKey listed = keys().getItems().get(0);
        assertThat(listed.name()).isEqualTo("ui-worker");
        assertThat(listed.dailySpendCap()).hasValueSatisfying(cap -> assertThat(cap).isEqualByComparingTo("9.5"));
        assertThat(server.http().get("/v1/account", key).status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private TableView<ApiKey> keys() {
        return lookup("#keys-table").queryAs(TableView.class);
    }
}
