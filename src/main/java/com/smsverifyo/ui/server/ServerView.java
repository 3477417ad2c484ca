package com.smsverifyo.ui.server;

import atlantafx.base.controls.ToggleSwitch;
import com.smsverifyo.client.SmsSource;
import com.smsverifyo.ui.common.FormFields;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.Icons;
import com.smsverifyo.ui.common.Labels;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The Server page: the engine (status, address, network access, start and stop), its backups, the
 * message sources with their health, the pool by country and carrier, a test SMS, and the live log.
 * On a remote server it says so and shows only what the API offers.
 */
public final class ServerView {
    private final ServerViewModel model;

    public ServerView(ServerViewModel model) {
        this.model = model;
    }

    public Node build() {
        Label title = new Label("Server");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label(model.embedded()
                ? "The engine built into this app: where it listens, its SMS sources and numbers, its log and backups."
                : "The server this app is connected to: its SMS sources and number pool.");
        subtitle.getStyleClass().add("page-subtitle");
        Button refresh = new Button("Refresh", Icons.REFRESH.node(14));
        refresh.setId("server-refresh");
        refresh.setOnAction(event -> model.refresh());
        HBox header = new HBox(12, new VBox(4, title, subtitle), spacer(), refresh);
        header.setAlignment(Pos.CENTER_LEFT);

        VBox page = new VBox(16, header);
        if (model.embedded()) {
            page.getChildren().add(row(engineCard(model.engine().orElseThrow()), backupCard(model.backup().orElseThrow())));
        } else {
            page.getChildren().add(remoteNotice());
        }
        page.getChildren().add(row(sourcesCard(), poolCard()));
        Node testSms = testSmsCard(model.testSms());
        page.getChildren().add(model.log().map(log -> row(testSms, logCard(log))).orElseGet(() -> row(testSms, new Region())));
        page.getStyleClass().addAll("page", "server-page");

        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("server-scroll");
        scroll.setId("server-page");
        return scroll;
    }

    // ---- engine -----------------------------------------------------------------------------------

    private Node engineCard(EngineControl engine) {
        Region dot = new Region();
        dot.getStyleClass().add("server-dot");
        Label status = new Label();
        status.setId("server-status");
        status.getStyleClass().add("server-status");
        status.textProperty().bind(engine.statusProperty());
        engine.runningProperty().addListener((obs, was, now) -> dot.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("running"), now));
        Button startStop = new Button();
        startStop.setId("server-start-stop");
        startStop.textProperty().bind(Bindings.when(engine.runningProperty()).then("Stop").otherwise("Start"));
        startStop.disableProperty().bind(engine.busyProperty());
        startStop.setOnAction(event -> {
            if (engine.runningProperty().get()) {
                engine.stop();
            } else {
                engine.start();
            }
        });
        HBox statusRow = new HBox(8, dot, status, spacer(), startStop);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        Label address = new Label();
        address.setId("server-address");
        address.getStyleClass().add("server-url");
        address.textProperty().bind(Bindings.createStringBinding(() -> engine.addressProperty().get().isEmpty()
                ? "Not listening" : engine.addressProperty().get(), engine.addressProperty()));
        HBox addressRow = new HBox(6, Labels.fieldLabel("This computer"), spacer(), address, copyButton("server-copy-address",
                engine.addressProperty()));
        addressRow.setAlignment(Pos.CENTER_LEFT);

        ToggleSwitch lan = new ToggleSwitch();
        lan.setId("server-lan");
        Label lanText = new Label("Allow other computers on this network");
        lanText.setId("server-lan-label");
        lanText.setLabelFor(lan);
        // The switch toggles on its track only; the words beside it are part of it for people.
        lanText.setOnMouseClicked(event -> {
            if (!lan.isDisabled()) {
                lan.setSelected(!lan.isSelected());
            }
        });
        HBox lanRow = new HBox(8, lanText, spacer(), lan);
        lanRow.setAlignment(Pos.CENTER_LEFT);
        lan.disableProperty().bind(engine.busyProperty().or(engine.runningProperty().not()));
        engine.lanAccessProperty().addListener((obs, was, now) -> lan.setSelected(now));
        // A switch that failed leaves lanAccess as it was (no change to hear): the switch follows the
        // engine again once the attempt is over.
        engine.busyProperty().addListener((obs, was, busy) -> {
            if (!busy) {
                lan.setSelected(engine.lanAccessProperty().get());
            }
        });
        lan.selectedProperty().addListener((obs, was, now) -> engine.setLanAccess(now));
        VBox urls = new VBox(6);
        urls.setId("server-lan-urls");
        Runnable showUrls = () -> {
            urls.getChildren().clear();
            if (!engine.lanAccessProperty().get()) {
                urls.getChildren().add(Labels.hint("Only this computer can reach the engine. Turn this on to serve customers "
                        + "on your network; the engine keeps its port."));
                return;
            }
            if (engine.lanUrls().isEmpty()) {
                urls.getChildren().add(Labels.hint("Open to the network, but this computer has no network address now."));
                return;
            }
            urls.getChildren().add(Labels.hint("Give customers this address:"));
            for (String url : engine.lanUrls()) {
                Label text = new Label(url);
                text.getStyleClass().add("server-url");
                HBox line = new HBox(6, text, copyButton(null, new ReadOnlyObjectWrapper<>(url).asString()));
                line.setAlignment(Pos.CENTER_LEFT);
                urls.getChildren().add(line);
            }
        };
        engine.lanUrls().addListener((ListChangeListener<String>) change -> showUrls.run());
        engine.lanAccessProperty().addListener((obs, was, now) -> showUrls.run());
        showUrls.run();

        VBox card = card("Engine", Icons.SERVER, statusRow, addressRow, lanRow, urls,
                errorLabel("server-engine-error", engine.errorProperty()));
        card.setId("server-engine-card");
        return card;
    }

    private Node backupCard(BackupRunner backup) {
        Button now = new Button("Back up now", Icons.DOWNLOAD.node(14));
        now.setId("server-backup");
        now.getStyleClass().add("accent");
        now.disableProperty().bind(backup.runningProperty());
        now.setOnAction(event -> backup.backup());
        ProgressBar progress = new ProgressBar();
        progress.setId("server-backup-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(backup.progressProperty());
        progress.visibleProperty().bind(backup.runningProperty().or(backup.reportProperty().isNotNull()));
        progress.managedProperty().bind(progress.visibleProperty());
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox action = new HBox(12, now, progress);
        action.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("server-backup-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(() -> backup.summaryProperty().get().isEmpty()
                ? "A consistent copy of the database, taken while the engine runs, then opened and checked."
                : backup.summaryProperty().get(), backup.summaryProperty()));
        Label check = new Label();
        check.setId("server-backup-check");
        check.setWrapText(true);
        check.textProperty().bind(backup.checkProperty());
        check.visibleProperty().bind(backup.checkProperty().isNotEmpty());
        check.managedProperty().bind(check.visibleProperty());
        Runnable checkStyle = () -> {
            check.getStyleClass().removeAll("success-text", "danger-text");
            check.getStyleClass().add(backup.checkFailedProperty().get() ? "danger-text" : "success-text");
        };
        backup.checkFailedProperty().addListener((obs, was, now2) -> checkStyle.run());
        checkStyle.run();

        Label folder = new Label(backup.folder());
        folder.setId("server-backups-folder");
        folder.getStyleClass().add("server-path");
        folder.setTooltip(new Tooltip(backup.folder()));
        folder.setMinWidth(0);
        Button open = new Button("Open folder");
        open.setId("server-open-backups");
        Label folderNote = new Label();
        folderNote.getStyleClass().add("hint");
        folderNote.setId("server-backups-note");
        open.setOnAction(event -> backup.openFolder(() -> {
            copy(backup.folder());
            folderNote.setText("This system cannot open folders from here; the path is copied.");
        }));
        HBox folderRow = new HBox(8, Labels.fieldLabel("Backups folder"), folder, spacer(), open,
                copyButton("server-copy-backups", new ReadOnlyObjectWrapper<>(backup.folder()).asString()));
        folderRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(folder, Priority.SOMETIMES);

        VBox card = card("Backups", Icons.DOWNLOAD, action, summary, check,
                errorLabel("server-backup-error", backup.errorProperty()), folderRow, folderNote);
        card.setId("server-backup-card");
        return card;
    }

    private Node remoteNotice() {
        Label text = new Label("Connected to a remote server (" + model.serverUrl() + "). Starting and stopping it, "
                + "network access, its log and its backups are managed on the machine it runs on; here are its "
                + "sources and number pool as its API shows them.");
        text.setId("server-remote-notice");
        text.setWrapText(true);
        HBox banner = new HBox(10, Icons.PLUG.node(16), text);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("server-banner");
        return banner;
    }

    // ---- sources and pool -------------------------------------------------------------------------

    private Node sourcesCard() {
        SourcesAndPool sources = model.sources();
        VBox list = new VBox(0);
        list.setId("server-sources");
        Runnable show = () -> {
            list.getChildren().clear();
            if (sources.sources().isEmpty()) {
                list.getChildren().add(Labels.hint(sources.loadingProperty().get() ? "Loading…" : "No sources yet."));
            }
            for (SmsSource source : sources.sources()) {
                list.getChildren().add(sourceRow(source));
            }
        };
        sources.sources().addListener((ListChangeListener<SmsSource>) change -> show.run());
        // The first read may start after the card is built: "Loading…" until it answers, not "No sources".
        sources.loadingProperty().addListener((obs, was, now) -> show.run());
        show.run();
        VBox card = card("Message sources", Icons.PLUG, list, errorLabel("server-sources-error", sources.errorProperty()));
        card.setId("server-sources-card");
        return card;
    }

    private static Node sourceRow(SmsSource source) {
        Label name = new Label(source.name());
        name.getStyleClass().add("server-source-name");
        Label type = new Label(source.type() + (source.enabled() ? "" : " · disabled"));
        type.getStyleClass().add("text-muted");
        Label pill = new Label(source.health().status().name().toLowerCase(Locale.ROOT));
        pill.getStyleClass().addAll("server-health", source.health().status().name().toLowerCase(Locale.ROOT));
        Label count = new Label(String.format(Locale.US, "%,d numbers", source.numbers()));
        count.getStyleClass().add("text-muted");
        HBox top = new HBox(8, name, type, spacer(), count, pill);
        top.setAlignment(Pos.CENTER_LEFT);
        Label detail = new Label(source.health().detail().orElse("")
                + source.health().lastMessageAt().map(at -> (source.health().detail().isPresent() ? " · " : "")
                + "last SMS " + Formats.dateTime(at)).orElse(""));
        detail.getStyleClass().add("hint");
        detail.setWrapText(true);
        VBox row = new VBox(3, top, detail);
        row.getStyleClass().add("server-source");
        row.setId("server-source-" + source.id());
        Tooltip.install(row, new Tooltip(SourcesAndPool.healthText(source)));
        return row;
    }

    private Node poolCard() {
        SourcesAndPool sources = model.sources();
        TableView<PoolGroup> table = new TableView<>(sources.pool());
        table.setId("server-pool");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Country", PoolGroup::country));
        table.getColumns().add(column("Carrier", PoolGroup::carrier));
        table.getColumns().add(column("Numbers", g -> String.format(Locale.US, "%,d", g.total())));
        table.getColumns().add(column("Rentable now", g -> String.format(Locale.US, "%,d", g.rentable())));
        Label placeholder = Labels.hint("");
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(sources.loadingProperty())
                .then("Loading…").otherwise("No numbers in the pool."));
        table.setPlaceholder(placeholder);
        table.setPrefHeight(230);
        Label summary = new Label();
        summary.setId("server-pool-summary");
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(sources.poolSummaryProperty());
        VBox card = card("Number pool", Icons.PHONE, summary, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        card.setId("server-pool-card");
        return card;
    }

    private static TableColumn<PoolGroup, String> column(String name, java.util.function.Function<PoolGroup, String> value) {
        TableColumn<PoolGroup, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    // ---- test SMS ---------------------------------------------------------------------------------

    private Node testSmsCard(TestSmsForm form) {
        TextField to = new TextField();
        to.setId("server-sms-to");
        to.setPromptText("+14155550142");
        to.textProperty().bindBidirectional(form.toProperty());
        ComboBox<String> pick = new ComboBox<>(model.sources().numbers());
        pick.setId("server-sms-pick");
        pick.setPromptText("Pick a pool number");
        pick.setVisibleRowCount(12);
        pick.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                form.toProperty().set(now);
            }
        });
        Node toField = FormFields.field("To", to, "A pool number, in international form.", form.toError());
        HBox toRow = new HBox(8, toField, pick);
        HBox.setHgrow(toField, Priority.ALWAYS);
        toRow.setAlignment(Pos.TOP_LEFT);
        pick.setTranslateY(22);

        TextField from = new TextField();
        from.setId("server-sms-from");
        from.textProperty().bindBidirectional(form.fromProperty());
        TextField text = new TextField();
        text.setId("server-sms-text");
        text.textProperty().bindBidirectional(form.textProperty());
        text.setOnAction(event -> form.send());
        Node fromField = FormFields.field("From", from, "The sender, as the SMS shows it.",
                new ReadOnlyObjectWrapper<>("").asString());
        Node textField = FormFields.field("Text", text, "Codes in it are found as in any SMS.", form.textError());
        HBox.setHgrow(textField, Priority.ALWAYS);
        HBox fields = new HBox(8, fromField, textField);

        Button send = new Button("Send test SMS", Icons.MESSAGE.node(14));
        send.setId("server-sms-send");
        send.getStyleClass().add("accent");
        send.disableProperty().bind(form.sendingProperty());
        send.setOnAction(event -> form.send());
        Label outcome = new Label();
        outcome.setId("server-sms-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(form.outcomeProperty());
        form.resultProperty().addListener((obs, was, now) -> {
            outcome.getStyleClass().removeAll("success-text", "hint");
            outcome.getStyleClass().add(now != null && now.rentalId().isPresent() ? "success-text" : "hint");
        });
        VBox card = card("Send a test SMS to this number", Icons.MESSAGE, toRow, fields,
                errorLabel("server-sms-error", form.formErrorProperty()), send, outcome);
        card.setId("server-sms-card");
        return card;
    }

    // ---- log --------------------------------------------------------------------------------------

    private Node logCard(LogTail log) {
        ListView<String> lines = new ListView<>(log.lines());
        lines.setId("server-log");
        lines.getStyleClass().add("server-log");
        lines.setPrefHeight(300);
        lines.setPlaceholder(Labels.hint("Nothing logged yet."));
        Button latest = new Button("Jump to latest");
        latest.setId("server-log-latest");
        latest.getStyleClass().add("flat");
        // Follows new lines unless the user scrolled up to read; "Jump to latest" (or scrolling
        // back to the end) follows again.
        boolean[] follow = {true};
        latest.setVisible(false);
        Runnable toEnd = () -> {
            follow[0] = true;
            latest.setVisible(false);
            if (!lines.getItems().isEmpty()) {
                lines.scrollTo(lines.getItems().size() - 1);
            }
        };
        latest.setOnAction(event -> toEnd.run());
        log.lines().addListener((ListChangeListener<String>) change -> {
            if (follow[0]) {
                toEnd.run();
            }
        });
        lines.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, event -> javafx.application.Platform.runLater(() -> {
            boolean atEnd = atEnd(lines);
            follow[0] = atEnd;
            latest.setVisible(!atEnd);
        }));
        Label state = new Label();
        state.getStyleClass().add("hint");
        state.setId("server-log-state");
        state.textProperty().bind(log.stateProperty());
        state.setMinWidth(0);
        HBox foot = new HBox(8, state, spacer(), latest);
        foot.setAlignment(Pos.CENTER_LEFT);
        VBox card = card("Live log", Icons.RECEIPT, lines, foot);
        card.setId("server-log-card");
        return card;
    }

    private static boolean atEnd(ListView<String> list) {
        VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
        if (flow == null || flow.getLastVisibleCell() == null) {
            return true;
        }
        return flow.getLastVisibleCell().getIndex() >= list.getItems().size() - 1;
    }

    // ---- shared pieces ----------------------------------------------------------------------------

    private static HBox row(Node left, Node right) {
        HBox row = new HBox(16, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        if (left instanceof Region l && right instanceof Region r) {
            // Equal halves whatever the content asks for, so the rows line up as columns.
            l.setPrefWidth(0);
            r.setPrefWidth(0);
            l.setMinWidth(0);
            r.setMinWidth(0);
            l.setMaxWidth(Double.MAX_VALUE);
            r.setMaxWidth(Double.MAX_VALUE);
        }
        return row;
    }

    private static VBox card(String title, Icons icon, Node... content) {
        Label heading = new Label(title, icon.node(16));
        heading.getStyleClass().add("card-title");
        VBox card = new VBox(12, heading);
        card.getChildren().addAll(content);
        card.getStyleClass().addAll("card", "server-card");
        return card;
    }



    private static Label errorLabel(String id, ObservableStringValue error) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("danger-text");
        label.textProperty().bind(error);
        label.visibleProperty().bind(Bindings.isNotEmpty(error));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Button copyButton(String id, ObservableStringValue text) {
        Button copy = new Button(null, Icons.COPY.node(13));
        if (id != null) {
            copy.setId(id);
        }
        copy.getStyleClass().addAll("flat", "server-copy");
        copy.setTooltip(new Tooltip("Copy"));
        copy.setOnAction(event -> copy(text.get()));
        return copy;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
