package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.TestServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a real engine in-process: the whole rental flow and the errors a program
 * branches on. One engine serves the whole class (starting one takes seconds); each test works on
 * its own rentals, keys and accounts and compares balances with its own baseline, so the order of
 * the tests does not matter.
 */
class ClientEngineTest {
    @TempDir
    static Path dir;
    static EngineFixture engine;
    static SmsVerifyoClient client;

    @BeforeAll
    static void start() {
        engine = new EngineFixture(dir);
        client = engine.owner;
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void theWholeRentalFlow() {
        ServiceOffer.CountryOffer us = client.services().list("whatsapp", "US").get(0).countries().get(0);
        BigDecimal balance = client.account().get().balance();

        Rental rental = client.rentals().create(NewRental.of("whatsapp", "US").maxPrice(us.price()));
        assertThat(rental.status()).isEqualTo(RentalStatus.WAITING);
        assertThat(rental.price()).isEqualByComparingTo(us.price());
        assertThat(rental.phoneNumber()).startsWith("+1");
        assertThat(client.account().get().balance()).isEqualByComparingTo(balance.subtract(us.price()));

        assertThat(engine.server.sms(rental.phoneNumber(), "WhatsApp", "Your WhatsApp code: 482-913").status()).isEqualTo(202);

        Rental received = client.rentals().get(rental.id());
        assertThat(received.status()).isEqualTo(RentalStatus.RECEIVED);
        assertThat(received.code()).contains("482913");
        assertThat(received.messages()).singleElement().satisfies(m -> assertThat(m.text()).contains("482-913"));
        assertThatThrownBy(() -> client.rentals().cancel(rental.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("rental_not_cancellable"));

        Rental retried = client.rentals().retry(rental.id());
        assertThat(retried.status()).isEqualTo(RentalStatus.WAITING);
        engine.server.sms(rental.phoneNumber(), "WhatsApp", "Your WhatsApp code: 111-222");
        assertThat(client.rentals().get(rental.id()).code()).contains("111222");

        Rental finished = client.rentals().finish(rental.id());
        assertThat(finished.status()).isEqualTo(RentalStatus.COMPLETED);
        assertThat(finished.endedAt()).isPresent();
    }

    @Test
    void cancelRefundsOnceAndReportCancelsToo() {
        BigDecimal balance = client.account().get().balance();
        Rental rental = client.rentals().create(NewRental.of("telegram", "GB"));

        Rental cancelled = client.rentals().cancel(rental.id());
        Rental again = client.rentals().cancel(rental.id());

        assertThat(cancelled.status()).isEqualTo(RentalStatus.CANCELLED);
        assertThat(cancelled.refunded()).isEqualByComparingTo(rental.price());
        assertThat(again).isEqualTo(cancelled);
        assertThat(client.account().get().balance()).isEqualByComparingTo(balance);
        assertThat(client.ledger().list(LedgerQuery.all()).stream().filter(e -> e.rentalId().equals(java.util.Optional.of(rental.id()))))
                .extracting(LedgerEntry::kind).containsExactlyInAnyOrder("charge", "refund");

        Rental reported = client.rentals().report(client.rentals().create(NewRental.of("telegram", "GB")).id());
        assertThat(reported.status()).isEqualTo(RentalStatus.CANCELLED);
    }

    @Test
    void awaitCodeThroughPolling() throws Exception {
        try (SmsVerifyoClient polling = engine.builder(engine.server.ownerKey()).useEventStream(false).build()) {
            Rental rental = polling.rentals().create(NewRental.of("google", "DE"));
            CompletableFuture<CodeResult> waiting = CompletableFuture.supplyAsync(() -> await(polling, rental.id()));

            engine.server.sms(rental.phoneNumber(), "Google", "G-204816 is your Google verification code.");

            CodeResult result = waiting.get(30, TimeUnit.SECONDS);
            assertThat(result.outcome()).isEqualTo(CodeResult.Outcome.CODE_RECEIVED);
            assertThat(result.code()).contains("204816");
            assertThat(result.source()).isEqualTo(WatchSource.POLLING);
        }
    }

    @Test
    void awaitCodeWithDefaultSettingsGetsTheCodeWhateverTheServerOffers() throws Exception {
        // The defaults: the engine's event stream, with polling behind it (LiveEventsEngineTest waits on the stream alone).
        Rental rental = client.rentals().create(NewRental.of("amazon", "US"));
        CompletableFuture<CodeResult> waiting = CompletableFuture.supplyAsync(() -> await(client, rental.id()));

        engine.server.sms(rental.phoneNumber(), "Amazon", "Your Amazon OTP is 771133.");

        assertThat(waiting.get(30, TimeUnit.SECONDS).code()).contains("771133");
    }

    @Test
    void awaitCodeEndsOnExpiry() throws Exception {
        Rental rental = client.rentals().create(NewRental.of("uber", "US"));
        engine.server.clock().advance(Duration.ofMinutes(21));
        engine.server.engine().expireDue();

        CodeResult result = client.awaitCode(rental.id(), Duration.ofSeconds(30));

        assertThat(result.outcome()).isEqualTo(CodeResult.Outcome.EXPIRED);
        assertThat(result.rental().refunded()).isEqualByComparingTo(rental.price());
    }

    @Test
    void aRetriedCreationWithTheSameKeyIsOneRentalAndOneCharge() {
        BigDecimal balance = client.account().get().balance();
        RequestOptions key = RequestOptions.idempotencyKey("order-2026-11-29-0001");

        ApiResponse<Rental> first = client.rentals().createWithResponse(NewRental.of("tiktok", "PL"), key);
        ApiResponse<Rental> again = client.rentals().createWithResponse(NewRental.of("tiktok", "PL"), key);

        assertThat(again.value()).isEqualTo(first.value());
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(first.rateLimit()).hasValueSatisfying(l -> assertThat(l.quota()).contains(60));
        assertThat(client.account().get().balance()).isEqualByComparingTo(balance.subtract(first.value().price()));
        assertThatThrownBy(() -> client.rentals().create(NewRental.of("tiktok", "NL"), key))
                .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> assertThat(e.reused()).isTrue());
    }

    @Test
    void refusalsArriveAsTheTypesProgramsBranchOn() {
        assertThatThrownBy(() -> client.rentals().create(NewRental.of("myspace", "US")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("unknown_service"));
        assertThatThrownBy(() -> client.rentals().create(NewRental.of("whatsapp", "USA")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("country"));
        assertThatThrownBy(() -> client.rentals().create(NewRental.of("whatsapp", "US").maxPrice(new BigDecimal("0.01"))))
                .isInstanceOfSatisfying(MaxPriceExceededException.class, e -> {
                    assertThat(e.maxPrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.01"));
                    assertThat(e.price()).hasValueSatisfying(p -> assertThat(p).isGreaterThan(new BigDecimal("0.01")));
                });
        assertThatThrownBy(() -> client.rentals().get("rnt_doesnotexist")).isInstanceOf(NotFoundException.class);

        Account customer = client.accounts().create(new NewAccount("Broke Ltd", null));
        String customerKey = client.keys().create(NewApiKey.of("broke", "rentals").forAccount(customer.id())).secret();
        try (SmsVerifyoClient broke = engine.client(customerKey)) {
            assertThatThrownBy(() -> broke.rentals().create(NewRental.of("whatsapp", "US")))
                    .isInstanceOfSatisfying(InsufficientBalanceException.class, e -> {
                        assertThat(e.balance()).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("0"));
                        assertThat(e.price()).isPresent();
                    });
            assertThatThrownBy(() -> broke.keys().list().firstPage()).isInstanceOf(PermissionException.class);
            Rental ownersRental = client.rentals().create(NewRental.of("discord", "US"));
            assertThatThrownBy(() -> broke.rentals().get(ownersRental.id())).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void noNumbersAvailableWhenThePoolIsEmpty(@TempDir Path small) {
        try (TestServer tiny = TestServer.start(small, new MutableClock(TestServer.START), Duration.ofMinutes(20), 1);
             EngineFixture fixture = new EngineFixture(tiny)) {
            fixture.owner.rentals().create(NewRental.of("whatsapp", "US"));
            assertThatThrownBy(() -> fixture.owner.rentals().create(NewRental.of("whatsapp", "US")))
                    .isInstanceOf(NoNumbersAvailableException.class);
        }
    }

    @Test
    void keysAreCreatedListedLimitedAndRevoked() {
        CreatedApiKey created = client.keys().create(NewApiKey.of("worker", "rentals").rateLimitPerMinute(120)
                .dailySpendCap(new BigDecimal("5")));
        assertThat(created.apiKey().prefix()).isNotBlank();
        assertThat(created.secret()).startsWith(created.apiKey().prefix().replace("…", ""));
        assertThat(client.keys().list().stream().map(ApiKey::id)).contains(created.apiKey().id());

        ApiKey updated = client.keys().update(created.apiKey().id(), KeyUpdate.none().rateLimitPerMinute(240).withoutDailySpendCap());
        assertThat(updated.rateLimitPerMinute()).isEqualTo(240);
        assertThat(updated.dailySpendCap()).isEmpty();

        try (SmsVerifyoClient worker = engine.client(created.secret())) {
            assertThat(worker.account().get().id()).isEqualTo(client.account().get().id());
            ApiKey revoked = client.keys().revoke(created.apiKey().id());
            assertThat(revoked.isRevoked()).isTrue();
            assertThat(revoked.revokedAt()).isPresent();
            assertThatThrownBy(() -> worker.account().get()).isInstanceOfSatisfying(AuthenticationException.class,
                    e -> assertThat(e.getMessage()).doesNotContain(created.secret()));
        }
    }

    @Test
    void customersCreditsLedgerAndTheAlertThreshold() {
        Account customer = client.accounts().create(new NewAccount("Acme QA", "reseller"));
        assertThat(customer.parentId()).contains(client.account().get().id());
        LedgerEntry credit = client.credits().add(customer.id(), new BigDecimal("12.5"), "first top-up",
                RequestOptions.idempotencyKey("topup-acme-1"));
        LedgerEntry replay = client.credits().add(customer.id(), new BigDecimal("12.5"), "first top-up",
                RequestOptions.idempotencyKey("topup-acme-1"));

        assertThat(replay).isEqualTo(credit);
        assertThat(client.accounts().get(customer.id()).balance()).isEqualByComparingTo("12.5");
        assertThat(client.ledger().list(LedgerQuery.all().account(customer.id())).stream().toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("credit");
                    assertThat(e.note()).contains("first top-up");
                    assertThat(e.balanceAfter()).isEqualByComparingTo("12.5");
                });
        assertThat(client.accounts().list().stream().map(Account::id)).contains(customer.id());

        String customerKey = client.keys().create(NewApiKey.of("acme bot", "rentals").forAccount(customer.id())).secret();
        try (SmsVerifyoClient acme = engine.client(customerKey)) {
            Rental rental = acme.rentals().create(NewRental.of("telegram", "GB"));
            Account self = acme.account().get();
            assertThat(self.parentId()).as("a customer never sees its parent (white label)").isEmpty();
            assertThat(self.spentToday()).isEqualByComparingTo(rental.price());
            assertThat(self.spent30d()).isEqualByComparingTo(rental.price());
            Account fromAbove = client.accounts().get(customer.id());
            assertThat(fromAbove.parentId()).contains(client.account().get().id());
            assertThat(fromAbove.spent30d()).isEqualByComparingTo(rental.price());
        }
        assertThat(client.accounts().update(customer.id(), AccountUpdate.none().suspend()).isActive()).isFalse();

        assertThat(client.account().setAlertThreshold(new BigDecimal("10")).alertThreshold())
                .hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("10"));
        assertThat(client.account().setAlertThreshold(null).alertThreshold()).isEmpty();
        assertThat(client.health().status()).isEqualTo("ok");
    }

    @Test
    void rentalsListWithFiltersAndTheServicesCatalog() {
        List<ServiceOffer> services = client.services().list();
        assertThat(services).extracting(ServiceOffer::service).contains("whatsapp", "telegram");
        Rental waiting = client.rentals().create(NewRental.of("discord", "IN"));
        Rental cancelled = client.rentals().cancel(client.rentals().create(NewRental.of("discord", "IN")).id());
        RentalQuery discordInIndia = RentalQuery.all().service("discord").country("IN");

        assertThat(client.rentals().list(discordInIndia.status(RentalStatus.CANCELLED)).stream().map(Rental::id))
                .containsExactly(cancelled.id());
        assertThat(client.rentals().list(discordInIndia).stream().map(Rental::id)).containsExactly(cancelled.id(), waiting.id());
        assertThat(client.rentals().list(RentalQuery.all().phone(cancelled.phoneNumber())).stream().map(Rental::id))
                .contains(cancelled.id());
    }

    private static CodeResult await(SmsVerifyoClient client, String id) {
        try {
            return client.awaitCode(id, Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
