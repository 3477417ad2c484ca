package com.smsverifyo.ui.shell;

import com.smsverifyo.ui.common.Icons;
import com.smsverifyo.ui.session.StreamState;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The window's frame: the navigation rail on the left, the current page in the middle, the status
 * bar (connection, balance, live-stream state) at the bottom. Pages are built when first shown.
 */
public final class ShellView {
    private final ShellViewModel model;
    private final Function<Destination, Page> pages;
    private final Map<Destination, Page> built = new EnumMap<>(Destination.class);
    private final Map<Destination, ToggleButton> buttons = new EnumMap<>(Destination.class);
    private final StackPane content = new StackPane();
    private final BorderPane root = new BorderPane();
    private final Runnable toggleTheme;
    private final Runnable connect;
    private Page current;

    public ShellView(ShellViewModel model, Function<Destination, Page> pages, Runnable toggleTheme, Runnable connect) {
        this.model = model;
        this.pages = pages;
        this.toggleTheme = toggleTheme;
        this.connect = connect;
        build();
    }

    public BorderPane root() {
        return root;
    }

    public ShellViewModel model() {
        return model;
    }

    /** The page for a destination, building it if needed (tests and shortcuts use this). */
    public Page page(Destination destination) {
        return built.computeIfAbsent(destination, pages);
    }

    public void dispose() {
        built.values().forEach(Page::dispose);
        built.clear();
    }

    private void build() {
        root.getStyleClass().add("shell");
        root.setLeft(rail());
        content.getStyleClass().add("page-host");
        root.setCenter(content);
        root.setBottom(statusBar());
        model.selectedProperty().addListener((obs, old, next) -> show(next));
        show(model.selectedProperty().get());
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts();
            }
        });
    }

    private Node rail() {
        Label brand = new Label("SMSVerifyo");
        brand.getStyleClass().add("brand");
        Label desk = new Label("Desk");
        desk.getStyleClass().add("brand-sub");
        VBox brandBox = new VBox(0, brand, desk);
        brandBox.getStyleClass().add("brand-box");

        VBox items = new VBox(2);
        items.getStyleClass().add("rail-items");
        ToggleGroup group = new ToggleGroup();
        for (Destination destination : Destination.values()) {
            ToggleButton button = new ToggleButton(destination.title(), destination.icon().node(18));
            button.setId("nav-" + destination.name().toLowerCase(java.util.Locale.ROOT));
            button.setToggleGroup(group);
            button.getStyleClass().add("rail-button");
            button.setContentDisplay(ContentDisplay.LEFT);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setTooltip(new Tooltip(destination.title() + "  (Ctrl+" + (destination.ordinal() + 1) + ")"));
            button.setOnAction(event -> {
                model.selectedProperty().set(destination);
                button.setSelected(true);
            });
            buttons.put(destination, button);
            items.getChildren().add(button);
        }
        buttons.get(model.selectedProperty().get()).setSelected(true);
        model.selectedProperty().addListener((obs, old, next) -> buttons.get(next).setSelected(true));

        Button theme = new Button("Theme", Icons.MOON.node(16));
        theme.setId("toggle-theme");
        theme.getStyleClass().addAll("rail-button", "flat");
        theme.setMaxWidth(Double.MAX_VALUE);
        theme.setAlignment(Pos.CENTER_LEFT);
        theme.setTooltip(new Tooltip("Switch light / dark (Ctrl+Shift+T)"));
        theme.setOnAction(event -> toggleTheme.run());
        Button switchServer = new Button("Connect…", Icons.PLUG.node(16));
        switchServer.setId("open-connect");
        switchServer.getStyleClass().addAll("rail-button", "flat");
        switchServer.setMaxWidth(Double.MAX_VALUE);
        switchServer.setAlignment(Pos.CENTER_LEFT);
        switchServer.setTooltip(new Tooltip("Connect to this computer's engine or a remote server"));
        switchServer.setOnAction(event -> connect.run());

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        VBox rail = new VBox(brandBox, items, spacer, switchServer, theme);
        rail.getStyleClass().add("rail");
        return rail;
    }

    private Node statusBar() {
        Circle connected = new Circle(4);
        connected.getStyleClass().addAll("status-dot", "ok");
        Label connection = new Label(model.connectionLabel(), connected);
        connection.setId("status-connection");

        Label balance = new Label();
        balance.setId("status-balance");
        balance.textProperty().bind(model.balanceText());
        javafx.css.PseudoClass warning = javafx.css.PseudoClass.getPseudoClass("warning");
        balance.pseudoClassStateChanged(warning, model.belowThreshold().get());
        model.belowThreshold().addListener((obs, was, below) -> balance.pseudoClassStateChanged(warning, below));
        balance.getStyleClass().add("status-balance");

        Circle live = new Circle(4);
        live.getStyleClass().add("status-dot");
        Label stream = new Label();
        stream.setId("status-stream");
        stream.setGraphic(live);
        stream.textProperty().bind(model.streamText());
        model.streamState().addListener((obs, old, state) -> styleStream(live, state));
        styleStream(live, model.streamState().getValue());

        Label error = new Label();
        error.getStyleClass().add("status-error");
        error.textProperty().bind(model.lastError());
        error.setMaxWidth(520);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(18, connection, balance, error, spacer, stream);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static void styleStream(Circle dot, StreamState state) {
        dot.getStyleClass().removeAll("ok", "warn", "bad");
        dot.getStyleClass().add(switch (state) {
            case LIVE -> "ok";
            case POLLING, CONNECTING -> "warn";
            case OFFLINE -> "bad";
        });
    }

    private void show(Destination destination) {
        if (current != null) {
            current.hidden();
        }
        current = page(destination);
        content.getChildren().setAll(current.view());
        current.shown();
    }

    private void installShortcuts() {
        var accelerators = root.getScene().getAccelerators();
        for (Destination destination : Destination.values()) {
            accelerators.put(new KeyCodeCombination(destination.shortcut(), KeyCombination.SHORTCUT_DOWN),
                    () -> model.selectedProperty().set(destination));
        }
        accelerators.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                () -> model.selectedProperty().set(Destination.RENT));
        accelerators.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                toggleTheme);
        accelerators.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            // A page with its own search box keeps the focus there; any other goes to the Rentals search.
            if (!(current instanceof Searchable)) {
                model.selectedProperty().set(Destination.RENTALS);
            }
            if (current instanceof Searchable searchable) {
                searchable.focusSearch();
            }
        });
    }

    /** A page with a search box that Ctrl+F focuses. */
    public interface Searchable {
        void focusSearch();
    }
}
