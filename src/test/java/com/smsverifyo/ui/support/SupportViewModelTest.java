package com.smsverifyo.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.client.RentalStatus;
import com.smsverifyo.client.TimelineEntry.Type;
import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.TestSessions;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.session.Session;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Support page's logic against a real engine, without a screen: a customer's WhatsApp rental
 * whose code reached the customer's webhook receiver, found by everything a customer may quote, its
 * story, and the agent's actions on it.
 */
class SupportViewModelTest {
    private static final String SMS = "Your WhatsApp code: 482-913";

    @TempDir
    Path dir;
    TestServer server;
    Receiver receiver;
    Customers.Customer acme;
    JsonNode rental;
    Session session;
    SupportViewModel model;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, new MutableClock(TestServer.START), TestServer.loopbackWebhooks());
        receiver = Receiver.start();
        acme = Customers.open(server, "Acme Corp", "retail", "20", 60);
        TestResponse hook = server.http().post("/v1/webhooks", acme.adminKey(),
                "{\"url\":\"" + receiver.url("/hook") + "\",\"events\":[\"rental.code_received\"]}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        rental = server.http().post("/v1/rentals", acme.rentalsKey(), "{\"service\":\"whatsapp\",\"country\":\"US\"}").json();
        server.sms(rental.path("phone_number").asText(), "WhatsApp", SMS);
        receiver.await("/hook", 1);
        Await.until("the attempt is recorded", () -> server.http().get("/v1/rentals/" + id() + "/timeline", server.ownerKey())
                .json().path("deliveries").path(0).path("attempts").size() == 1);
        session = TestSessions.open(server, server.ownerKey(), UiExecutors.direct());
        model = new SupportViewModel(session);
        model.load();
    }

    @AfterEach
    void stop() {
        session.close();
        receiver.close();
        server.close();
    }

    private String id() {
        return rental.path("id").asText();
    }

    private String phone() {
        return rental.path("phone_number").asText();
    }

    private void search(String typed) {
        model.queryProperty().set(typed);
        model.search();
    }

    private List<String> found() {
        return model.results().stream().map(com.smsverifyo.client.Rental::id).toList();
    }

    @Test
    void findsTheRentalByItsNumberHoweverItIsWritten() {
        String digits = phone().substring(1);
        for (String spelling : List.of(phone(), Formats.phone(phone()), digits, digits.replaceAll("(\\d{3})", "$1 "))) {
            search(spelling);
            assertThat(found()).as(spelling).containsExactly(id());
            assertThat(model.understoodProperty().get()).as(spelling)
                    .isEqualTo("Phone number " + Formats.phone(phone()) + ": 1 rental");
        }
        assertThat(model.status().get()).isEqualTo(model.understoodProperty().get());
        assertThat(model.storyProperty().get().rental().id()).as("a single result opens").isEqualTo(id());

        model.queryProperty().set("+1 999");
        assertThat(model.status().get()).as("what is typed is read before it is searched").contains("8 to 15 digits");
        search("+1 201 000 0000");
        assertThat(found()).isEmpty();
        assertThat(model.searchedProperty().get()).isTrue();
        assertThat(model.understoodProperty().get()).endsWith(": no rentals");
        assertThat(model.selectedProperty().get()).as("a search without it closes the story").isNull();
    }

    @Test
    void findsItByCodeRentalIdKeyAndCustomerName() {
        search("482-913");
        assertThat(found()).containsExactly(id());
        assertThat(model.understoodProperty().get()).isEqualTo("Code 482913: 1 rental");

        search(id());
        assertThat(found()).containsExactly(id());
        assertThat(model.understoodProperty().get()).isEqualTo("Rental " + id() + " of Acme Corp");

        JsonNode botKey = keyNamed("Acme Corp bot");
        search(botKey.path("prefix").asText());
        assertThat(found()).containsExactly(id());
        assertThat(model.understoodProperty().get()).startsWith("Key " + botKey.path("prefix").asText() + " (Acme Corp bot, Acme Corp)");
        search(botKey.path("id").asText());
        assertThat(found()).containsExactly(id());
        search(keyNamed("Acme Corp admin").path("prefix").asText());
        assertThat(found()).as("the admin key rented nothing").isEmpty();

        Customers.open(server, "Acme Labs", "retail", "5", 60);
        search("acme corp");
        assertThat(model.understoodProperty().get()).as("an exact name wins").isEqualTo("Customer Acme Corp: 1 recent rental");
        assertThat(found()).containsExactly(id());
        search("acme");
        assertThat(model.understoodProperty().get()).isEqualTo("Customers Acme Corp, Acme Labs: 1 recent rental");
        search("Zeta");
        assertThat(model.understoodProperty().get()).isEqualTo("No customer named “Zeta”");
        assertThat(found()).isEmpty();
    }

    private JsonNode keyNamed(String name) {
        for (JsonNode key : server.http().get("/v1/keys?account=" + acme.accountId(), server.ownerKey()).json().path("data")) {
            if (key.path("name").asText().equals(name)) {
                return key;
            }
        }
        throw new AssertionError("no key " + name);
    }

    @Test
    void theStoryShowsEveryStepInOrderWithItsRawDetailsAndActions() {
        search(id());
        StoryModel story = model.storyProperty().get();

        assertThat(story.phone()).isEqualTo(Formats.phone(phone()));
        assertThat(story.fact("Customer")).contains("Acme Corp");
        assertThat(story.fact("Key")).hasValueSatisfying(key -> assertThat(key).startsWith("Acme Corp bot · sms_live_"));
        assertThat(story.fact("Price")).contains("$0.45");
        assertThat(story.fact("Service")).as("the catalog's name, not the code").contains("WhatsApp · US");
        assertThat(model.serviceName("whatsapp")).isEqualTo("WhatsApp");
        assertThat(story.fact("Refunded")).contains("nothing");
        assertThat(story.fact("Code")).contains("482913");
        assertThat(story.refundable()).isEqualByComparingTo("0.45");
        assertThat(story.rental().status()).isEqualTo(RentalStatus.RECEIVED);

        assertThat(story.steps()).extracting(StoryStep::type).containsExactly(Type.CREATED, Type.NUMBER_ASSIGNED,
                Type.LEDGER, Type.MESSAGE, Type.WEBHOOK_ATTEMPT);
        assertThat(story.steps()).extracting(StoryStep::at).isSorted();
        StoryStep created = story.steps().get(0);
        assertThat(created.title()).contains("whatsapp", "0.45", "Acme Corp bot");
        assertThat(created.detail("Price")).contains("$0.45");
        assertThat(created.offset()).isEmpty();
        StoryStep charge = story.steps().get(2);
        assertThat(charge.detail("Kind")).contains("charge");
        assertThat(charge.detail("Amount")).contains("−$0.45");
        assertThat(charge.tone()).isEqualTo(StoryStep.Tone.NEUTRAL);

        StoryStep sms = story.steps().get(3);
        assertThat(sms.detail("SMS text")).contains(SMS);
        assertThat(sms.detail("Extracted code")).contains("482913");
        assertThat(sms.detail("From")).contains("WhatsApp");
        assertThat(sms.details()).filteredOn(d -> d.label().equals("SMS text")).singleElement()
                .satisfies(d -> assertThat(d.raw()).isTrue());
        assertThat(sms.tone()).isEqualTo(StoryStep.Tone.SUCCESS);
        assertThat(sms.action()).hasValueSatisfying(action -> assertThat(action).isInstanceOfSatisfying(
                StoryStep.CorrectCode.class, correct -> assertThat(correct.code()).contains("482913")));

        StoryStep attempt = story.steps().get(4);
        assertThat(attempt.title()).contains("rental.code_received", "HTTP 200");
        assertThat(attempt.detail("HTTP status")).contains("200");
        assertThat(attempt.detail("Latency")).hasValueSatisfying(latency -> assertThat(latency).matches("\\d+ ms"));
        assertThat(attempt.detail("Error")).isEmpty();
        assertThat(attempt.tone()).isEqualTo(StoryStep.Tone.SUCCESS);
        assertThat(attempt.action()).hasValueSatisfying(a -> assertThat(a).isInstanceOf(StoryStep.Redeliver.class));
        assertThat(model.correctionBlocker().get()).as("the owner corrects its customers' rentals").isEmpty();
        assertThat(model.ownerProperty().get()).isTrue();
    }

    @Test
    void aRedeliveryShowsItsAttemptInTheStory() {
        search(id());
        StoryStep.Redeliver redeliver = (StoryStep.Redeliver) model.storyProperty().get().steps().get(4).action().orElseThrow();

        model.redeliver(redeliver);

        List<StoryStep> attempts = model.storyProperty().get().steps().stream()
                .filter(step -> step.type() == Type.WEBHOOK_ATTEMPT).toList();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).title()).contains("(redelivery)");
        assertThat(attempts.get(1).detail("Redelivery")).contains("yes");
        assertThat(attempts.get(0).action()).as("redelivery is offered on the newest attempt only").isEmpty();
        assertThat(attempts.get(1).action()).isPresent();
        assertThat(model.noticeProperty().get().title()).isEqualTo("Webhook redelivered");
        assertThat(model.noticeProperty().get().text()).contains("HTTP 200");
        assertThat(receiver.hits("/hook")).hasSize(2);
        assertThat(model.redeliveringProperty().get()).isFalse();
    }

    @Test
    void aRefundIsCheckedInPlaceAndA409IsToldInWords() {
        search(id());
        model.openRefund();
        RefundForm form = model.refundFormProperty().get();
        assertThat(form.amountProperty().get()).as("all that is refundable, at first").isEqualTo("0.45");

        form.amountProperty().set("abc");
        form.submit();
        assertThat(form.amountError().get()).isEqualTo("Enter dollars with at most 4 decimals, such as 0.45.");
        assertThat(form.reasonError().get()).isEqualTo("Say why the customer is refunded; it goes on their ledger.");
        form.amountProperty().set("0.50");
        assertThat(form.amountError().get()).as("a shown reason follows the input").isEqualTo("At most $0.45 of this rental can still be refunded.");
        form.amountProperty().set("0");
        assertThat(form.amountError().get()).isEqualTo("The amount must be more than $0.");
        form.amountProperty().set("0.10");
        assertThat(form.amountError().get()).isEmpty();
        form.reasonProperty().set("code arrived late");
        assertThat(form.reasonError().get()).isEmpty();

        form.submit();

        assertThat(model.refundFormProperty().get()).as("the dialog closes").isNull();
        assertThat(model.noticeProperty().get().text()).isEqualTo("$0.10 went back to Acme Corp.");
        StoryModel story = model.storyProperty().get();
        assertThat(story.fact("Refunded")).contains("$0.10 of $0.45");
        assertThat(story.refundable()).isEqualByComparingTo("0.35");
        assertThat(story.steps()).filteredOn(step -> step.type() == Type.LEDGER).extracting(StoryStep::title)
                .anySatisfy(title -> assertThat(title).contains("Adjustment 0.1 USD", "refund: code arrived late"));
        assertThat(server.http().get("/v1/account", acme.adminKey()).json().path("balance_usd").decimalValue())
                .isEqualByComparingTo("19.65");

        // Someone else refunds most of the rest while the dialog is open.
        model.openRefund();
        RefundForm second = model.refundFormProperty().get();
        assertThat(second.amountProperty().get()).isEqualTo("0.35");
        second.reasonProperty().set("goodwill");
        TestResponse other = server.http().post("/v1/rentals/" + id() + "/refund", server.ownerKey(),
                "{\"amount_usd\": 0.30, \"reason\": \"by phone\"}");
        assertThat(other.status()).isEqualTo(201);

        second.submit();

        assertThat(model.refundFormProperty().get()).as("the dialog stays open").isSameAs(second);
        assertThat(second.amountError().get())
                .isEqualTo("Only $0.05 of this rental can still be refunded: part of it was refunded meanwhile.");
        assertThat(second.refundableProperty().get()).isEqualByComparingTo("0.05");
        assertThat(second.formError().get()).isEmpty();
        second.amountProperty().set("0.05");
        second.submit();
        assertThat(model.refundFormProperty().get()).isNull();
        assertThat(model.storyProperty().get().refundable()).isEqualByComparingTo("0");
        assertThat(model.storyProperty().get().fact("Refunded")).contains("$0.45 of $0.45");
    }

    @Test
    void aCodeIsCorrectedFromItsMessage() {
        search(id());
        StoryStep.CorrectCode message = (StoryStep.CorrectCode) model.storyProperty().get().steps().get(3).action().orElseThrow();
        model.openCorrection(message);
        CodeCorrectionForm form = model.correctionFormProperty().get();
        assertThat(form.text()).isEqualTo(SMS);
        assertThat(form.codeProperty().get()).isEqualTo("482913");

        form.submit();
        assertThat(form.codeError().get()).isEqualTo("This is the code it has now.");
        form.codeProperty().set("48 29");
        assertThat(form.codeError().get()).isEqualTo("A code is 3 to 12 letters, digits or dashes.");
        form.codeProperty().set(" 482914 ");
        assertThat(form.codeError().get()).isEmpty();

        form.submit();

        assertThat(model.correctionFormProperty().get()).isNull();
        assertThat(model.noticeProperty().get().text()).isEqualTo("The rental now shows 482914.");
        assertThat(model.storyProperty().get().fact("Code")).contains("482914");
        assertThat(model.storyProperty().get().steps().get(3).detail("Extracted code")).contains("482914");
        assertThat(model.results().get(0).code()).as("the list shows the rental as it is now").contains("482914");
    }

    @Test
    void aCustomersOwnAdminKeyReadsTheStoryButCannotCorrectOrRefund() {
        Session own = TestSessions.open(server, acme.adminKey(), UiExecutors.direct());
        try {
            SupportViewModel customer = new SupportViewModel(own);
            customer.load();
            customer.queryProperty().set(phone());
            customer.search();
            assertThat(customer.results()).hasSize(1);
            assertThat(customer.storyProperty().get().steps()).hasSize(5);
            assertThat(customer.ownerProperty().get()).isFalse();
            assertThat(customer.correctionBlocker().get()).isEqualTo(SupportViewModel.NOT_YOURS);

            customer.openRefund();
            customer.openCorrection((StoryStep.CorrectCode) customer.storyProperty().get().steps().get(3).action().orElseThrow());
            assertThat(customer.refundFormProperty().get()).isNull();
            assertThat(customer.correctionFormProperty().get()).isNull();
        } finally {
            own.close();
        }
    }
}
