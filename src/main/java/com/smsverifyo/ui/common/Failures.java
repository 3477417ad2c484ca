package com.smsverifyo.ui.common;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bug in the code that applies a result on the FX thread would otherwise vanish inside the
 * future nobody reads: this writes it to the log, once, with its stack trace.
 */
public final class Failures {
    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    public static <T> CompletableFuture<T> logged(CompletableFuture<T> future, String what) {
        future.whenComplete((value, failure) -> {
            if (failure != null) {
                log.error("{} failed", what, failure);
            }
        });
        return future;
    }
}
