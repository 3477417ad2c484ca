package com.smsverifyo.ui.rent;

import com.smsverifyo.client.ServiceOffer;
import com.smsverifyo.client.ServiceOffer.CountryOffer;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.Icons;
import com.smsverifyo.ui.common.Labels;
import com.smsverifyo.ui.rent.RentViewModel.CarrierChoice;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

/** The Rent page: choose, see the exact price and the balance after, confirm; bulk with progress. */
public final class RentView {
    private final RentViewModel model;

    public RentView(RentViewModel model) {
        this.model = model;
    }

    public Node build() {
        Label title = new Label("Rent numbers");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Choose a service and a country. Prices are yours (your tier applies); "
                + "a rental that gets no code is refunded in full.");
        subtitle.getStyleClass().add("page-subtitle");
        Label loadError = new Label();
        loadError.getStyleClass().add("danger-text");
        loadError.textProperty().bind(model.loadErrorProperty());
        loadError.managedProperty().bind(model.loadErrorProperty().isNotEmpty());

        HBox columns = new HBox(18, form(), summary());
        HBox.setHgrow(columns.getChildren().get(0), Priority.ALWAYS);
        VBox page = new VBox(14, new VBox(4, title, subtitle), loadError, columns, progress(), results());
        page.getStyleClass().addAll("page", "rent-page");
        page.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> {
                    if (page.isVisible() && page.getParent() != null) {
                        model.rent();
                    }
                });
            }
        });
        return page;
    }

    private Node form() {
        SearchableComboBox<ServiceOffer> service = new SearchableComboBox<>(model.services());
        service.setId("rent-service");
        service.setConverter(converter(offer -> offer.name()));
        service.valueProperty().bindBidirectional(model.serviceProperty());
        service.setMaxWidth(Double.MAX_VALUE);

        SearchableComboBox<CountryOffer> country = new SearchableComboBox<>(model.countries());
        country.setId("rent-country");
        country.setConverter(converter(offer -> offer.name().orElse(offer.country()) + "  ·  "
                + Formats.usd(offer.price()) + "  ·  " + offer.available() + " free"));
        country.valueProperty().bindBidirectional(model.countryProperty());
        country.setMaxWidth(Double.MAX_VALUE);

        ToggleGroup carriers = new ToggleGroup();
        RadioButton any = new RadioButton();
        any.setId("rent-carrier-any");
        any.setToggleGroup(carriers);
        any.textProperty().bind(Bindings.createStringBinding(() -> model.countryProperty().get() == null ? "Any number"
                : "Any number  ·  " + Formats.usd(model.countryProperty().get().price()) + "  ·  "
                + model.countryProperty().get().available() + " free", model.countryProperty()));
        RadioButton mobile = new RadioButton();
        mobile.setId("rent-carrier-mobile");
        mobile.setToggleGroup(carriers);
        mobile.textProperty().bind(Bindings.createStringBinding(() -> model.countryProperty().get() == null
                ? "Real mobile carrier only" : "Real mobile carrier only  ·  "
                + Formats.usd(model.countryProperty().get().mobilePrice()) + "  ·  "
                + model.countryProperty().get().mobileAvailable() + " free", model.countryProperty()));
        mobile.setTooltip(new Tooltip("Some services refuse virtual numbers; mobile-carrier numbers cost more."));
        (model.carrierProperty().get() == CarrierChoice.MOBILE ? mobile : any).setSelected(true);
        carriers.selectedToggleProperty().addListener((obs, old, next) ->
                model.carrierProperty().set(next == mobile ? CarrierChoice.MOBILE : CarrierChoice.ANY));

        TextField maxPrice = new TextField();
        maxPrice.setId("rent-max-price");
        maxPrice.setPromptText("e.g. 0.80");
        maxPrice.textProperty().bindBidirectional(model.maxPriceProperty());
        maxPrice.setPrefColumnCount(9);
        Label maxPriceError = new Label();
        maxPriceError.getStyleClass().add("field-error");
        maxPriceError.textProperty().bind(model.maxPriceError());
        Label maxPriceHint = new Label("Nothing is charged if the price is above it.");
        maxPriceHint.getStyleClass().add("hint");
        HBox maxPriceRow = new HBox(10, maxPrice, maxPriceHint);
        maxPriceRow.setAlignment(Pos.CENTER_LEFT);

        Spinner<Integer> quantity = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                RentViewModel.MAX_QUANTITY, 1));
        quantity.setId("rent-quantity");
        quantity.setEditable(true);
        quantity.setPrefWidth(110);
        quantity.valueProperty().addListener((obs, old, next) -> model.quantityProperty().set(next == null ? 1 : next));
        Label quantityHint = new Label("1 to 50; several are rented one after the other.");
        quantityHint.getStyleClass().add("hint");
        HBox quantityRow = new HBox(10, quantity, quantityHint);
        quantityRow.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(12);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, inputs);
        grid.addRow(0, Labels.fieldLabel("Service"), service);
        grid.addRow(1, Labels.fieldLabel("Country"), country);
        grid.addRow(2, Labels.fieldLabel("Numbers"), new VBox(8, any, mobile));
        grid.addRow(3, Labels.fieldLabel("Max price"), new VBox(4, maxPriceRow, maxPriceError));
        grid.addRow(4, Labels.fieldLabel("Quantity"), quantityRow);
        VBox card = new VBox(grid);
        card.getStyleClass().add("card");
        return card;
    }

    private Node summary() {
        Label what = new Label();
        what.getStyleClass().add("summary-what");
        what.setWrapText(true);
        what.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.serviceProperty().get() == null || model.countryProperty().get() == null) {
                return "Nothing chosen yet";
            }
            return model.quantityProperty().get() + " × " + model.serviceProperty().get().name() + " in "
                    + model.countryProperty().get().name().orElse(model.countryProperty().get().country())
                    + (model.carrierProperty().get() == CarrierChoice.MOBILE ? ", mobile carrier" : "");
        }, model.serviceProperty(), model.countryProperty(), model.quantityProperty(), model.carrierProperty()));

        Label unit = amount(Bindings.createStringBinding(() -> Formats.usd(model.unitPrice().get()), model.unitPrice()));
        Label total = amount(Bindings.createStringBinding(() -> Formats.usd(model.total().get()), model.total()));
        total.setId("rent-total");
        total.getStyleClass().add("summary-total");
        Label after = amount(Bindings.createStringBinding(() -> Formats.usd(model.balanceAfter().get()), model.balanceAfter()));
        after.setId("rent-balance-after");
        model.balanceAfter().addListener((obs, old, next) -> after.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("negative"), next != null && next.signum() < 0));

        GridPane figures = new GridPane();
        figures.setHgap(12);
        figures.setVgap(6);
        figures.addRow(0, caption("Price each"), unit);
        figures.addRow(1, caption("Total"), total);
        figures.addRow(2, caption("Balance after"), after);
        ColumnConstraints left = new ColumnConstraints();
        left.setHgrow(Priority.ALWAYS);
        figures.getColumnConstraints().addAll(left, new ColumnConstraints());

        Button rent = new Button();
        rent.setId("rent-button");
        rent.getStyleClass().addAll("accent", "rent-button");
        rent.setGraphic(Icons.RENT.node(16));
        rent.setMaxWidth(Double.MAX_VALUE);
        rent.textProperty().bind(Bindings.createStringBinding(() -> model.quantityProperty().get() == 1
                ? "Rent 1 number" : "Rent " + model.quantityProperty().get() + " numbers", model.quantityProperty()));
        rent.disableProperty().bind(model.canRent().not());
        rent.setOnAction(event -> model.rent());
        rent.setTooltip(new Tooltip("Ctrl+Enter"));
        Label blocker = new Label();
        blocker.setId("rent-blocker");
        blocker.getStyleClass().add("hint");
        blocker.setWrapText(true);
        blocker.textProperty().bind(model.blocker());

        VBox card = new VBox(14, what, figures, rent, blocker);
        card.getStyleClass().addAll("card", "summary-card");
        card.setPrefWidth(320);
        card.setMinWidth(300);
        return card;
    }

    private Node progress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("rent-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> model.targetProperty().get() == 0 ? 0
                : (double) model.doneProperty().get() / model.targetProperty().get(), model.doneProperty(), model.targetProperty()));
        Label count = new Label();
        count.textProperty().bind(Bindings.createStringBinding(() -> model.doneProperty().get() + " of "
                + model.targetProperty().get(), model.doneProperty(), model.targetProperty()));
        Button cancel = new Button("Stop");
        cancel.setId("rent-stop");
        cancel.setOnAction(event -> model.cancelRun());
        HBox row = new HBox(12, bar, count, cancel);
        HBox.setHgrow(bar, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(model.runningProperty());
        row.managedProperty().bind(model.runningProperty());
        return row;
    }

    private Node results() {
        Label summary = new Label();
        summary.setId("rent-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.resultSummaryProperty());
        summary.getStyleClass().add("rent-summary");
        ListView<RentOutcome> list = new ListView<>(model.outcomes());
        list.setId("rent-results");
        list.setCellFactory(view -> new OutcomeCell(model));
        list.setPlaceholder(new Label("Rented numbers appear here; their codes show on the Rentals page."));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, summary, list);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    /** One rented number (with a copy button) or one failure in words. */
    private static final class OutcomeCell extends ListCell<RentOutcome> {
        private final RentViewModel model;

        OutcomeCell(RentViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(RentOutcome outcome, boolean empty) {
            super.updateItem(outcome, empty);
            if (empty || outcome == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            if (outcome.ok()) {
                var rental = outcome.rental().orElseThrow();
                Label number = new Label(Formats.phone(rental.phoneNumber()));
                number.getStyleClass().add("code-cell");
                Label detail = new Label(model.serviceName(rental.service()) + " · " + model.countryName(rental.country())
                        + " · " + Formats.usd(rental.price()) + " · expires " + Formats.time(rental.expiresAt()));
                detail.getStyleClass().add("text-muted");
                Button copy = new Button(null, Icons.COPY.node(14));
                copy.getStyleClass().addAll("flat", "button-icon");
                copy.setTooltip(new Tooltip("Copy the number"));
                copy.setOnAction(event -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(rental.phoneNumber());
                    Clipboard.getSystemClipboard().setContent(content);
                });
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                HBox row = new HBox(12, Icons.CHECK.node(14), number, detail, spacer, copy);
                row.setAlignment(Pos.CENTER_LEFT);
                row.getStyleClass().add("outcome-ok");
                setGraphic(row);
            } else {
                Label reason = new Label("#" + outcome.index() + "  " + outcome.problem().orElse(""));
                reason.setWrapText(true);
                HBox row = new HBox(12, Icons.WARNING.node(14), reason);
                row.setAlignment(Pos.CENTER_LEFT);
                row.getStyleClass().add("outcome-failed");
                setGraphic(row);
            }
            setText(null);
        }
    }


    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static Label amount(javafx.beans.binding.StringBinding text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add("summary-amount");
        return label;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

}
