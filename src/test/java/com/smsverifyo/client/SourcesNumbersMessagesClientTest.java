package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources, the number pool and inbound SMS through the client against a real engine: typed
 * records, secrets masked, filters, SMS handed in and matched (or not), and the refusals.
 */
class SourcesNumbersMessagesClientTest {
    @TempDir
    static Path dir;
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        engine = new EngineFixture(TestServer.start(dir));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void theSimulatorIsListedWithItsHealthAndServesThePool() {
        List<SmsSource> sources = engine.owner.sources().list().stream().toList();
        SmsSource simulator = sources.stream().filter(s -> s.type().equals("simulator")).findFirst().orElseThrow();

        assertThat(simulator.id()).startsWith("src_");
        assertThat(simulator.enabled()).isTrue();
        assertThat(simulator.health().status()).isIn(SmsSource.Status.OK, SmsSource.Status.STARTING);
        assertThat(simulator.numbers()).isPositive();
        assertThat(engine.owner.sources().get(simulator.id())).isEqualTo(simulator);

        List<PoolNumber> us = engine.owner.numbers().list("US", simulator.id()).stream().toList();
        assertThat(us).isNotEmpty().allSatisfy(number -> {
            assertThat(number.country()).isEqualTo("US");
            assertThat(number.sourceId()).contains(simulator.id());
            assertThat(number.phoneNumber()).startsWith("+");
        });
        assertThat(engine.owner.numbers().list().stream().count()).isEqualTo(simulator.numbers());
    }

    @Test
    void aSourceWithASimNumberIsAddedMaskedDisabledAndRemoved() {
        SmsSource phones = engine.owner.sources().create("android-gateway", "Shop phones",
                Map.of("signing_key", "0123456789abcdef0123456789abcdef"));
        assertThat(phones.settings()).containsEntry("signing_key", "***");
        assertThat(phones.inboundUrl()).hasValueSatisfying(url -> assertThat(url).endsWith("/" + phones.id()));

        PoolNumber number = engine.owner.numbers().register(NewPoolNumber.of("+14155550142", "us", phones.id())
                .onDevice("ffffffffceb0b1db", 2));
        assertThat(number.country()).isEqualTo("US");
        assertThat(number.deviceId()).contains("ffffffffceb0b1db");
        assertThat(number.simNumber()).contains(2);
        assertThat(number.rentable()).isTrue();

        assertThat(engine.owner.sources().setEnabled(phones.id(), false).enabled()).isFalse();
        assertThat(engine.owner.numbers().list(null, phones.id()).stream().toList())
                .singleElement().satisfies(n -> assertThat(n.rentable()).isFalse());

        engine.owner.numbers().delete("+14155550142");
        assertThat(engine.owner.numbers().list(null, phones.id()).stream().toList()).isEmpty();
        engine.owner.sources().delete(phones.id());
        assertThatThrownBy(() -> engine.owner.sources().get(phones.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badNumbersAreRefusedFieldByField() {
        String source = engine.owner.sources().list().stream().findFirst().orElseThrow().id();
        assertThatThrownBy(() -> engine.owner.numbers().register(NewPoolNumber.of("+14155550199", "USA", source)))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).contains("country"));
    }

    @Test
    void anSmsHandedInFindsItsRentalOrStaysUnmatched() {
        Rental rental = engine.owner.rentals().create(NewRental.of("telegram", "GB"));

        InboundMessage matched = engine.owner.messages().receive(rental.phoneNumber(), "Telegram",
                "Telegram code: 51234");
        assertThat(matched.status()).isEqualTo(InboundMessage.Status.MATCHED);
        assertThat(matched.rentalId()).contains(rental.id());
        assertThat(matched.message().code()).contains("51234");
        assertThat(matched.phoneNumber()).isEqualTo(rental.phoneNumber());

        InboundMessage stray = engine.owner.messages().receive("+447700900999", null, "nobody rents me");
        assertThat(stray.status()).isEqualTo(InboundMessage.Status.UNMATCHED);
        assertThat(stray.rentalId()).isEmpty();

        assertThat(engine.owner.messages().list(MessageQuery.all().onlyUnmatched()).stream().toList())
                .extracting(m -> m.message().id()).contains(stray.message().id())
                .doesNotContain(matched.message().id());
        assertThat(engine.owner.messages().list(MessageQuery.all().to(rental.phoneNumber())).stream().toList())
                .singleElement().satisfies(m -> {
                    assertThat(m.status()).isEqualTo(InboundMessage.Status.MATCHED);
                    assertThat(m.rentalId()).contains(rental.id());
                    assertThat(m.message().text()).isEqualTo("Telegram code: 51234");
                });
        assertThatThrownBy(() -> engine.owner.messages().list(MessageQuery.all().to("not a phone")).stream().toList())
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aCustomersKeyMayNotSeeSourcesOrHandInSms() {
        EngineFixture.Customer customer = engine.customer("Nosy Co", "5", "admin", "rentals");
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            assertThatThrownBy(() -> client.messages().receive("+14155550100", null, "hi"))
                    .isInstanceOf(PermissionException.class);
            assertThatThrownBy(() -> client.messages().list().stream().toList())
                    .isInstanceOf(PermissionException.class);
        }
    }
}
