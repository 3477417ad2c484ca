package com.smsverifyo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void idsSortInTheOrderTheyWereMadeEvenWhenTheClockStandsStill() {
        MutableClock clock = MutableClock.at("2026-11-29T10:00:00Z");
        Ids ids = new Ids(clock);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next("rnt"));
            if (i % 1000 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made.get(0)).matches("rnt_[0-9A-HJKMNP-TV-Z]{26}");
    }

    @Test
    void theTimestampComesFirst() {
        Ids ids = new Ids(MutableClock.at("2026-11-29T10:00:00Z"));
        Ids later = new Ids(MutableClock.at("2026-11-29T10:00:00.001Z"));
        assertThat(later.next("acc")).isGreaterThan(ids.next("acc"));
    }
}
