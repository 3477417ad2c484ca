package com.smsverifyo.ui.support;

import com.smsverifyo.client.Rental;
import com.smsverifyo.ui.common.Formats;
import java.time.Instant;
import java.time.ZoneId;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One rental found: number and when, then state, service, customer and code. */
final class RentalCell extends ListCell<Rental> {
    private final SupportViewModel model;

    RentalCell(SupportViewModel model) {
        this.model = model;
        // Cells take the list's width, never their content's: long names are cut with an ellipsis instead.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Rental rental, boolean empty) {
        super.updateItem(rental, empty);
        setText(null);
        if (empty || rental == null) {
            setGraphic(null);
            return;
        }
        Label number = new Label(Formats.phone(rental.phoneNumber()));
        number.getStyleClass().add("support-result-number");
        Label when = new Label(when(rental.createdAt()));
        when.getStyleClass().add("support-result-when");
        when.setMinWidth(Region.USE_PREF_SIZE);
        number.setMinWidth(0);
        HBox top = new HBox(8, number, spacer(), when);
        top.setAlignment(Pos.CENTER_LEFT);

        Label status = StoryPane.pill(rental.status());
        Label what = new Label(model.serviceName(rental.service()) + " · " + rental.country() + " · " + model.customerName(rental.accountId()));
        what.getStyleClass().add("support-result-what");
        what.setMinWidth(0);
        HBox bottom = new HBox(8, status, what, spacer());
        bottom.setAlignment(Pos.CENTER_LEFT);
        rental.code().ifPresent(code -> {
            Label codeLabel = new Label(code);
            codeLabel.getStyleClass().add("support-result-code");
            codeLabel.setMinWidth(Region.USE_PREF_SIZE);
            bottom.getChildren().add(codeLabel);
        });
        VBox box = new VBox(4, top, bottom);
        box.getStyleClass().add("support-result");
        setGraphic(box);
    }

    /** The time for today's rentals, the date and time for older ones. */
    private static String when(Instant at) {
        ZoneId zone = ZoneId.systemDefault();
        return at.atZone(zone).toLocalDate().equals(java.time.LocalDate.now(zone)) ? Formats.time(at) : Formats.dateTime(at);
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
