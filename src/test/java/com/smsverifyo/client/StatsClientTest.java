package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsverifyo.testing.TestServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code client.stats()} against a real engine: the figures as records, a customer's, and refusals. */
class StatsClientTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFiguresOfTheOwnAccountAndOfACustomer() {
        try (EngineFixture engine = new EngineFixture(dir)) {
            SmsVerifyoClient client = engine.owner;
            Rental rental = client.rentals().create(NewRental.of("whatsapp", "US"));
            engine.server.sms(rental.phoneNumber(), "WhatsApp", "Your WhatsApp code: 482-913");
            Rental other = client.rentals().create(NewRental.of("telegram", "US"));
            client.rentals().cancel(other.id());

            Stats day = client.stats().get(StatsWindow.LAST_24_HOURS);
            assertThat(day.window()).isEqualTo(StatsWindow.LAST_24_HOURS);
            assertThat(day.generatedAt()).isEqualTo(TestServer.START);
            assertThat(day.balance()).isEqualByComparingTo(new BigDecimal("100").subtract(rental.price()));
            assertThat(day.alertThreshold()).isEmpty();
            assertThat(day.belowThreshold()).isFalse();
            assertThat(day.spentToday()).isEqualByComparingTo(rental.price());
            assertThat(day.activeRentals()).isEqualTo(1);
            assertThat(day.codesLastHour()).isEqualTo(1);
            assertThat(day.successByService()).extracting(Stats.ServiceSuccess::name, Stats.ServiceSuccess::received,
                    Stats.ServiceSuccess::ended).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("WhatsApp", 1, 1), org.assertj.core.groups.Tuple.tuple("Telegram", 0, 1));
            assertThat(day.successByService().get(0).rate()).isEqualByComparingTo("1");
            assertThat(day.series()).hasSize(24);
            Stats.Bucket now = day.series().get(23);
            assertThat(now.start()).isEqualTo(TestServer.START);
            assertThat(now.spend()).isEqualByComparingTo(rental.price());
            assertThat(now.codes()).isEqualTo(1);
            assertThat(now.balance()).isEqualByComparingTo(day.balance());

            client.account().setAlertThreshold(new BigDecimal("150"));
            Stats week = client.stats().get(StatsWindow.LAST_7_DAYS);
            assertThat(week.series()).hasSize(7);
            assertThat(week.alertThreshold()).contains(new BigDecimal("150"));
            assertThat(week.belowThreshold()).isTrue();

            Account customer = client.accounts().create(new NewAccount("Customer", null));
            client.credits().add(customer.id(), new BigDecimal("5"), "start");
            Stats theirs = client.stats().get(StatsWindow.LAST_24_HOURS, customer.id());
            assertThat(theirs.accountId()).isEqualTo(customer.id());
            assertThat(theirs.balance()).isEqualByComparingTo("5");
            assertThat(theirs.activeRentals()).isZero();
            assertThat(theirs.successByService()).isEmpty();

            assertThatThrownBy(() -> client.stats().get(StatsWindow.LAST_24_HOURS, "acc_nobody"))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
