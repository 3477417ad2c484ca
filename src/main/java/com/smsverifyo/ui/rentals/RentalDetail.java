package com.smsverifyo.ui.rentals;

import com.smsverifyo.client.Message;
import com.smsverifyo.client.Rental;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.Icons;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The selected rental in full: number and state, its code (or its countdown), the actions, its facts,
 * every message it received, and its timeline.
 */
final class RentalDetail {
    private final RentalsViewModel model;
    private final VBox content = new VBox(18);
    private final StackPane root = new StackPane();
    private final CountdownBar waitingBar = new CountdownBar(120);
    private final Label waitingText = new Label();
    private Rental shown;

    RentalDetail(RentalsViewModel model) {
        this.model = model;
        content.getStyleClass().add("rental-detail-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        root.getChildren().add(scroll);
        root.setId("rental-detail");
        root.getStyleClass().add("rental-detail");
        root.setMinWidth(300);
        waitingText.getStyleClass().add("countdown-text");
        model.selectedProperty().addListener((obs, old, rental) -> show(rental));
        model.nowProperty().addListener(obs -> tick());
        show(null);
    }

    Node root() {
        return root;
    }

    private void tick() {
        if (shown != null) {
            Countdown countdown = model.countdown(shown);
            waitingBar.show(countdown);
            CountdownBar.phase(waitingText, countdown.phase());
            waitingText.setText(countdown.text());
        }
    }

    private void show(Rental rental) {
        shown = rental;
        if (rental == null) {
            content.getChildren().setAll(emptyState());
            return;
        }
        content.getChildren().setAll(header(rental), codeBox(rental), actions(rental), facts(rental),
                messages(rental), timeline(rental));
        tick();
    }

    private Node emptyState() {
        Region icon = Icons.PHONE.node(40);
        Label title = new Label("No rental selected");
        title.getStyleClass().add("title-4");
        Label text = new Label("Select a rental to see its code, every message it received and its whole story.");
        text.getStyleClass().add("text-muted");
        text.setWrapText(true);
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox box = new VBox(10, icon, title, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("rental-detail-empty");
        return box;
    }

    private Node header(Rental rental) {
        Label number = new Label(PhoneNumbers.display(rental.phoneNumber()));
        number.getStyleClass().add("rental-detail-number");
        number.setId("rental-detail-number");
        Button copyNumber = iconButton(Icons.COPY, "Copy the number (" + rental.phoneNumber() + ")", "rental-copy-number");
        copyNumber.setOnAction(event -> model.actions().copyNumber(shown));
        HBox top = new HBox(6, number, copyNumber);
        top.setAlignment(Pos.CENTER_LEFT);

        Label pill = new Label();
        pill.getStyleClass().add("status-pill");
        pill.setId("rental-detail-status");
        RentalCells.style(pill, rental.status());
        pill.setMinWidth(Region.USE_PREF_SIZE);
        Label where = new Label(model.serviceName(rental.service()) + " · " + model.countryName(rental.country())
                + " · " + rental.carrier().name().toLowerCase(Locale.ROOT) + " carrier");
        where.getStyleClass().add("text-muted");
        HBox second = new HBox(8, pill, where);
        second.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, top, second);
    }

    private Node codeBox(Rental rental) {
        VBox box = new VBox(8);
        box.getStyleClass().add("rental-code-box");
        if (rental.code().isPresent()) {
            Label caption = caption("Code");
            Label code = new Label(rental.code().get());
            code.getStyleClass().add("rental-detail-code");
            code.setId("rental-detail-code");
            Button copy = new Button("Copy code", Icons.COPY.node(14));
            copy.getStyleClass().add("accent");
            copy.setId("rental-copy-code");
            copy.setTooltip(new Tooltip("Copy the code (Ctrl+C in the table)"));
            copy.setOnAction(event -> model.actions().copyCode(shown));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox line = new HBox(12, code, spacer, copy);
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().addAll(caption, line);
            box.getStyleClass().add("has-code");
        } else if (!rental.isFinal()) {
            Label caption = caption("Waiting for the code");
            HBox line = new HBox(10, waitingBar, waitingText);
            HBox.setHgrow(waitingBar, Priority.ALWAYS);
            line.setAlignment(Pos.CENTER_LEFT);
            Label hint = new Label("Send the code to this number from the service; it shows here the moment it arrives.");
            hint.getStyleClass().add("hint");
            hint.setWrapText(true);
            box.getChildren().addAll(caption, line, hint);
        } else {
            Label caption = caption("No code arrived");
            Label hint = new Label(Formats.usd(rental.refunded()) + " refunded.");
            hint.getStyleClass().add("hint");
            box.getChildren().addAll(caption, hint);
        }
        return box;
    }

    private Node actions(Rental rental) {
        Button finish = action("Finish", Icons.CHECK, "rental-finish", RentalActions.canFinish(rental),
                "Release the number now; the code is kept.");
        finish.setOnAction(event -> model.actions().finish(shown));
        Button retry = action("Ask again", Icons.REFRESH, "rental-retry", RentalActions.canRetry(rental),
                "The code was wrong or expired: wait for another SMS on the same number, at no new charge.");
        retry.setOnAction(event -> model.actions().retry(shown));
        Button report = action("Report", Icons.WARNING, "rental-report", RentalActions.canReport(rental),
                "The service refused this number: cancel with a full refund and never offer it for this service again.");
        report.setOnAction(event -> model.actions().report(shown));
        Button cancel = action("Cancel", Icons.CLOSE, "rental-cancel", RentalActions.canCancel(rental),
                "Cancel for a full refund (Delete). Possible until a code arrives.");
        cancel.getStyleClass().add("danger");
        cancel.setOnAction(event -> model.actions().cancel(shown));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, finish, retry);
        grid.addRow(1, report, cancel);
        for (Button button : List.of(finish, retry, report, cancel)) {
            button.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(button, Priority.ALWAYS);
        }
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.getStyleClass().add("rental-actions");
        return grid;
    }

    private Node facts(Rental rental) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("rental-facts");
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        TextField id = new TextField(rental.id());
        id.setEditable(false);
        id.getStyleClass().add("rental-id-field");
        id.setId("rental-detail-id");
        grid.addRow(row++, factName("Rental"), id);
        grid.addRow(row++, factName("Price"), factValue(Formats.usd(rental.price())));
        if (rental.refunded().signum() > 0) {
            grid.addRow(row++, factName("Refunded"), factValue(Formats.usd(rental.refunded())));
        }
        grid.addRow(row++, factName("Created"), factValue(Formats.dateTime(rental.createdAt())));
        grid.addRow(row++, factName(rental.isFinal() ? "Was due to expire" : "Expires"), factValue(Formats.dateTime(rental.expiresAt())));
        Optional<Instant> received = rental.receivedAt();
        if (received.isPresent()) {
            grid.addRow(row++, factName("First code"), factValue(Formats.dateTime(received.get())));
        }
        if (rental.endedAt().isPresent()) {
            grid.addRow(row++, factName("Ended"), factValue(Formats.dateTime(rental.endedAt().get())));
        }
        GridPane.setHgrow(id, Priority.ALWAYS);
        return grid;
    }

    private Node messages(Rental rental) {
        VBox box = new VBox(8, sectionTitle("Messages", rental.messages().size()));
        if (rental.messages().isEmpty()) {
            Label none = new Label("No SMS yet.");
            none.getStyleClass().add("text-muted");
            box.getChildren().add(none);
        }
        for (Message message : rental.messages()) {
            box.getChildren().add(messageCard(message));
        }
        box.setId("rental-messages");
        return box;
    }

    private Node messageCard(Message message) {
        Label from = new Label(message.from().isBlank() ? "Unknown sender" : message.from());
        from.getStyleClass().add("message-from");
        Label at = new Label(Formats.time(message.receivedAt()));
        at.getStyleClass().add("message-time");
        at.setTooltip(new Tooltip(Formats.dateTime(message.receivedAt())));
        HBox top = new HBox(8, from);
        top.setAlignment(Pos.CENTER_LEFT);
        if (message.late()) {
            top.getChildren().add(badge("Late", "late-badge",
                    "Arrived after the rental ended: kept and shown, no money changed."));
        }
        if (message.source().filter("simulator"::equals).isPresent()) {
            top.getChildren().add(badge("Simulated", "simulated-badge",
                    "Sent by the built-in simulator, not by a real phone network."));
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        top.getChildren().addAll(spacer, at);
        Label text = new Label(message.text());
        text.setWrapText(true);
        text.getStyleClass().add("message-text");
        VBox card = new VBox(6, top, text);
        message.code().ifPresent(code -> {
            Label chip = new Label(code);
            chip.getStyleClass().add("message-code");
            Label caption = new Label("code");
            caption.getStyleClass().add("figure-note");
            HBox line = new HBox(6, caption, chip);
            line.setAlignment(Pos.CENTER_LEFT);
            card.getChildren().add(line);
        });
        card.getStyleClass().add("message-card");
        return card;
    }

    private Node timeline(Rental rental) {
        VBox box = new VBox(0, sectionTitle("Timeline", -1));
        List<TimelineEntry> entries = RentalTimeline.of(rental, model.serviceNames());
        for (int i = 0; i < entries.size(); i++) {
            box.getChildren().add(timelineStep(entries.get(i), i == entries.size() - 1));
        }
        box.setId("rental-timeline");
        return box;
    }

    private Node timelineStep(TimelineEntry entry, boolean last) {
        Circle dot = new Circle(5);
        dot.getStyleClass().addAll("timeline-dot", entry.kind().name().toLowerCase(Locale.ROOT));
        Region line = new Region();
        line.getStyleClass().add("timeline-line");
        line.setVisible(!last);
        VBox.setVgrow(line, Priority.ALWAYS);
        VBox marker = new VBox(2, dot, line);
        marker.setAlignment(Pos.TOP_CENTER);
        marker.setMinWidth(14);
        marker.setPadding(new javafx.geometry.Insets(3, 0, 0, 0));

        Label title = new Label(entry.title());
        title.getStyleClass().add("timeline-title");
        title.setWrapText(true);
        Label at = new Label(Formats.time(entry.at()));
        at.getStyleClass().add("timeline-time");
        at.setTooltip(new Tooltip(Formats.dateTime(entry.at())));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, at);
        VBox text = new VBox(2, head);
        if (!entry.detail().isBlank()) {
            Label detail = new Label(entry.detail());
            detail.getStyleClass().add("timeline-detail");
            detail.setWrapText(true);
            text.getChildren().add(detail);
        }
        text.getStyleClass().add("timeline-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox step = new HBox(10, marker, text);
        step.getStyleClass().add("timeline-step");
        if (entry.kind() == TimelineEntry.Kind.EXPIRES) {
            step.getStyleClass().add("future");
        }
        return step;
    }

    private static Label caption(String text) {
        Label label = new Label(text.toUpperCase(Locale.ROOT));
        label.getStyleClass().add("detail-caption");
        return label;
    }

    private static Node sectionTitle(String text, int count) {
        Label title = new Label(text);
        title.getStyleClass().add("detail-section-title");
        if (count < 0) {
            return title;
        }
        Label number = new Label(Integer.toString(count));
        number.getStyleClass().add("count-badge");
        HBox box = new HBox(6, title, number);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label factName(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-name");
        return label;
    }

    private static Label factValue(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-value");
        return label;
    }

    private static Label badge(String text, String styleClass, String tooltip) {
        Label badge = new Label(text);
        badge.getStyleClass().add(styleClass);
        badge.setTooltip(new Tooltip(tooltip));
        return badge;
    }

    private static Button iconButton(Icons icon, String tooltip, String id) {
        Button button = new Button(null, icon.node(14));
        button.getStyleClass().addAll("flat", "button-icon");
        button.setTooltip(new Tooltip(tooltip));
        button.setId(id);
        return button;
    }

    private static Button action(String text, Icons icon, String id, boolean enabled, String tooltip) {
        Button button = new Button(text, icon.node(13));
        button.setId(id);
        button.setDisable(!enabled);
        button.setTooltip(new Tooltip(tooltip));
        button.getStyleClass().add("rental-action");
        return button;
    }
}
