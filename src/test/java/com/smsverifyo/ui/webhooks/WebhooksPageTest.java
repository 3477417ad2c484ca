package com.smsverifyo.ui.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.WebhookAttempt;
import com.smsverifyo.client.WebhookDelivery;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.UiTest;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Adding an endpoint on the Webhooks page and watching a test delivery reach a receiver in the test. */
class WebhooksPageTest extends UiTest {
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
    void aTestEventReachesTheReceiverAndShowsInTheLogWith200() throws Exception {
        connectEmbedded();
        clickOn("#nav-webhooks");
        waitUntil(() -> lookup("#webhooks-empty-add").tryQuery().map(n -> n.isVisible()).orElse(false), "the empty state");

        clickOn("#webhooks-empty-add");
        clickOn("#webhook-url").write("http://10.0.0.5/hook");
        clickOn("#webhook-add-submit");
        waitUntil(() -> lookup("#webhook-url-error").queryAs(Label.class).getText().contains("refused"),
                "the server's refusal shows next to the URL");

        onFx(() -> {
            lookup("#webhook-url").queryAs(TextField.class).clear();
            return null;
        });
        clickOn("#webhook-url").write(receiver.url("/hook"));
        clickOn("#webhook-event-balance-low");
        clickOn("#webhook-add-submit");
        waitUntil(() -> endpoints().getItems().size() == 1, "the endpoint is listed");
        assertThat(endpoints().getItems().get(0).webhook().events()).containsExactly("rental.code_received", "balance.low");

        clickOn("#webhook-test");

        receiver.await("/hook", 1);
        waitUntil(() -> deliveries().getItems().stream()
                        .anyMatch(d -> d.latestAttempt().flatMap(WebhookAttempt::statusCode).orElse(0) == 200),
                "the delivery shows in the log with 200");
        WebhookDelivery delivery = deliveries().getItems().get(0);
        assertThat(delivery.eventType()).isEqualTo("webhook.test");
        assertThat(delivery.messageId()).isEqualTo(receiver.hits("/hook").get(0).header("webhook-id"));
        waitUntil(() -> lookup("#webhook-health").queryAs(Label.class).getText().startsWith("Last delivery 200"),
                "the endpoint reads healthy");

        clickOn(lookup("#webhook-deliveries .table-row-cell")
                .match((TableRow<?> row) -> row.isVisible() && row.getIndex() == 0).queryAs(TableRow.class));
        waitUntil(() -> attempts().getItems().size() == 1
                        && lookup("#webhook-body").queryAs(TextArea.class).getText().contains("\"webhook.test\""),
                "the message opens with its attempt and its signed body");
        assertThat(attempts().getItems().get(0).statusCode()).contains(200);
    }

    @SuppressWarnings("unchecked")
    private ListView<EndpointRow> endpoints() {
        return lookup("#webhooks-list").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<WebhookAttempt> attempts() {
        return lookup("#webhook-attempts").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<WebhookDelivery> deliveries() {
        return lookup("#webhook-deliveries").queryAs(TableView.class);
    }
}
