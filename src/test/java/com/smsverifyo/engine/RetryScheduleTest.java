package com.smsverifyo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private final RetrySchedule schedule = new RetrySchedule(WebhookSettings.DEFAULT_SCHEDULE, new Random(7));

    @Test
    void followsApiMdWithTwentyPercentJitter() {
        assertThat(schedule.attempts()).isEqualTo(8);
        assertThat(schedule.wait(0, null)).isZero();
        for (int step = 1; step < 8; step++) {
            Duration scheduled = WebhookSettings.DEFAULT_SCHEDULE.get(step);
            for (int i = 0; i < 200; i++) {
                Duration wait = schedule.wait(step, null);
                assertThat(wait).isBetween(percent(scheduled, 80), percent(scheduled, 120));
            }
        }
    }

    @Test
    void jitterSpreadsRetries() {
        List<Duration> waits = java.util.stream.IntStream.range(0, 50).mapToObj(i -> schedule.wait(2, null)).distinct().toList();
        assertThat(waits.size()).isGreaterThan(10);
    }

    @Test
    void retryAfterIsHonouredWithinScheduledAndTwiceScheduled() {
        RetrySchedule fixed = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(10)), new Random(1));
        for (int i = 0; i < 100; i++) {
            Duration asked = fixed.wait(1, Duration.ofSeconds(15));
            assertThat(asked).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(24));
            assertThat(asked).isEqualTo(Duration.ofSeconds(15));
            Duration tooLong = fixed.wait(1, Duration.ofHours(1));
            assertThat(tooLong).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));
            Duration tooShort = fixed.wait(1, Duration.ofSeconds(1));
            assertThat(tooShort).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        }
    }

    private static Duration percent(Duration duration, int percent) {
        return Duration.ofMillis(duration.toMillis() * percent / 100);
    }
}
