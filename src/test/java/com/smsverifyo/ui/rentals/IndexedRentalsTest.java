package com.smsverifyo.ui.rentals;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.client.Carrier;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The id → row index stays right through every kind of change, checked against a plain list. */
class IndexedRentalsTest {
    private final Random ids = new Random(11);

    /** A rental with a random id, so new rows land anywhere in the order, not only on top. */
    private RentalItem item() {
        String id = String.format(Locale.ROOT, "rnt_%026d", ids.nextLong() & Long.MAX_VALUE);
        return new RentalItem(new Rental(id, "acc_1", "whatsapp", "US", Carrier.ANY, "+14155550123", BigDecimal.ONE,
                RentalStatus.WAITING, Optional.empty(), Instant.EPOCH, Instant.EPOCH, Optional.empty(), Optional.empty(),
                BigDecimal.ZERO, List.of()));
    }

    @Test
    void findsEveryRowAfterAnyMixOfChanges() {
        ObservableList<RentalItem> items = FXCollections.observableArrayList();
        IndexedRentals rows = new IndexedRentals(items);
        List<RentalItem> expected = new ArrayList<>();
        Random random = new Random(7);
        Comparator<RentalItem> order = Comparator.comparing(RentalItem::id).reversed();
        for (int step = 0; step < 2_000; step++) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    List<RentalItem> fresh = List.of(item(), item());
                    rows.addTop(fresh);
                    expected.addAll(0, fresh);
                }
                case 1 -> {
                    List<RentalItem> older = List.of(item());
                    rows.append(older);
                    expected.addAll(older);
                }
                case 2 -> {
                    rows.sort(order);
                    expected.sort(order);
                    RentalItem anywhere = item();
                    rows.insert(anywhere, order);
                    expected.add(anywhere);
                    expected.sort(order);
                }
                case 3 -> {
                    Set<String> gone = new HashSet<>();
                    for (int i = 0; i < 3 && !expected.isEmpty(); i++) {
                        gone.add(expected.get(random.nextInt(expected.size())).id());
                    }
                    rows.removeIds(gone);
                    expected.removeIf(item -> gone.contains(item.id()));
                }
                case 4 -> {
                    Comparator<RentalItem> shuffle = Comparator.comparing(item -> item.id().hashCode() ^ 0x5bd1e995);
                    rows.sort(shuffle);
                    expected.sort(shuffle);
                }
                default -> rows.addTop(expected.isEmpty() ? List.of() : List.of(expected.get(0))); // known: skipped
            }
            assertThat(items).containsExactlyElementsOf(expected);
            for (int i = 0; i < expected.size(); i += 7) {
                assertThat(rows.indexOf(expected.get(i).id())).isEqualTo(i);
            }
            assertThat(rows.indexOf("rnt_missing")).isEqualTo(-1);
        }
    }

    @Test
    void manyRemovalsAreOneListChange() {
        ObservableList<RentalItem> items = FXCollections.observableArrayList();
        IndexedRentals rows = new IndexedRentals(items);
        List<RentalItem> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(item());
        }
        rows.append(all);
        int[] changes = new int[1];
        items.addListener((javafx.collections.ListChangeListener<RentalItem>) change -> changes[0]++);
        Set<String> gone = new HashSet<>();
        for (int i = 0; i < 100; i += 2) {
            gone.add(all.get(i).id());
        }
        rows.removeIds(gone);
        assertThat(changes[0]).isEqualTo(1);
        assertThat(items).hasSize(50);
        assertThat(rows.indexOf(all.get(99).id())).isEqualTo(49);
    }
}
