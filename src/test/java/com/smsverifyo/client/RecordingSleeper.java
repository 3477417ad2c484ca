package com.smsverifyo.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that only writes down how long it was asked to wait: retry tests run in milliseconds. */
final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
