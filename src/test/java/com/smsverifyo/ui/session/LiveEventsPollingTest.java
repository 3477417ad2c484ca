package com.smsverifyo.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.CodeReceived;
import com.smsverifyo.client.NewRental;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalStatus;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.common.UiExecutors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live feed's fallback when the server offers no event stream: polling the open rentals. */
class LiveEventsPollingTest {
    @TempDir
    Path dir;

    @Test
    void pollingTellsNewCodesOnceAndTheEndOfRentalsThatLeftTheOpenList() {
        try (TestServer server = TestServer.start(dir);
             SmsVerifyoClient client = SmsVerifyoClient.builder().baseUrl(server.baseUrl()).apiKey(server.ownerKey()).build();
             LiveEvents live = new LiveEvents(client, UiExecutors.direct())) {
            List<Rental> changed = new ArrayList<>();
            List<CodeReceived> codes = new ArrayList<>();
            live.addListener(new LiveListener() {
                @Override
                public void rentalsChanged(List<Rental> rentals) {
                    changed.addAll(rentals);
                }

                @Override
                public void codeArrived(CodeReceived code) {
                    codes.add(code);
                }
            });
            Rental old = client.rentals().create(NewRental.of("whatsapp", "US"));
            server.sms(old.phoneNumber(), "WhatsApp", "Your WhatsApp code: 654-321");

            // The first poll learns what there is: a code that was already there is not news.
            live.pollIfNeeded();
            assertThat(changed).extracting(Rental::id).contains(old.id());
            assertThat(codes).isEmpty();

            Rental fresh = client.rentals().create(NewRental.of("telegram", "US"));
            server.sms(fresh.phoneNumber(), "Telegram", "Telegram code 11122");
            live.pollIfNeeded();
            live.pollIfNeeded();
            assertThat(codes).extracting(CodeReceived::rentalId, CodeReceived::code).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(fresh.id(), "11122"));

            // Cancelled by another client: it leaves the open list, and its end is read once.
            Rental other = client.rentals().create(NewRental.of("google", "US"));
            live.pollIfNeeded();
            client.rentals().cancel(other.id());
            changed.clear();
            live.pollIfNeeded();
            assertThat(changed).filteredOn(rental -> rental.id().equals(other.id()))
                    .extracting(Rental::status).containsExactly(RentalStatus.CANCELLED);
            changed.clear();
            live.pollIfNeeded();
            assertThat(changed).extracting(Rental::id).doesNotContain(other.id());
        }
    }
}
