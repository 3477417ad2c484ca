package com.smsverifyo.ui.support;

import atlantafx.base.controls.CustomTextField;
import com.smsverifyo.client.Rental;
import com.smsverifyo.ui.common.Icons;
import com.smsverifyo.ui.common.Notifier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Support page: the search box with what it understood, the rentals found on the left, the
 * selected rental's story on the right, and the dialogs of its actions over the page.
 */
final class SupportView {
    private final SupportViewModel model;
    private final Notifier notifier;
    private final CustomTextField search = new CustomTextField();
    private final ListView<Rental> results = new ListView<>();
    private boolean syncing;

    SupportView(SupportViewModel model, Notifier notifier) {
        this.model = model;
        this.notifier = notifier;
    }

    Node build() {
        Label title = new Label("Support");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Find a rental by what the customer quotes, then read everything that happened to it.");
        subtitle.getStyleClass().add("page-subtitle");

        SplitPane split = new SplitPane(resultsPanel(), new StoryPane(model).build());
        split.setId("support-split");
        split.getStyleClass().add("support-split");
        split.setDividerPositions(0.34);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        VBox.setVgrow(split, Priority.ALWAYS);

        VBox heading = new VBox(4, title, subtitle);
        Region search = searchBox();
        // Only the split gives way when the window is short; the heading and the search never shrink.
        heading.setMinHeight(Region.USE_PREF_SIZE);
        search.setMinHeight(Region.USE_PREF_SIZE);
        VBox page = new VBox(14, heading, search, split);
        page.getStyleClass().addAll("page", "support-page");
        SupportSheets sheets = new SupportSheets(model, page);
        model.noticeProperty().addListener((obs, old, notice) -> tell(notice));
        StackPane root = new StackPane(page, sheets.overlay());
        root.setId("support-page");
        return root;
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private Region searchBox() {
        search.setId("support-search");
        search.setPromptText("Rental id, phone number, code, key prefix (sms_live_…) or customer name");
        search.getStyleClass().add("support-search-field");
        Region magnifier = Icons.SUPPORT.node(16);
        StackPane left = new StackPane(magnifier);
        left.getStyleClass().add("support-search-icon");
        search.setLeft(left);
        Button clear = new Button(null, Icons.CLOSE.node(12));
        clear.setId("support-search-clear");
        clear.getStyleClass().addAll("flat", "button-icon", "support-search-clear");
        clear.setFocusTraversable(false);
        clear.setTooltip(new Tooltip("Clear"));
        clear.visibleProperty().bind(search.textProperty().isNotEmpty());
        clear.setOnAction(event -> {
            search.clear();
            model.search();
            search.requestFocus();
        });
        search.setRight(clear);
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setOnAction(event -> model.search());
        search.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN && !results.getItems().isEmpty()) {
                results.requestFocus();
                if (results.getSelectionModel().isEmpty()) {
                    results.getSelectionModel().select(0);
                }
                event.consume();
            }
        });

        Button go = new Button("Search", Icons.SUPPORT.node(14));
        go.setId("support-search-button");
        go.getStyleClass().addAll("accent", "support-search-button");
        go.setOnAction(event -> model.search());
        go.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.reading().get().kind() == SupportQuery.Kind.EMPTY, model.reading()));
        HBox row = new HBox(8, search, go);
        HBox.setHgrow(search, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("support-busy");
        busy.setPrefSize(14, 14);
        busy.setMaxSize(14, 14);
        busy.visibleProperty().bind(model.searchingProperty());
        busy.managedProperty().bind(model.searchingProperty());
        Label status = new Label();
        status.setId("support-understood");
        status.getStyleClass().add("support-status");
        status.textProperty().bind(model.status());
        Label error = new Label();
        error.setId("support-search-error");
        error.getStyleClass().add("danger-text");
        error.setWrapText(true);
        error.textProperty().bind(model.searchErrorProperty());
        error.managedProperty().bind(model.searchErrorProperty().isNotEmpty());
        error.visibleProperty().bind(model.searchErrorProperty().isNotEmpty());
        HBox statusRow = new HBox(8, busy, status, error);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        statusRow.getStyleClass().add("support-status-row");
        return new VBox(6, row, statusRow);
    }

    private Node resultsPanel() {
        Label heading = new Label("Rentals");
        heading.getStyleClass().add("support-panel-title");
        Label count = new Label();
        count.setId("support-results-count");
        count.getStyleClass().add("support-count");
        count.textProperty().bind(Bindings.size(model.results()).asString());
        count.visibleProperty().bind(Bindings.isNotEmpty(model.results()));
        HBox header = new HBox(8, heading, count);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("support-panel-header");

        results.setId("support-results");
        results.getStyleClass().add("support-results");
        results.setItems(model.results());
        results.setCellFactory(list -> new RentalCell(model));
        model.serviceNamesRevision().addListener((obs, old, now) -> results.refresh());
        results.setPlaceholder(placeholder());
        results.getSelectionModel().selectedItemProperty().addListener((obs, old, next) -> {
            if (next != null && !syncing) {
                model.select(next);
            }
        });
        model.selectedProperty().addListener((obs, old, next) -> syncSelection());
        model.results().addListener((ListChangeListener<Rental>) change -> syncSelection());
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox panel = new VBox(header, results);
        panel.getStyleClass().add("support-panel");
        panel.setMinWidth(300);
        return panel;
    }

    /** Before a search: what can be typed; after one that found nothing: that it found nothing. */
    private Node placeholder() {
        Label icon = new Label(null, Icons.SUPPORT.node(30));
        Label what = new Label();
        what.getStyleClass().add("support-empty-title");
        what.textProperty().bind(Bindings.when(model.searchedProperty()).then("Nothing found").otherwise("Find a rental"));
        Label how = new Label();
        how.setWrapText(true);
        how.getStyleClass().add("support-empty-text");
        how.textProperty().bind(Bindings.when(model.searchedProperty())
                .then("Check the number, code or name, or try another thing the customer quoted.")
                .otherwise("Try a phone number (+1 201 555 0123), a code (482913), a rental id (rnt_…), "
                        + "a key prefix (sms_live_AbCd) or a customer’s name."));
        VBox box = new VBox(8, icon, what, how);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(260);
        box.getStyleClass().add("support-empty");
        return box;
    }

    /** Keeps the list's selection on the model's rental, whatever the list did to its items. */
    private void syncSelection() {
        Rental wanted = model.selectedProperty().get();
        syncing = true;
        try {
            if (wanted == null) {
                results.getSelectionModel().clearSelection();
                return;
            }
            Rental current = results.getSelectionModel().getSelectedItem();
            if (current != null && current.id().equals(wanted.id())) {
                return;
            }
            for (int i = 0; i < results.getItems().size(); i++) {
                if (results.getItems().get(i).id().equals(wanted.id())) {
                    results.getSelectionModel().select(i);
                    results.scrollTo(i);
                    return;
                }
            }
            results.getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    private void tell(SupportViewModel.Notice notice) {
        if (notice == null || notifier == null) {
            return;
        }
        if (notice.error()) {
            notifier.error(notice.title(), notice.text());
        } else {
            notifier.info(notice.title(), notice.text());
        }
    }
}
