package com.smsverifyo.ui;

import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.shell.MainWindow;
import com.smsverifyo.ui.shell.SmokeTour;
import java.util.Objects;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop app. The launcher starts the embedded engine and calls {@link #launch}; JavaFX then
 * creates this class and it opens the main window.
 */
public final class DeskApp extends Application {
    private static volatile DesktopContext context;
    private static volatile boolean smokeTour;
    private MainWindow window;

    /** Runs the app until its window closes. */
    public static void launch(DesktopContext desktopContext) {
        launch(desktopContext, false);
    }

    /**
     * Runs the app; with {@code smoke} it walks through every page once and quits (the packaging
     * check, see {@link SmokeTour}).
     */
    public static void launch(DesktopContext desktopContext, boolean smoke) {
        context = Objects.requireNonNull(desktopContext);
        smokeTour = smoke;
        Application.launch(DeskApp.class);
    }

    @Override
    public void start(Stage stage) {
        window = new MainWindow(stage, context, UiExecutors.forApp());
        window.show();
        if (smokeTour) {
            new SmokeTour(window, System.out).start();
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
