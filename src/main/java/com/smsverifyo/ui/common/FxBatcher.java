package com.smsverifyo.ui.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Coalesces updates from any thread into at most one hand-over to the FX thread at a time: while a
 * batch waits for its turn, newer updates of the same key replace older ones. However fast the
 * server talks, the UI does one piece of work per pulse.
 */
public final class FxBatcher<K, V> {
    private final Executor fx;
    private final Function<V, K> key;
    private final Consumer<List<V>> apply;
    private Map<K, V> pending = new LinkedHashMap<>();
    private boolean scheduled;

    public FxBatcher(Executor fx, Function<V, K> key, Consumer<List<V>> apply) {
        this.fx = fx;
        this.key = key;
        this.apply = apply;
    }

    public void offer(V value) {
        boolean schedule;
        synchronized (this) {
            pending.put(key.apply(value), value);
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule) {
            fx.execute(this::drain);
        }
    }

    private void drain() {
        List<V> batch;
        synchronized (this) {
            batch = new ArrayList<>(pending.values());
            pending = new LinkedHashMap<>();
            scheduled = false;
        }
        if (!batch.isEmpty()) {
            apply.accept(batch);
        }
    }
}
