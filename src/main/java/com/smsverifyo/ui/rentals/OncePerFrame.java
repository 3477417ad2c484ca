package com.smsverifyo.ui.rentals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.AnimationTimer;

/**
 * Runs work at the start of the next frame (pulse), all of it together: however many batches of
 * updates arrive between two frames, the table changes once per frame. Call it on the FX thread.
 */
final class OncePerFrame implements Executor {
    private final List<Runnable> queued = new ArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            List<Runnable> work = new ArrayList<>(queued);
            queued.clear();
            work.forEach(Runnable::run);
        }
    };

    @Override
    public void execute(Runnable work) {
        queued.add(work);
        if (queued.size() == 1) {
            timer.start();
        }
    }
}
