package com.smsverifyo.ui.dashboard;

import atlantafx.base.theme.Styles;
import com.smsverifyo.client.StatsWindow;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.Icons;
import com.smsverifyo.ui.dashboard.DashboardViewModel.ServiceRow;
import com.smsverifyo.ui.session.Session;
import com.smsverifyo.ui.shell.ModelPage;
import com.smsverifyo.ui.shell.Page;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.shape.Line;
import javafx.scene.text.TextAlignment;

/**
 * The dashboard: four figure cards (balance against the alert threshold, today's spend, active
 * rentals, codes in the last hour), spend and codes charts, the balance against the threshold, and
 * success rates by service, over the last 24 hours or 7 days; an invitation to rent when nothing
 * happened yet. Everything follows the live feed.
 */
public final class DashboardView {

    private final DashboardViewModel model;
    private final DashboardCharts charts;

    public DashboardView(DashboardViewModel model) {
        this.model = model;
        this.charts = new DashboardCharts(model);
    }

    /** The dashboard page of a session; {@code openRent} shows the Rent page. */
    public static Page page(Session session, Runnable openRent) {
        DashboardViewModel model = new DashboardViewModel(session.client(), session.live(), session.executors(), openRent);
        return new ModelPage(model, () -> new DashboardView(model).build());
    }

    Node build() {
        Node empty = emptyState();
        Node details = details();
        bindShown(empty, model.emptyProperty());
        VBox.setVgrow(empty, Priority.ALWAYS);
        bindShown(details, model.emptyProperty().not());

        VBox page = new VBox(header(), errorBanner(), figures(), empty, details);
        page.getStyleClass().addAll("page", "dashboard");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setId("dashboard");
        scroll.setFitToWidth(true);
        // The page fills the window; below its minimum height it scrolls.
        scroll.setFitToHeight(true);
        scroll.getStyleClass().addAll("dashboard-scroll", "edge-to-edge");
        return scroll;
    }

    private Node header() {
        Label title = new Label("Dashboard");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label();
        subtitle.setId("dashboard-subtitle");
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.textProperty().bind(Bindings.createStringBinding(() -> "Your account over "
                        + model.windowWordsProperty().get()
                        + (model.updatedProperty().get().isEmpty() ? "" : "  ·  " + model.updatedProperty().get()),
                model.windowWordsProperty(), model.updatedProperty()));
        VBox titles = new VBox(2, title, subtitle);

        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(18, 18);
        bindShown(loading, model.loadedProperty().not());

        ToggleGroup group = new ToggleGroup();
        ToggleButton day = windowButton("24 hours", StatsWindow.LAST_24_HOURS, group, Styles.LEFT_PILL);
        ToggleButton week = windowButton("7 days", StatsWindow.LAST_7_DAYS, group, Styles.RIGHT_PILL);
        day.setId("dashboard-window-24h");
        week.setId("dashboard-window-7d");
        // One of the two is always chosen: clicking the chosen one keeps it.
        group.selectedToggleProperty().addListener((obs, old, next) -> {
            if (next == null) {
                old.setSelected(true);
            } else {
                model.windowProperty().set((StatsWindow) next.getUserData());
            }
        });
        HBox toggle = new HBox(day, week);
        toggle.setAlignment(Pos.CENTER_RIGHT);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, titles, spacer, loading, toggle);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private ToggleButton windowButton(String text, StatsWindow window, ToggleGroup group, String pill) {
        ToggleButton button = new ToggleButton(text);
        button.setUserData(window);
        button.setToggleGroup(group);
        button.getStyleClass().add(pill);
        button.setFocusTraversable(false);
        button.setSelected(model.windowProperty().get() == window);
        return button;
    }

    private Node errorBanner() {
        Label text = new Label();
        text.setId("dashboard-error");
        text.setWrapText(true);
        text.textProperty().bind(model.errorProperty());
        Button retry = new Button("Retry", Icons.REFRESH.node(14));
        retry.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        retry.setOnAction(event -> model.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox banner = new HBox(10, Icons.WARNING.node(16), text, spacer, retry);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("dashboard-banner");
        bindShown(banner, model.errorProperty().isNotEmpty());
        return banner;
    }

    private Node figures() {
        Label balance = figure("dashboard-balance", model.balanceProperty());
        model.belowThresholdProperty().addListener((obs, was, below) -> warn(balance, below));
        Label balanceNote = note("dashboard-balance-note", model.balanceNoteProperty());
        Region warning = Icons.WARNING.node(12);
        warning.getStyleClass().add("warning-icon");
        bindShown(warning, model.belowThresholdProperty());
        balanceNote.setGraphic(warning);
        VBox balanceCard = card("Balance", Icons.BILLING, balance, balanceNote);
        model.belowThresholdProperty().addListener((obs, was, below) -> {
            balanceCard.getStyleClass().remove("below-threshold");
            if (below) {
                balanceCard.getStyleClass().add("below-threshold");
            }
        });

        VBox spent = card("Spent today", Icons.RECEIPT, figure("dashboard-spent-today", model.spentTodayProperty()),
                note(null, fixed("Net of refunds, this UTC day")));
        VBox active = card("Active rentals", Icons.PHONE, figure("dashboard-active", model.activeRentalsProperty()),
                note(null, fixed("Waiting for a code, or received")));
        VBox codes = card("Codes, last hour", Icons.MESSAGE,
                figure("dashboard-codes", model.codesLastHourProperty()),
                note(null, fixed("Rentals that got their first code")));

        GridPane grid = new GridPane();
        grid.setHgap(14);
        List<VBox> cards = List.of(balanceCard, spent, active, codes);
        for (int i = 0; i < cards.size(); i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / cards.size());
            grid.getColumnConstraints().add(column);
            cards.get(i).setMaxWidth(Double.MAX_VALUE);
            grid.add(cards.get(i), i, 0);
        }
        return grid;
    }

    private Node details() {
        VBox spend = chartCard("Spend", "Net of refunds, by the hour or day it was charged", charts.spend(),
                total("dashboard-spend-total", model.spendTotalProperty()));
        VBox codes = chartCard("Codes", "Rentals that got their first code", charts.codes(),
                total("dashboard-codes-total", model.codesTotalProperty()));
        HBox top = new HBox(14, spend, codes);
        HBox.setHgrow(spend, Priority.ALWAYS);
        HBox.setHgrow(codes, Priority.ALWAYS);
        spend.setPrefWidth(100);
        codes.setPrefWidth(100);

        HBox key = balanceKey();
        VBox balance = chartCard("Balance", "At the end of each hour or day", charts.balance(), key);
        // The threshold's key matters more: the balance's own steps aside when the card is narrow.
        bindShown(key.getChildren().get(0), balance.widthProperty().greaterThan(440));
        VBox success = successCard();
        HBox bottom = new HBox(14, balance, success);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        HBox.setHgrow(balance, Priority.ALWAYS);
        balance.setPrefWidth(100);
        success.setMinWidth(320);
        success.setPrefWidth(360);
        success.setMaxWidth(420);
        VBox details = new VBox(14, top, bottom);
        VBox.setVgrow(details, Priority.ALWAYS);
        return details;
    }

    private static VBox chartCard(String title, String subtitle, Node chart, Node aside) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, heading, spacer, aside);
        top.setAlignment(Pos.BASELINE_LEFT);
        Label sub = new Label(subtitle);
        sub.getStyleClass().add("figure-note");
        VBox card = new VBox(2, top, sub);
        VBox.setVgrow(chart, Priority.ALWAYS);
        card.getChildren().add(chart);
        card.getStyleClass().addAll("card", "chart-card");
        return card;
    }

    /** The balance chart's legend: the balance line, and the threshold's dashed line when one is set. */
    private HBox balanceKey() {
        Label balance = new Label("Balance", keyLine("balance-key"));
        Line dashed = keyLine("threshold-key");
        Label threshold = new Label();
        threshold.textProperty().bind(Bindings.createStringBinding(() -> model.thresholdProperty().get() == null
                ? "No alert threshold set" : "Alert threshold " + Formats.usd(model.thresholdProperty().get()),
                model.thresholdProperty()));
        threshold.graphicProperty().bind(Bindings.when(model.thresholdProperty().isNull())
                .then((Node) null).otherwise(dashed));
        balance.getStyleClass().add("chart-key");
        threshold.getStyleClass().add("chart-key");
        threshold.setId("dashboard-threshold-key");
        balance.setMinWidth(Region.USE_PREF_SIZE);
        threshold.setMinWidth(Region.USE_PREF_SIZE);
        return new HBox(14, balance, threshold);
    }

    private static Line keyLine(String style) {
        Line line = new Line(0, 0, 16, 0);
        line.getStyleClass().add(style);
        return line;
    }

    private VBox successCard() {
        Label heading = new Label("Success rate by service");
        heading.getStyleClass().add("card-title");
        Label sub = new Label();
        sub.getStyleClass().add("figure-note");
        sub.textProperty().bind(Bindings.concat("Rentals that got a code, of those done waiting in ",
                model.windowWordsProperty()));
        sub.setWrapText(true);
        sub.setMinHeight(Region.USE_PREF_SIZE);

        VBox rows = new VBox(12);
        rows.setId("dashboard-success");
        rows.setPadding(new Insets(0, 10, 0, 0));
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll("success-scroll", "edge-to-edge");
        // The list scrolls inside the card, so the card takes the row's height instead of setting it.
        scroll.setPrefViewportHeight(120);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        bindShown(scroll, Bindings.isNotEmpty(model.success()));
        Label none = new Label();
        none.setId("dashboard-success-empty");
        none.getStyleClass().add("text-muted");
        none.setWrapText(true);
        none.textProperty().bind(Bindings.concat("No rental has finished waiting in ", model.windowWordsProperty(),
                " yet. A rental counts here once its code arrives, or once it is cancelled or expires without one."));
        bindShown(none, Bindings.isEmpty(model.success()));
        model.success().addListener((ListChangeListener<ServiceRow>) change -> fillSuccess(rows));
        fillSuccess(rows);

        VBox card = new VBox(4, heading, sub, spacerOf(8), none, scroll);
        card.getStyleClass().addAll("card", "success-card");
        return card;
    }

    private void fillSuccess(VBox rows) {
        List<ServiceRow> all = model.success();
        rows.getChildren().clear();
        for (ServiceRow row : all) {
            Label name = new Label(row.name());
            name.getStyleClass().add("success-name");
            Label detail = new Label(row.detail());
            detail.getStyleClass().add("figure-note");
            Label rate = new Label(row.rateText());
            rate.getStyleClass().add("success-rate");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox line = new HBox(8, name, detail, spacer, rate);
            line.setAlignment(Pos.BASELINE_LEFT);
            ProgressBar bar = new ProgressBar(row.rate());
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.getStyleClass().addAll("success-bar", row.rate() >= 0.8 ? "good" : row.rate() >= 0.5 ? "fair" : "poor");
            VBox item = new VBox(5, line, bar);
            item.setId("dashboard-success-" + row.service());
            rows.getChildren().add(item);
        }
    }

    private Node emptyState() {
        Region icon = Icons.RENT.node(44);
        icon.getStyleClass().add("empty-icon");
        Label title = new Label();
        title.getStyleClass().add("title-3");
        title.textProperty().bind(Bindings.concat("No rentals in ", model.windowWordsProperty()));
        Label text = new Label("Rent a number and watch it here: spend and codes over time, the balance against "
                + "your alert threshold, and how often each service sends its code.");
        text.getStyleClass().add("text-muted");
        text.setWrapText(true);
        text.setMaxWidth(440);
        text.setTextAlignment(TextAlignment.CENTER);
        Button rent = new Button("Rent a number", Icons.RENT.node(14));
        rent.setId("dashboard-rent");
        rent.getStyleClass().add(Styles.ACCENT);
        rent.setOnAction(event -> model.rentANumber());
        Label shortcut = new Label("or press Ctrl+N");
        shortcut.getStyleClass().add("figure-note");
        VBox box = new VBox(12, icon, title, text, spacerOf(4), rent, shortcut);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(56, 24, 56, 24));
        box.setId("dashboard-empty");
        box.getStyleClass().addAll("card", "dashboard-empty");
        return box;
    }

    private static VBox card(String caption, Icons icon, Label value, Label note) {
        Label title = new Label(caption);
        title.getStyleClass().add("figure-caption");
        Region glyph = icon.node(16);
        glyph.getStyleClass().add("figure-icon");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, title, spacer, glyph);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(6, top, value, note);
        card.getStyleClass().addAll("card", "figure-card");
        // In a narrow window the caption keeps its words and the icon steps aside.
        title.setMinWidth(Region.USE_PREF_SIZE);
        bindShown(glyph, card.widthProperty().greaterThan(200));
        return card;
    }

    private static Label figure(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("figure-value");
        label.textProperty().bind(text);
        return label;
    }

    private static Label total(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("chart-total");
        label.textProperty().bind(text);
        return label;
    }

    private static Label note(String id, ObservableValue<String> text) {
        Label label = new Label();
        if (id != null) {
            label.setId(id);
        }
        label.getStyleClass().add("figure-note");
        label.textProperty().bind(text);
        // In a narrow window a note takes two lines rather than losing its end.
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static ObservableValue<String> fixed(String text) {
        return new SimpleStringProperty(text);
    }

    private static void warn(Label label, boolean below) {
        label.getStyleClass().remove("warning");
        if (below) {
            label.getStyleClass().add("warning");
        }
    }

    private static Region spacerOf(double height) {
        Region spacer = new Region();
        spacer.setMinHeight(height);
        return spacer;
    }

    private static void bindShown(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
