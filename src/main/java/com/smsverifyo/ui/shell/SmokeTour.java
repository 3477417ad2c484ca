package com.smsverifyo.ui.shell;

import com.smsverifyo.ui.common.Notifier;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;

/**
 * The packaging check's walk through the app (hidden {@code --smoke}, {@code SMSVERIFYO_SMOKE=true}):
 * once the main window has drawn its first frames it prints {@value #WINDOW_SHOWN}, connects to the
 * embedded engine, opens every page of the rail and the pop-ups of its combo boxes, shows a desktop
 * notification, and quits. Run inside the packaged runtime, it is
 * the one place where JavaFX is a named module, so module-access faults of ControlsFX and of our
 * pages show up here and nowhere else.
 */
public final class SmokeTour {
    /** Printed once the main window has been drawn. */
    public static final String WINDOW_SHOWN = "main window shown";
    /** Printed when every page has been shown. */
    public static final String DONE = "smoke tour done";

    private static final long CONNECT_DEADLINE_NANOS = 90_000_000_000L;
    /** Pulses to wait before a frame counts as drawn: one to lay out, one to render. */
    private static final int FRAMES = 3;

    private final MainWindow window;
    private final PrintStream out;
    private final Deque<Destination> pages = new ArrayDeque<>(Arrays.asList(Destination.values()));
    private long connectStarted;

    public SmokeTour(MainWindow window, PrintStream out) {
        this.window = window;
        this.out = out;
    }

    /** Starts the tour; call on the FX thread after the window is shown. */
    public void start() {
        afterFrames(() -> {
            out.println(WINDOW_SHOWN);
            out.flush();
            connectStarted = System.nanoTime();
            window.showConnect().connect();
            awaitShell();
        });
    }

    private void awaitShell() {
        afterFrames(() -> {
            if (window.shell() != null) {
                out.println("connected: " + window.session().label());
                nextPage();
            } else if (System.nanoTime() - connectStarted > CONNECT_DEADLINE_NANOS) {
                finish("smoke tour failed: no connection to the embedded engine within 90 s");
            } else {
                awaitShell();
            }
        });
    }

    private void nextPage() {
        Destination next = pages.poll();
        if (next == null) {
            notification();
            return;
        }
        window.shell().model().selectedProperty().set(next);
        afterFrames(() -> {
            out.println("page shown: " + next.title());
            openPopups(window.shell().root().lookupAll(".combo-box-base").stream()
                    .filter(Node::isVisible).<ComboBoxBase<?>>map(node -> (ComboBoxBase<?>) node).toList(), this::nextPage);
        });
    }

    /** Opens and closes each combo box's pop-up (ControlsFX's searchable ones build their skins there). */
    private void openPopups(List<ComboBoxBase<?>> boxes, Runnable then) {
        if (boxes.isEmpty()) {
            then.run();
            return;
        }
        ComboBoxBase<?> box = boxes.get(0);
        box.show();
        afterFrames(() -> {
            box.hide();
            openPopups(boxes.subList(1, boxes.size()), then);
        });
    }

    private void notification() {
        new Notifier(window.shell().root().getScene().getWindow()).info("SMSVerifyo Desk", "Smoke test: every page shown.");
        afterFrames(() -> {
            out.println("notification shown");
            finish(DONE);
        });
    }

    private void finish(String line) {
        out.println(line);
        out.flush();
        Platform.exit();
    }

    /** Runs {@code then} on the FX thread once a few more frames have been drawn. */
    private static void afterFrames(Runnable then) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames >= FRAMES) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }
}
