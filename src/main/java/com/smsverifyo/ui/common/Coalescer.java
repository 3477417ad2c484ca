package com.smsverifyo.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs a refresh at most once at a time: requests that come while one runs make exactly one more
 * run after it, however many there were. Used from the FX thread.
 */
public final class Coalescer {
    private final Supplier<CompletableFuture<?>> refresh;
    private boolean running;
    private boolean again;

    /** @param refresh starts the work and completes (on the FX thread) when it is done */
    public Coalescer(Supplier<CompletableFuture<?>> refresh) {
        this.refresh = refresh;
    }

    public void request() {
        if (running) {
            again = true;
            return;
        }
        running = true;
        again = false;
        refresh.get().whenComplete((ignored, failure) -> {
            running = false;
            if (again) {
                request();
            }
        });
    }
}
