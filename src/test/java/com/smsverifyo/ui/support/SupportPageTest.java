package com.smsverifyo.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.UiTest;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.shell.Destination;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Support in the real window: a rental found by its phone number, with its webhook attempts in the timeline. */
class SupportPageTest extends UiTest {
    private final Receiver receiver = Receiver.start();

    @Override
    protected TestServer startServer(Path dir) {
        return TestServer.start(dir, new MutableClock(TestServer.START), TestServer.loopbackWebhooks());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void findsARentalByPhoneNumberAndShowsItsWebhookAttempts() {
        // A customer's code reaches its webhook on the second attempt (the first gets a 500).
        Customers.Customer acme = Customers.open(server, "Acme Corp", "retail", "20", 60);
        assertThat(server.http().post("/v1/webhooks", acme.adminKey(), "{\"url\":\"" + receiver.url("/hook")
                + "\",\"events\":[\"rental.code_received\"]}").status()).isEqualTo(201);
        receiver.script("/hook", Receiver.Reply.status(500));
        JsonNode rental = server.http().post("/v1/rentals", acme.rentalsKey(), "{\"service\":\"whatsapp\",\"country\":\"US\"}").json();
        String phone = rental.path("phone_number").asText();
        server.sms(phone, "WhatsApp", "Your WhatsApp code: 482-913");
        receiver.await("/hook", 1);
        awaitAttempts(rental.path("id").asText(), 1);
        // The retry is due 5 s (±20 %) later on the engine's clock.
        server.clock().advance(Duration.ofSeconds(10));
        server.engine().webhookDispatcher().wake();
        receiver.await("/hook", 2);
        awaitAttempts(rental.path("id").asText(), 2);

        connectEmbedded();
        clickOn("#nav-support");
        waitUntil(() -> lookup("#support-search").query().isFocused(), "the search box has the focus on open");
        write(Formats.phone(phone)).type(KeyCode.ENTER);

        waitUntil(() -> text("#support-understood").equals("Phone number " + Formats.phone(phone) + ": 1 rental"),
                "the search says what it understood and found");
        waitUntil(() -> attempts().size() == 2, "the story shows both webhook attempts");
        assertThat(text("#support-story-number")).isEqualTo(Formats.phone(phone));
        assertThat(text("#support-fact-customer")).isEqualTo("Acme Corp");
        List<Node> attempts = attempts();
        assertThat(title(attempts.get(0))).contains("rental.code_received", "HTTP 500");
        assertThat(title(attempts.get(1))).contains("rental.code_received", "HTTP 200");
        assertThat(attempts.get(0).getStyleClass()).contains("tone-danger");
        assertThat(attempts.get(1).getStyleClass()).contains("tone-success");

        clickOn("#" + attempts.get(0).getId() + "-details");
        waitUntil(() -> lookup("#" + attempts.get(0).getId() + " .support-details").query().isVisible(),
                "the failed attempt's details open");
        assertThat(lookup("#" + attempts.get(0).getId() + " .support-raw").queryAllAs(Label.class))
                .extracting(Label::getText).anySatisfy(error -> assertThat(error).contains("500"));

        // Ctrl+F on the Support page keeps the agent here, in its search box.
        clickOn("#support-story-number");
        push(KeyCode.CONTROL, KeyCode.F);
        waitUntil(() -> lookup("#support-search").query().isFocused(), "Ctrl+F focuses the search box");
        assertThat(window.shell().model().selectedProperty().get()).isEqualTo(Destination.SUPPORT);
    }

    private void awaitAttempts(String rentalId, int count) {
        Await.until(count + " attempt(s) recorded", () -> server.http().get("/v1/rentals/" + rentalId + "/timeline",
                server.ownerKey()).json().path("deliveries").path(0).path("attempts").size() == count);
    }

    private List<Node> attempts() {
        return List.copyOf(lookup(".support-step.webhook-attempt").queryAll());
    }

    private String title(Node step) {
        return lookup("#" + step.getId() + "-title").queryAs(Label.class).getText();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }
}
