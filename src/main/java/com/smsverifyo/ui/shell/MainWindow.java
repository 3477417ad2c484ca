package com.smsverifyo.ui.shell;

import com.smsverifyo.ui.DesktopContext;
import com.smsverifyo.ui.common.DeskSettings;
import com.smsverifyo.ui.common.Notifier;
import com.smsverifyo.ui.common.SettingsStore;
import com.smsverifyo.ui.common.Theme;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.connect.ConnectView;
import com.smsverifyo.ui.connect.ConnectViewModel;
import com.smsverifyo.ui.rentals.CodeAlerts;
import com.smsverifyo.ui.session.Session;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The one window: the connect screen or the shell of a session, the theme, and the window's size,
 * position and last connection remembered between runs.
 */
public final class MainWindow {
    private final Stage stage;
    private final DesktopContext context;
    private final SettingsStore store;
    private final UiExecutors executors;
    private final StackPane host = new StackPane();
    private final Notifier notifier;
    private DeskSettings settings;
    private Theme theme;
    private Session session;
    private ShellView shell;

    public MainWindow(Stage stage, DesktopContext context, UiExecutors executors) {
        this.stage = stage;
        this.context = context;
        this.store = new SettingsStore(context.dataDirectory());
        this.executors = executors;
        this.settings = store.load();
        this.theme = settings.theme();
        this.notifier = new Notifier(stage);
    }

    public void show() {
        Scene scene = new Scene(host, settings.width() == null ? 1280 : settings.width(),
                settings.height() == null ? 820 : settings.height());
        theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle("SMSVerifyo Desk");
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        placeOnScreen();
        stage.setOnCloseRequest(event -> close());
        stage.show();
        ConnectViewModel connect = showConnect();
        if (settings.last().isPresent()) {
            // Reconnect to where the user was last time; the connect screen stays if that fails.
            connect.connect();
        }
    }

    /** The connect screen (first start, or the rail's Connect…). */
    public ConnectViewModel showConnect() {
        ConnectViewModel model = connectModel();
        host.getChildren().setAll(new ConnectView(model).build());
        return model;
    }

    private ConnectViewModel connectModel() {
        return new ConnectViewModel(context.embedded(), store, store.load(), executors, this::open);
    }

    /** Opens the shell on a freshly connected session, closing the previous one. */
    public void open(Session next) {
        closeSession();
        session = next;
        session.start();
        session.live().addListener(new CodeAlerts(session, notifier));
        ShellViewModel model = new ShellViewModel(session);
        Pages pages = new Pages(session, notifier, model);
        shell = new ShellView(model, pages::create, this::toggleTheme, () -> showConnect());
        host.getChildren().setAll(shell.root());
        stage.setTitle("SMSVerifyo Desk — " + session.label());
    }

    public ShellView shell() {
        return shell;
    }

    public Session session() {
        return session;
    }

    public void toggleTheme() {
        theme = theme.other();
        theme.apply(stage.getScene());
        settings = store.load().withTheme(theme);
        store.save(settings);
    }

    public Theme theme() {
        return theme;
    }

    public void close() {
        store.save(store.load().withTheme(theme).withWindow(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()));
        closeSession();
    }

    private void closeSession() {
        if (shell != null) {
            shell.dispose();
            shell = null;
        }
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private void placeOnScreen() {
        if (settings.x() != null && settings.y() != null) {
            boolean visible = Screen.getScreens().stream().anyMatch(screen ->
                    screen.getVisualBounds().contains(settings.x() + 40, settings.y() + 40));
            if (visible) {
                stage.setX(settings.x());
                stage.setY(settings.y());
            }
        }
        stage.setMaximized(settings.maximized());
    }

    Parent root() {
        return host;
    }
}
