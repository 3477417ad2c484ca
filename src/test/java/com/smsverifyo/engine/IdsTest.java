package com.smsverifyo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsMadeInTheSameMillisecondSortInCreationOrder() {
        MutableClock clock = MutableClock.at("2026-11-29T10:00:00Z");
        Ids ids = new Ids(clock);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            made.add(ids.next("key"));
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allSatisfy(id -> assertThat(id).matches("key_[0-9A-HJKMNP-TV-Z]{26}"));
    }

    @Test
    void aClockThatStepsBackDoesNotBreakTheOrder() {
        MutableClock clock = MutableClock.at("2026-11-29T10:00:00Z");
        Ids ids = new Ids(clock);
        String before = ids.next("rnt");
        clock.advance(Duration.ofSeconds(-5));
        String after = ids.next("rnt");
        assertThat(after).isGreaterThan(before);
        clock.advance(Duration.ofSeconds(10));
        String later = ids.next("rnt");
        assertThat(later).isGreaterThan(after);
    }

    @Test
    void separateInstancesShareTheOrder() {
        MutableClock clock = MutableClock.at("2026-11-29T10:00:00Z");
        String first = new Ids(clock).next("acc");
        String second = new Ids(clock).next("acc");
        assertThat(second).isGreaterThan(first);
    }
}
