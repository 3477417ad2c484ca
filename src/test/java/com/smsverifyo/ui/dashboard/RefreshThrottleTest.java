package com.smsverifyo.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The live refresh runs at most once a second, and the last request of a burst is never lost:
 * driven with a hand-moved clock and a scheduler that records what it was asked to run.
 */
class RefreshThrottleTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final List<Runnable> queued = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private final List<Long> runs = new ArrayList<>();
    private final RefreshThrottle throttle = new RefreshThrottle((work, delay) -> {
        queued.add(work);
        delays.add(delay);
    }, now::get, Duration.ofSeconds(1), () -> runs.add(now.get()));

    @Test
    void theFirstRequestRunsAtOnce() {
        throttle.request();

        assertThat(delays).containsExactly(0L);
        runQueued();
        assertThat(runs).hasSize(1);
    }

    @Test
    void aBurstDuringTheGapMergesIntoOneRunWhenTheGapIsOver() {
        throttle.request();
        runQueued();
        now.addAndGet(SECOND / 4);

        for (int i = 0; i < 1_000; i++) {
            throttle.request();
        }

        assertThat(delays).as("one run queued for the whole burst, at the end of the gap")
                .containsExactly(0L, SECOND * 3 / 4);
        now.addAndGet(SECOND * 3 / 4);
        runQueued();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1) - runs.get(0)).isEqualTo(SECOND);
    }

    @Test
    void aRequestWhileARunIsQueuedIsNotLostAndLaterOnesQueueAgain() {
        throttle.request();
        throttle.request();
        assertThat(delays).containsExactly(0L);
        runQueued();

        now.addAndGet(3 * SECOND);
        throttle.request();
        assertThat(delays).as("a gap has passed: at once again").containsExactly(0L, 0L);
        runQueued();
        throttle.request();
        assertThat(delays).containsExactly(0L, 0L, SECOND);
    }

    private void runQueued() {
        List<Runnable> work = new ArrayList<>(queued);
        queued.clear();
        work.forEach(Runnable::run);
    }
}
