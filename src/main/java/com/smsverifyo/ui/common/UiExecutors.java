package com.smsverifyo.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * Where view-model work runs: I/O on {@code background}, property updates on {@code fx}. The app
 * uses a daemon pool and {@code Platform::runLater}; tests pass direct executors and run
 * view-models synchronously.
 */
public record UiExecutors(Executor background, Executor fx) {

    public static UiExecutors forApp() {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "ui-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new UiExecutors(pool, UiExecutors::onFxThread);
    }

    /** Runs everything on the calling thread (view-model unit tests). */
    public static UiExecutors direct() {
        return new UiExecutors(Runnable::run, Runnable::run);
    }

    private static void onFxThread(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }
}
