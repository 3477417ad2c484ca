package com.smsverifyo.ui.rentals;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.CodeReceived;
import com.smsverifyo.client.NewRental;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalStatus;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.testing.MutableClock;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.session.Session;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Rentals view-model against a real engine through the real client, run synchronously
 * ({@link UiExecutors#direct()}; live updates applied at once instead of at the next frame).
 */
class RentalsViewModelTest {
    @TempDir
    Path dir;
    TestServer server;
    SmsVerifyoClient client;
    Session session;
    MutableClock uiClock;
    Recorded feedback;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
        client = SmsVerifyoClient.builder().baseUrl(server.baseUrl()).apiKey(server.ownerKey()).build();
        session = new Session(client, Session.Kind.EMBEDDED, "test", server.baseUrl(), UiExecutors.direct());
        uiClock = new MutableClock(TestServer.START);
        feedback = new Recorded();
    }

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    private RentalsViewModel model(int pageSize) {
        RentalsViewModel model = new RentalsViewModel(session, feedback, uiClock, Runnable::run, pageSize);
        model.start();
        return model;
    }

    private Rental rent(String service, String country) {
        return client.rentals().create(NewRental.of(service, country));
    }

    /** Hands in an SMS with a code and returns the rental as it is then. */
    private Rental receiveCode(Rental rental, String code) {
        server.sms(rental.phoneNumber(), "WhatsApp", "Your WhatsApp code: " + code.substring(0, 3) + "-" + code.substring(3));
        return client.rentals().get(rental.id());
    }

    private static List<String> ids(List<RentalItem> rows) {
        return rows.stream().map(RentalItem::id).toList();
    }

    private static Rental row(RentalsViewModel model, int index) {
        return model.rows().get(index).get();
    }

    @Test
    void showsTheNewestFirstAndFiltersOnTheServer() {
        Rental first = rent("whatsapp", "US");
        Rental second = rent("telegram", "US");
        Rental third = rent("whatsapp", "GB");
        client.rentals().cancel(second.id());
        RentalsViewModel model = model(200);

        assertThat(ids(model.rows())).containsExactly(third.id(), second.id(), first.id());
        assertThat(model.summaryProperty().get()).isEqualTo("3 rentals");

        model.serviceProperty().set("whatsapp");
        assertThat(ids(model.rows())).containsExactly(third.id(), first.id());
        model.countryProperty().set("GB");
        assertThat(ids(model.rows())).containsExactly(third.id());
        model.statusProperty().set(RentalStatus.CANCELLED);
        assertThat(model.rows()).isEmpty();
        assertThat(model.emptyTextProperty().get()).isEqualTo("No rentals match these filters.");

        model.clearFilters();
        assertThat(ids(model.rows())).containsExactly(third.id(), second.id(), first.id());
        model.statusProperty().set(RentalStatus.CANCELLED);
        assertThat(ids(model.rows())).containsExactly(second.id());
        assertThat(model.serviceChoices()).extracting(RentalsViewModel.Choice::label).contains("All services", "WhatsApp");
        assertThat(model.serviceName("whatsapp")).isEqualTo("WhatsApp");
    }

    @Test
    void pagesOlderRentalsInAndFindsWholeNumbersAndIdsOnTheServer() {
        Rental oldest = rent("whatsapp", "US");
        Rental middle = rent("telegram", "DE");
        Rental newest = rent("google", "FR");
        RentalsViewModel model = model(2);
        assertThat(ids(model.rows())).containsExactly(newest.id(), middle.id());
        assertThat(model.hasMoreProperty().get()).isTrue();
        assertThat(model.summaryProperty().get()).isEqualTo("2 rentals · older ones on the server");

        // Not loaded, yet found: the whole number is looked up on the server.
        String typed = PhoneNumbers.display(oldest.phoneNumber());
        model.searchProperty().set(typed);
        assertThat(ids(model.rows())).containsExactly(oldest.id());
        assertThat(model.searchHintProperty().get()).contains("on the server");

        model.searchProperty().set(oldest.id());
        assertThat(ids(model.rows())).containsExactly(oldest.id());
        model.searchProperty().set("rnt_00000000000000000000000000");
        assertThat(model.rows()).isEmpty();

        model.searchProperty().set("");
        assertThat(ids(model.rows())).containsExactly(newest.id(), middle.id());
        model.loadMore();
        assertThat(ids(model.rows())).containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(model.hasMoreProperty().get()).isFalse();
    }

    @Test
    void otherTextFiltersTheLoadedRowsHere() {
        Rental one = rent("whatsapp", "US");
        Rental two = rent("telegram", "US");
        Rental coded = receiveCode(rent("whatsapp", "GB"), "734912");
        RentalsViewModel model = model(200);

        model.searchProperty().set(two.id().substring(two.id().length() - 8).toLowerCase());
        assertThat(ids(model.rows())).containsExactly(two.id());
        assertThat(model.summaryProperty().get()).isEqualTo("1 of 3 loaded rentals match");
        assertThat(model.searchHintProperty().get()).startsWith("Searching the loaded rentals");

        model.searchProperty().set("7349");
        assertThat(ids(model.rows())).containsExactly(coded.id());

        String digits = one.phoneNumber().substring(one.phoneNumber().length() - 7);
        model.searchProperty().set(digits.substring(0, 3) + " " + digits.substring(3));
        assertThat(ids(model.rows())).contains(one.id()).doesNotContain(coded.id());
    }

    @Test
    void liveBatchesReplaceRowsInPlaceAddNewOnesOnTopAndDropRowsThatNoLongerMatch() {
        Rental older = rent("whatsapp", "US");
        Rental newer = rent("whatsapp", "US");
        RentalsViewModel model = model(200);
        model.statusProperty().set(RentalStatus.WAITING);
        assertThat(ids(model.rows())).containsExactly(newer.id(), older.id());
        List<String> changes = new ArrayList<>();
        model.rows().addListener((ListChangeListener<RentalItem>) change -> {
            while (change.next()) {
                changes.add(change.wasReplaced() ? "replaced " + change.getFrom()
                        : change.wasAdded() ? "added " + change.getFrom() : change.wasRemoved() ? "removed " + change.getFrom()
                        : "other");
            }
        });

        // A message without a code: same state, new message. The row takes it in place: the list
        // itself does not change (so the table's selection stays, and no list-wide work is done).
        RentalItem olderRow = model.rows().get(1);
        server.sms(older.phoneNumber(), "WhatsApp", "Hello from WhatsApp");
        Rental withMessage = client.rentals().get(older.id());
        session.live().publish(withMessage);
        assertThat(changes).isEmpty();
        assertThat(model.rows().get(1)).isSameAs(olderRow);
        assertThat(olderRow.get()).isSameAs(withMessage);
        assertThat(withMessage.messages()).hasSize(1);

        // A new rental that passes the filter goes on top; one of another state stays out.
        changes.clear();
        Rental fresh = rent("telegram", "US");
        Rental cancelled = client.rentals().cancel(rent("google", "US").id());
        session.live().publish(fresh);
        session.live().publish(cancelled);
        assertThat(changes).containsExactly("added 0");
        assertThat(ids(model.rows())).containsExactly(fresh.id(), newer.id(), older.id());

        // A code arrives: the rental is no longer waiting, so it leaves this filtered view.
        changes.clear();
        session.live().publish(receiveCode(newer, "123456"));
        assertThat(changes).containsExactly("removed 1");
        assertThat(ids(model.rows())).containsExactly(fresh.id(), older.id());

        // Without the filter it is back, with its code, and later updates still find their rows.
        model.statusProperty().set(null);
        assertThat(ids(model.rows())).containsExactly(cancelled.id(), fresh.id(), newer.id(), older.id());
        assertThat(row(model, 2).code()).contains("123456");
        changes.clear();
        Rental cancelledOlder = client.rentals().cancel(older.id());
        session.live().publish(cancelledOlder);
        assertThat(row(model, 3)).isSameAs(cancelledOlder);
        assertThat(changes).isEmpty();
    }

    @Test
    void newRowsWaitWhileTheTableIsScrolledDownAndGoInWhenItIsBackAtTheTop() {
        Rental first = rent("whatsapp", "US");
        RentalsViewModel model = model(200);
        model.statusProperty().set(RentalStatus.WAITING);
        model.atTopProperty().set(false);

        Rental later = rent("telegram", "US");
        Rental latest = rent("google", "US");
        session.live().publish(later);
        session.live().publish(latest);
        assertThat(ids(model.rows())).containsExactly(first.id());
        assertThat(model.heldBackProperty().get()).isEqualTo(2);

        // A held row that stops passing the filter is dropped from the waiting ones too.
        session.live().publish(client.rentals().cancel(latest.id()));
        assertThat(model.heldBackProperty().get()).isEqualTo(1);

        model.atTopProperty().set(true);
        assertThat(ids(model.rows())).containsExactly(later.id(), first.id());
        assertThat(model.heldBackProperty().get()).isZero();
        assertThat(model.loadedCount()).isEqualTo(2);
    }

    @Test
    void aSortedTableKeepsItsOrderForNewRows() {
        Rental google = rent("google", "US");
        Rental whatsapp = rent("whatsapp", "US");
        RentalsViewModel model = model(200);
        model.sort(java.util.Comparator.comparing(Rental::service));
        assertThat(ids(model.rows())).containsExactly(google.id(), whatsapp.id());

        Rental telegram = rent("telegram", "US");
        session.live().publish(telegram);
        assertThat(ids(model.rows())).containsExactly(google.id(), telegram.id(), whatsapp.id());
        Rental cancelled = client.rentals().cancel(whatsapp.id());
        session.live().publish(cancelled);
        assertThat(row(model, 2)).isSameAs(cancelled);

        model.sort(null);
        assertThat(ids(model.rows())).containsExactly(telegram.id(), whatsapp.id(), google.id());
    }

    @Test
    void theCountdownFollowsTheSharedClock() {
        Rental rental = rent("whatsapp", "US"); // created at START, expires 20 minutes later
        RentalsViewModel model = model(200);

        uiClock.set(TestServer.START.plus(Duration.ofMinutes(5)));
        model.tick();
        Countdown running = model.countdown(rental);
        assertThat(running.text()).isEqualTo("15:00");
        assertThat(running.progress()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(running.phase()).isEqualTo(Countdown.Phase.RUNNING);

        uiClock.set(TestServer.START.plus(Duration.ofMinutes(18).plusSeconds(30)));
        model.tick();
        assertThat(model.countdown(rental)).isEqualTo(new Countdown("1:30", 0.075, Countdown.Phase.ENDING));

        uiClock.set(TestServer.START.plus(Duration.ofMinutes(21)));
        model.tick();
        assertThat(model.countdown(rental)).isEqualTo(new Countdown("0:00", 0, Countdown.Phase.OVER));
        assertThat(model.countdown(client.rentals().cancel(rental.id())).phase()).isEqualTo(Countdown.Phase.ENDED);
        assertThat(model.nowProperty().get()).isEqualTo(TestServer.START.plus(Duration.ofMinutes(21)));
    }

    @Test
    void copyingGivesTheCodeOrSaysThereIsNoneYet() {
        Rental waiting = rent("whatsapp", "US");
        Rental received = receiveCode(rent("whatsapp", "US"), "482913");
        RentalsViewModel model = model(200);

        model.actions().copyCode(received);
        model.actions().copyCode(waiting);
        model.actions().copyNumber(waiting);

        assertThat(feedback.copies).containsExactly("code 482913", "number " + waiting.phoneNumber());
        assertThat(feedback.told).containsExactly("No code yet: No code has arrived on "
                + PhoneNumbers.display(waiting.phoneNumber()) + " yet.");
    }

    @Test
    void refusedActionsAreToldInWordsAndChangeNothing() {
        Rental received = receiveCode(rent("whatsapp", "US"), "111222");
        Rental waiting = rent("whatsapp", "US");
        RentalsViewModel model = model(200);

        assertThat(model.actions().cancel(received)).isCompletedExceptionally();
        assertThat(model.actions().finish(waiting)).isCompletedExceptionally();
        assertThat(model.actions().retry(waiting)).isCompletedExceptionally();
        assertThat(model.actions().report(received)).isCompletedExceptionally();

        String number = PhoneNumbers.display(received.phoneNumber());
        assertThat(feedback.refused).containsExactly(
                "Could not cancel " + number + ": A code already arrived on this rental; it can be finished, not cancelled.",
                "Could not finish " + PhoneNumbers.display(waiting.phoneNumber())
                        + ": No code has arrived yet; cancel the rental instead for a full refund.",
                "Could not ask again on " + PhoneNumbers.display(waiting.phoneNumber())
                        + ": Only a rental in state 'received' can ask for another SMS; this one is waiting.",
                "Could not report " + number + ": A code already arrived on this rental; it cannot be reported any more.");
        assertThat(model.rows()).extracting(item -> item.get().status()).containsExactly(RentalStatus.WAITING, RentalStatus.RECEIVED);
        assertThat(RentalActions.canCancel(received)).isFalse();
        assertThat(RentalActions.canFinish(received)).isTrue();
    }

    @Test
    void actionsUpdateTheRowAtOnceAndRefund() {
        Rental waiting = rent("whatsapp", "US");
        Rental received = receiveCode(rent("whatsapp", "US"), "555111");
        RentalsViewModel model = model(200);
        model.select(row(model, 1));
        BigDecimal before = client.account().get().balance();

        assertThat(model.actions().cancel(waiting)).isCompleted();
        assertThat(row(model, 1).status()).isEqualTo(RentalStatus.CANCELLED);
        assertThat(model.selectedProperty().get().status()).isEqualTo(RentalStatus.CANCELLED);
        assertThat(client.account().get().balance()).isEqualByComparingTo(before.add(waiting.price()));
        assertThat(feedback.told).containsExactly("Cancelled: " + PhoneNumbers.display(waiting.phoneNumber())
                + " is released; $0.45 refunded.");

        model.actions().retry(received);
        assertThat(row(model, 0).status()).isEqualTo(RentalStatus.WAITING);
        model.actions().finish(row(model, 0));
        assertThat(row(model, 0).status()).isEqualTo(RentalStatus.COMPLETED);
        assertThat(feedback.refused).isEmpty();
    }

    @Test
    void aCodeFlashesItsRowForAMoment() {
        Rental rental = rent("whatsapp", "US");
        RentalsViewModel model = model(200);
        model.codeArrived(new CodeReceived(rental.id(), "123456", TestServer.START, rental.phoneNumber(), "whatsapp", "US",
                Optional.empty()));
        assertThat(model.flashing()).containsExactly(rental.id());

        uiClock.advance(Duration.ofMillis(1000));
        model.tick();
        assertThat(model.flashing()).containsExactly(rental.id());
        assertThat(model.flashAge(rental.id())).contains(Duration.ofMillis(1000));
        uiClock.advance(RentalsViewModel.FLASH);
        model.tick();
        assertThat(model.flashing()).isEmpty();
    }

    @Test
    void theTimelineTellsTheStoryFromTheRentalsFields() {
        Rental received = receiveCode(rent("whatsapp", "US"), "246810");
        server.clock().advance(Duration.ofMinutes(3));
        Rental finished = client.rentals().finish(received.id());
        List<TimelineEntry> story = RentalTimeline.of(finished, code -> code.equals("whatsapp") ? "WhatsApp" : code);
        assertThat(story).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.CREATED,
                TimelineEntry.Kind.NUMBER, TimelineEntry.Kind.CODE, TimelineEntry.Kind.COMPLETED);
        assertThat(story.get(0).title()).isEqualTo("Rented for $0.45");
        assertThat(story.get(0).detail()).isEqualTo("WhatsApp · US · any carrier");
        assertThat(story.get(2).title()).isEqualTo("Code 246810 from WhatsApp");
        assertThat(story.get(3).detail()).isEqualTo("$0.45 charged");
        assertThat(story.get(3).at()).isEqualTo(TestServer.START.plus(Duration.ofMinutes(3)));

        Rental cancelled = client.rentals().cancel(rent("whatsapp", "US").id());
        assertThat(RentalTimeline.of(cancelled, code -> code)).last()
                .isEqualTo(new TimelineEntry(TestServer.START.plus(Duration.ofMinutes(3)), TimelineEntry.Kind.CANCELLED,
                        "Cancelled", "Refunded $0.45"));
        Rental open = rent("whatsapp", "US");
        assertThat(RentalTimeline.of(open, code -> code)).last().extracting(TimelineEntry::kind)
                .isEqualTo(TimelineEntry.Kind.EXPIRES);
    }

    /** What the page would have shown or copied. */
    static final class Recorded implements RentalFeedback {
        final List<String> refused = new ArrayList<>();
        final List<String> told = new ArrayList<>();
        final List<String> copies = new ArrayList<>();

        @Override
        public void refused(String title, String words) {
            refused.add(title + ": " + words);
        }

        @Override
        public void told(String title, String words) {
            told.add(title + ": " + words);
        }

        @Override
        public void copy(String what, String text) {
            copies.add(what + " " + text);
        }
    }
}
