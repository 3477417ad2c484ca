package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.Receiver;
import com.smsverifyo.testing.TestServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Support through the client against a real engine: a rental's story read as typed records (its
 * webhook attempts delivered to a receiver on loopback), the searches support makes across every
 * customer, code corrections and refunds with their refusals. Each test is a customer of its own.
 */
class SupportClientTest {
    @TempDir
    static Path dir;
    static EngineFixture engine;
    static Receiver receiver;

    @BeforeAll
    static void start() {
        receiver = Receiver.start();
        engine = new EngineFixture(TestServer.start(dir, new MutableClock(TestServer.START), TestServer.loopbackWebhooks()));
    }

    @AfterAll
    static void stop() {
        engine.close();
        receiver.close();
    }

    @Test
    void theStoryIsTypedWithEveryStepInOrderAndItsWebhookAttempts() {
        EngineFixture.Customer customer = engine.customer("Story Co", "10", "admin", "rentals");
        engine.owner.webhooks().create(NewWebhook.of(receiver.url("/story"), Event.RENTAL_CODE_RECEIVED)
                .forAccount(customer.accountId()));
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            Rental rental = client.rentals().create(NewRental.of("whatsapp", "US"));
            engine.server.sms(rental.phoneNumber(), "WhatsApp", "Your WhatsApp code: 482-913");
            receiver.await("/story", 1);
            Await.until("the attempt is recorded", () -> engine.owner.support().timeline(rental.id()).timeline().stream()
                    .anyMatch(e -> e.type() == TimelineEntry.Type.WEBHOOK_ATTEMPT));

            RentalStory story = engine.owner.support().timeline(rental.id());

            assertThat(story.rental().id()).isEqualTo(rental.id());
            assertThat(story.key()).hasValueSatisfying(key -> assertThat(key.name()).isEqualTo("Story Co"));
            assertThat(story.timeline()).extracting(TimelineEntry::type).containsExactly(TimelineEntry.Type.CREATED,
                    TimelineEntry.Type.NUMBER_ASSIGNED, TimelineEntry.Type.LEDGER, TimelineEntry.Type.MESSAGE,
                    TimelineEntry.Type.WEBHOOK_ATTEMPT);
            assertThat(story.timeline()).extracting(TimelineEntry::at).isSorted();
            TimelineEntry message = story.timeline().get(3);
            assertThat(message.text("text")).contains("Your WhatsApp code: 482-913");
            assertThat(message.text("code")).contains("482913");
            assertThat(message.text("message_id")).contains(story.rental().messages().get(0).id());
            assertThat(message.flag("late")).isFalse();
            TimelineEntry attempt = story.timeline().get(4);
            assertThat(attempt.summary()).contains("rental.code_received", "HTTP 200");
            assertThat(attempt.decimal("status_code")).hasValueSatisfying(code -> assertThat(code).isEqualByComparingTo("200"));
            assertThat(attempt.decimal("latency_ms")).isPresent();
            assertThat(attempt.details()).containsKey("error").containsEntry("error", null);
            TimelineEntry charge = story.timeline().get(2);
            assertThat(charge.text("kind")).contains("charge");
            assertThat(charge.decimal("amount_usd")).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("-0.45"));
            assertThat(story.ledger()).singleElement().satisfies(entry -> assertThat(entry.kind()).isEqualTo("charge"));
            assertThat(story.deliveries()).singleElement().satisfies(d -> {
                assertThat(d.messageId()).isEqualTo(attempt.text("message_id").orElseThrow());
                assertThat(d.webhookId()).isEqualTo(attempt.text("webhook_id").orElseThrow());
            });
            assertThat(story.refundedTotal()).isEqualByComparingTo("0");
            assertThat(story.refundable()).isEqualByComparingTo("0.45");

            // The customer's own admin key reads the story too; another customer's is told it does not exist.
            assertThat(client.support().timeline(rental.id()).timeline()).hasSize(5);
            EngineFixture.Customer stranger = engine.customer("Story Stranger", null, "admin");
            try (SmsVerifyoClient other = engine.client(stranger.key())) {
                assertThatThrownBy(() -> other.support().timeline(rental.id())).isInstanceOf(NotFoundException.class);
            }
        }
    }

    @Test
    void findsRentalsByCodeKeyAndPhoneAcrossEveryCustomer() {
        EngineFixture.Customer customer = engine.customer("Search Co", "10", "rentals");
        String keyId;
        Rental coded;
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            coded = client.rentals().create(NewRental.of("google", "GB"));
            client.rentals().create(NewRental.of("google", "GB"));
            keyId = engine.owner.keys().list(customer.accountId()).stream().findFirst().orElseThrow().id();
        }
        engine.server.sms(coded.phoneNumber(), "Google", "G-771245 is your Google verification code.");

        assertThat(engine.owner.rentals().list(RentalQuery.all().allAccounts().code("771245")).stream().map(Rental::id))
                .containsExactly(coded.id());
        assertThat(engine.owner.rentals().list(RentalQuery.all().code("771245")).stream())
                .as("without account=all, only the owner's own rentals").isEmpty();
        assertThat(engine.owner.rentals().list(RentalQuery.all().allAccounts().key(keyId)).stream())
                .hasSize(2).allSatisfy(r -> assertThat(r.accountId()).isEqualTo(customer.accountId()));
        assertThat(engine.owner.rentals().list(RentalQuery.all().allAccounts().phone(coded.phoneNumber())).stream()
                .map(Rental::id)).contains(coded.id());
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            assertThatThrownBy(() -> client.rentals().list(RentalQuery.all().allAccounts()).firstPage())
                    .as("all accounts is for admin keys").isInstanceOf(PermissionException.class);
        }
    }

    @Test
    void correctsACodeAndRefundsWithAReasonNeverBeyondThePrice() {
        EngineFixture.Customer customer = engine.customer("Refund Co", "10", "admin", "rentals");
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            Rental rental = client.rentals().create(NewRental.of("uber", "US"));
            assertThat(rental.price()).isEqualByComparingTo("0.20");
            engine.server.sms(rental.phoneNumber(), "Uber", "Your Uber code: 1234. Ref 99887766");
            String messageId = client.rentals().get(rental.id()).messages().get(0).id();

            assertThatThrownBy(() -> client.support().correctCode(rental.id(), messageId, "4321"))
                    .as("a customer never corrects its own rentals").isInstanceOf(PermissionException.class);
            assertThatThrownBy(() -> engine.owner.support().correctCode(rental.id(), messageId, "4 3"))
                    .isInstanceOf(ValidationException.class);
            Rental corrected = engine.owner.support().correctCode(rental.id(), messageId, "4321");
            assertThat(corrected.code()).contains("4321");
            assertThat(corrected.messages().get(0).code()).contains("4321");

            LedgerEntry part = engine.owner.support().refund(rental.id(), Optional.of(new BigDecimal("0.05")), "code arrived late");
            assertThat(part.kind()).isEqualTo("adjustment");
            assertThat(part.amount()).isEqualByComparingTo("0.05");
            assertThat(part.note()).contains("refund: code arrived late");
            assertThat(part.rentalId()).contains(rental.id());

            assertThatThrownBy(() -> engine.owner.support().refund(rental.id(), Optional.of(new BigDecimal("0.20")), "again"))
                    .isInstanceOfSatisfying(ConflictException.class, refused -> {
                        assertThat(refused.code()).isEqualTo("conflict");
                        assertThat(refused.problem().decimal("refundable_usd"))
                                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.15"));
                    });
            assertThatThrownBy(() -> engine.owner.support().refund(rental.id(), Optional.empty(), " "))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> client.support().refund(rental.id(), Optional.empty(), "mine"))
                    .isInstanceOf(PermissionException.class);

            LedgerEntry rest = engine.owner.support().refund(rental.id(), Optional.empty(), "goodwill");
            assertThat(rest.amount()).isEqualByComparingTo("0.15");
            RentalStory story = engine.owner.support().timeline(rental.id());
            assertThat(story.refundedTotal()).isEqualByComparingTo("0.20");
            assertThat(story.refundable()).isEqualByComparingTo("0");
            assertThat(story.timeline().stream().filter(e -> e.type() == TimelineEntry.Type.LEDGER).map(TimelineEntry::summary))
                    .anySatisfy(summary -> assertThat(summary).contains("goodwill"));
            assertThat(client.account().get().balance()).isEqualByComparingTo("10");
        }
    }
}
