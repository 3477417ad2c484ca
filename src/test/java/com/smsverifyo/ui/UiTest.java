package com.smsverifyo.ui;

import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Base of the desktop app's TestFX tests (headless under Monocle): a real engine on a loopback port
 * presented as the embedded engine, the real main window, real I/O threads. Subclasses drive it
 * with the robot as a person would.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class UiTest extends FxRobot {
    @TempDir
    protected Path dataDir;
    protected TestServer server;
    protected MainWindow window;
    protected Stage stage;

    @BeforeEach
    void startApp() throws Exception {
        server = startServer(dataDir.resolve("engine"));
        stage = FxToolkit.registerPrimaryStage();
        DesktopContext context = new DesktopContext(dataDir.resolve("desk"), new TestEngine(server));
        java.nio.file.Files.createDirectories(context.dataDirectory());
        onFx(() -> {
            window = new MainWindow(stage, context, UiExecutors.forApp());
            window.show();
            return null;
        });
    }

    /** The engine the app connects to; a test that needs other settings (loopback webhooks) overrides this. */
    protected TestServer startServer(Path dir) {
        return TestServer.start(dir);
    }

    @AfterEach
    void stopApp() throws Exception {
        onFx(() -> {
            window.close();
            stage.hide();
            return null;
        });
        server.close();
    }

    /** Connects to the embedded (test) engine from the connect screen and waits for the shell. */
    protected void connectEmbedded() {
        clickOn("#connect-embedded");
        clickOn("#connect-button");
        waitUntil(() -> window.shell() != null, "the shell opens");
    }

    protected static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }

    /** Polls {@code condition} on the FX thread until it holds, for up to 10 s. */
    protected static void waitUntil(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    static void runLater(Runnable work) {
        Platform.runLater(work);
    }
}
