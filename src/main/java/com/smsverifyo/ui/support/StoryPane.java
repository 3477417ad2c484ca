package com.smsverifyo.ui.support;

import com.smsverifyo.client.RentalStatus;
import com.smsverifyo.client.TimelineEntry.Type;
import com.smsverifyo.ui.common.Icons;
import com.smsverifyo.ui.support.StoryStep.Detail;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The selected rental's story: a header with its facts and the refund action, then the timeline,
 * one row per entry (time and offset, a marker by kind and outcome, the summary line), each with
 * its raw details behind a toggle and its action (correct the code, redeliver the webhook).
 */
final class StoryPane {
    private static final int FACT_COLUMNS = 3;

    private final SupportViewModel model;
    private final VBox content = new VBox(16);
    /** Entries whose details are open, kept across re-reads of the same rental. */
    private final Set<String> expanded = new HashSet<>();
    private String shownRentalId;

    StoryPane(SupportViewModel model) {
        this.model = model;
    }

    Node build() {
        content.getStyleClass().add("support-story-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("support-story-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("support-story-scroll");
        // The story scrolls inside the pane; it never asks the page for its whole height.
        scroll.setPrefViewportHeight(200);
        scroll.visibleProperty().bind(model.storyProperty().isNotNull());

        Label emptyTitle = new Label();
        emptyTitle.getStyleClass().add("support-empty-title");
        emptyTitle.textProperty().bind(Bindings.when(model.storyErrorProperty().isEmpty())
                .then("No rental selected").otherwise("The story could not be read"));
        Label emptyText = new Label();
        emptyText.setId("support-story-error");
        emptyText.setWrapText(true);
        emptyText.getStyleClass().add("support-empty-text");
        emptyText.textProperty().bind(Bindings.when(model.storyErrorProperty().isEmpty())
                .then("Search, then pick a rental to read its whole story: every SMS, code, webhook attempt and ledger entry.")
                .otherwise(model.storyErrorProperty()));
        VBox empty = new VBox(8, new Label(null, Icons.RECEIPT.node(30)), emptyTitle, emptyText);
        empty.setId("support-story-empty");
        empty.setAlignment(Pos.CENTER);
        empty.setMaxWidth(340);
        empty.getStyleClass().add("support-empty");
        empty.visibleProperty().bind(model.storyProperty().isNull().and(model.storyLoadingProperty().not()));

        ProgressIndicator loading = new ProgressIndicator();
        loading.setMaxSize(28, 28);
        loading.visibleProperty().bind(model.storyLoadingProperty().and(model.storyProperty().isNull()));

        StackPane pane = new StackPane(scroll, empty, loading);
        pane.setId("support-story");
        pane.getStyleClass().add("support-story");
        model.storyProperty().addListener((obs, old, story) -> show(story));
        show(model.storyProperty().get());
        return pane;
    }

    private void show(StoryModel story) {
        if (story == null) {
            content.getChildren().clear();
            return;
        }
        if (!story.rental().id().equals(shownRentalId)) {
            expanded.clear();
            shownRentalId = story.rental().id();
        }
        content.getChildren().setAll(header(story), timeline(story.steps()));
    }

    // ---- header ------------------------------------------------------------------------------------

    private Node header(StoryModel story) {
        Label number = new Label(story.phone());
        number.setId("support-story-number");
        number.getStyleClass().add("support-story-number");
        Label status = pill(story.rental().status());
        status.setId("support-story-status");

        Button reload = new Button(null, Icons.REFRESH.node(14));
        reload.setId("support-story-reload");
        reload.getStyleClass().addAll("flat", "button-icon");
        reload.setTooltip(new Tooltip("Read the story again"));
        reload.disableProperty().bind(model.storyLoadingProperty());
        reload.setOnAction(event -> model.reloadStory());

        Button refund = new Button("Refund…", Icons.UNDO.node(14));
        refund.setId("support-refund");
        refund.getStyleClass().add("support-refund-button");
        StringBinding refundBlocker = Bindings.createStringBinding(() -> !model.correctionBlocker().get().isEmpty()
                ? model.correctionBlocker().get()
                : story.refundable().signum() == 0 ? "This rental has already been refunded in full." : "",
                model.correctionBlocker());
        refund.disableProperty().bind(refundBlocker.isNotEmpty());
        refund.setOnAction(event -> model.openRefund());

        HBox title = new HBox(10, number, status);
        title.setAlignment(Pos.CENTER_LEFT);
        Label id = new Label(story.rental().id());
        id.setId("support-story-id");
        id.getStyleClass().addAll("support-raw", "support-story-id");
        Button copyId = copyButton(story.rental().id(), "Copy the rental id");
        HBox idRow = new HBox(2, id, copyId);
        idRow.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(10, new VBox(2, title, idRow), spacer(), reload, withReason(refund, refundBlocker,
                "Give (part of) the price back, with a reason, as an adjustment on the customer’s ledger"));
        top.setAlignment(Pos.TOP_LEFT);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("support-facts");
        facts.setHgap(24);
        facts.setVgap(10);
        for (int i = 0; i < FACT_COLUMNS; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / FACT_COLUMNS);
            facts.getColumnConstraints().add(column);
        }
        List<Detail> shown = story.facts();
        for (int i = 0; i < shown.size(); i++) {
            Detail fact = shown.get(i);
            Label name = new Label(fact.label());
            name.getStyleClass().add("support-fact-name");
            Label value = new Label(fact.value());
            value.setId("support-fact-" + fact.label().toLowerCase(Locale.ROOT).replace(' ', '-'));
            value.getStyleClass().add(fact.raw() ? "support-raw" : "support-fact-value");
            value.setWrapText(true);
            facts.add(new VBox(2, name, value), i % FACT_COLUMNS, i / FACT_COLUMNS);
        }

        Label blocker = new Label(null, Icons.WARNING.node(13));
        blocker.setId("support-blocker");
        blocker.getStyleClass().add("support-blocker");
        blocker.setWrapText(true);
        blocker.textProperty().bind(model.correctionBlocker());
        blocker.visibleProperty().bind(model.correctionBlocker().isNotEmpty());
        blocker.managedProperty().bind(blocker.visibleProperty());

        VBox card = new VBox(14, top, facts, blocker);
        card.getStyleClass().addAll("card", "support-story-header");
        return card;
    }

    static Label pill(RentalStatus status) {
        Label pill = new Label(status.wireName());
        pill.getStyleClass().addAll("status-pill", status.wireName());
        pill.setMinWidth(Region.USE_PREF_SIZE);
        return pill;
    }

    // ---- timeline ----------------------------------------------------------------------------------

    private Node timeline(List<StoryStep> steps) {
        Label title = new Label("Timeline");
        title.getStyleClass().add("support-panel-title");
        Label count = new Label(String.valueOf(steps.size()));
        count.getStyleClass().add("support-count");
        HBox heading = new HBox(8, title, count);
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox rows = new VBox();
        rows.setId("support-timeline");
        rows.getStyleClass().add("support-timeline");
        for (int i = 0; i < steps.size(); i++) {
            rows.getChildren().add(row(steps.get(i), i, i == steps.size() - 1));
        }
        return new VBox(10, heading, rows);
    }

    private Node row(StoryStep step, int index, boolean last) {
        String id = "support-step-" + index;
        Label time = new Label(step.time());
        time.getStyleClass().add("support-step-time");
        Label offset = new Label(step.offset());
        offset.getStyleClass().add("support-step-offset");
        VBox when = new VBox(1, time, offset);
        when.setAlignment(Pos.TOP_RIGHT);
        when.getStyleClass().add("support-step-when");

        StackPane marker = new StackPane(icon(step).node(13));
        marker.getStyleClass().addAll("support-step-marker", tone(step));
        Region line = new Region();
        line.getStyleClass().add("support-step-line");
        line.setVisible(!last);
        VBox.setVgrow(line, Priority.ALWAYS);
        VBox rail = new VBox(marker, line);
        rail.setAlignment(Pos.TOP_CENTER);
        rail.getStyleClass().add("support-step-rail");

        Label title = new Label(step.title());
        title.setId(id + "-title");
        title.setWrapText(true);
        title.getStyleClass().add("support-step-title");

        String key = step.type() + "|" + step.at() + "|" + step.title();
        ToggleButton toggle = new ToggleButton("Details", Icons.CHEVRON.node(10));
        toggle.setId(id + "-details");
        toggle.getStyleClass().addAll("flat", "small", "support-details-toggle");
        toggle.setSelected(expanded.contains(key));
        GridPane details = details(step.details());
        details.visibleProperty().bind(toggle.selectedProperty());
        details.managedProperty().bind(toggle.selectedProperty());
        toggle.selectedProperty().addListener((obs, was, open) -> {
            if (open) {
                expanded.add(key);
            } else {
                expanded.remove(key);
            }
        });
        HBox actions = new HBox(2);
        actions.setAlignment(Pos.TOP_RIGHT);
        actions.setMinWidth(Region.USE_PREF_SIZE);
        step.action().ifPresent(action -> actions.getChildren().add(actionButton(action, id)));
        actions.getChildren().add(toggle);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox head = new HBox(10, title, actions);
        head.setAlignment(Pos.TOP_LEFT);

        VBox body = new VBox(6, head, details);
        body.getStyleClass().add("support-step-body");
        HBox.setHgrow(body, Priority.ALWAYS);
        HBox row = new HBox(12, when, rail, body);
        row.setId(id);
        row.getStyleClass().addAll("support-step", step.type().wireName().replace('_', '-'), tone(step));
        return row;
    }

    private Node actionButton(StoryStep.Action action, String id) {
        if (action instanceof StoryStep.CorrectCode message) {
            Button correct = new Button("Correct code…", Icons.PENCIL.node(12));
            correct.setId(id + "-correct");
            correct.getStyleClass().addAll("flat", "small", "support-step-action");
            correct.disableProperty().bind(model.correctionBlocker().isNotEmpty());
            correct.setOnAction(event -> model.openCorrection(message));
            return withReason(correct, model.correctionBlocker(), "Fix the code extracted from this SMS");
        }
        StoryStep.Redeliver message = (StoryStep.Redeliver) action;
        Button redeliver = new Button("Redeliver", Icons.REFRESH.node(12));
        redeliver.setId(id + "-redeliver");
        redeliver.getStyleClass().addAll("flat", "small", "support-step-action");
        redeliver.disableProperty().bind(model.redeliveringProperty());
        redeliver.setTooltip(new Tooltip("Send this " + message.eventType() + " message to its endpoint again now "
                + "(the same webhook-id, so receivers that handled it drop it)"));
        redeliver.setOnAction(event -> model.redeliver(message));
        return redeliver;
    }

    private GridPane details(List<Detail> details) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("support-details");
        grid.setHgap(14);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(96);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, values);
        for (int i = 0; i < details.size(); i++) {
            Detail detail = details.get(i);
            Label label = new Label(detail.label());
            label.getStyleClass().add("support-detail-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            // Beside a value of several lines (an SMS text), the label stays on its first line.
            GridPane.setValignment(label, VPos.TOP);
            Label value = new Label(detail.value());
            value.setWrapText(true);
            value.getStyleClass().add(detail.raw() ? "support-raw" : "support-detail-value");
            Node shown = value;
            if (detail.raw()) {
                HBox box = new HBox(4, value, copyButton(detail.value(), "Copy"));
                box.setAlignment(Pos.TOP_LEFT);
                shown = box;
            }
            grid.add(label, 0, i);
            grid.add(shown, 1, i);
        }
        return grid;
    }

    private static Icons icon(StoryStep step) {
        if (step.type() == Type.STATUS) {
            return switch (step.detail("Event").orElse("")) {
                case "rental.cancelled" -> Icons.CLOSE;
                case "rental.expired" -> Icons.WARNING;
                default -> Icons.CHECK;
            };
        }
        return switch (step.type()) {
            case CREATED -> Icons.RENT;
            case NUMBER_ASSIGNED -> Icons.PHONE;
            case MESSAGE -> Icons.MESSAGE;
            case LEDGER -> Icons.RECEIPT;
            case WEBHOOK_ATTEMPT -> Icons.WEBHOOK;
            default -> Icons.CHECK;
        };
    }

    private static String tone(StoryStep step) {
        return "tone-" + step.tone().name().toLowerCase(Locale.ROOT);
    }

    /**
     * A control that explains itself: {@code usual} as its tooltip, or {@code reason} while it is
     * disabled for one. (A disabled control shows no tooltip, so the reason sits on a wrapper.)
     */
    private static Node withReason(Button button, ObservableStringValue reason, String usual) {
        StackPane wrapper = new StackPane(button);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> reason.get().isEmpty() ? usual : reason.get(), reason));
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        Tooltip.install(wrapper, tip);
        return wrapper;
    }

    private static Button copyButton(String text, String tip) {
        Button copy = new Button(null, Icons.COPY.node(11));
        copy.getStyleClass().addAll("flat", "button-icon", "support-copy");
        copy.setTooltip(new Tooltip(tip));
        copy.setFocusTraversable(false);
        copy.setOnAction(event -> copy(text));
        return copy;
    }

    private static void copy(String text) {
        ClipboardContent clip = new ClipboardContent();
        clip.putString(text);
        Clipboard.getSystemClipboard().setContent(clip);
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
