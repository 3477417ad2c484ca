package com.smsverifyo.ui.connect;

import com.smsverifyo.ui.common.Icons;
import com.smsverifyo.ui.connect.ConnectViewModel.Target;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The connect screen: two cards, this computer or a remote server. */
public final class ConnectView {
    private final ConnectViewModel model;

    public ConnectView(ConnectViewModel model) {
        this.model = model;
    }

    public Node build() {
        Label title = new Label("Connect to an SMSVerifyo engine");
        title.getStyleClass().add("title-1");
        Label intro = new Label("Work with the engine built into this app (ready to go, with simulated SMS), "
                + "or with a remote SMSVerifyo server.");
        intro.getStyleClass().add("text-muted");
        intro.setWrapText(true);

        ToggleGroup group = new ToggleGroup();
        RadioButton local = new RadioButton("This computer (embedded engine)");
        local.setId("connect-embedded");
        RadioButton remote = new RadioButton("Remote server");
        remote.setId("connect-remote");
        local.setToggleGroup(group);
        remote.setToggleGroup(group);
        (model.targetProperty().get() == Target.EMBEDDED ? local : remote).setSelected(true);
        group.selectedToggleProperty().addListener((obs, old, selected) ->
                model.targetProperty().set(selected == remote ? Target.REMOTE : Target.EMBEDDED));

        Label localText = new Label();
        localText.textProperty().bind(model.embeddedStatusProperty());
        localText.getStyleClass().add("text-muted");
        localText.setWrapText(true);
        VBox localCard = card(Icons.SERVER, local, localText);
        localCard.setOnMouseClicked(event -> local.setSelected(true));

        TextField url = new TextField();
        url.setId("remote-url");
        url.setPromptText("https://sms.example.com");
        url.textProperty().bindBidirectional(model.urlProperty());
        PasswordField key = new PasswordField();
        key.setId("remote-key");
        key.promptTextProperty().bind(javafx.beans.binding.Bindings.when(model.savedKeyHintProperty().isEmpty())
                .then("sms_live_…").otherwise(model.savedKeyHintProperty()));
        key.textProperty().bindBidirectional(model.keyProperty());
        url.disableProperty().bind(remote.selectedProperty().not());
        key.disableProperty().bind(remote.selectedProperty().not());
        VBox remoteCard = card(Icons.PLUG, remote,
                field("Server address", url, model.urlErrorProperty()),
                field("API key", key, model.keyErrorProperty()));
        remoteCard.setOnMouseClicked(event -> remote.setSelected(true));

        HBox cards = new HBox(16, localCard, remoteCard);
        HBox.setHgrow(localCard, Priority.ALWAYS);
        HBox.setHgrow(remoteCard, Priority.ALWAYS);

        Button connect = new Button("Connect");
        connect.setId("connect-button");
        connect.setDefaultButton(true);
        connect.getStyleClass().add("accent");
        connect.disableProperty().bind(model.busyProperty());
        connect.setOnAction(event -> model.connect());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(model.busyProperty());
        Label error = new Label();
        error.setId("connect-error");
        error.getStyleClass().add("danger-text");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        HBox actions = new HBox(12, connect, spinner, error);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(18, title, intro, cards, actions);
        box.setMaxWidth(860);
        box.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.getStyleClass().add("connect-box");
        StackPane root = new StackPane(box);
        root.getStyleClass().add("connect-screen");
        return root;
    }

    private static VBox card(Icons icon, Node heading, Node... rest) {
        HBox top = new HBox(10, icon.node(22), heading);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(12, top);
        card.getChildren().addAll(rest);
        card.getStyleClass().add("card");
        card.setPrefWidth(400);
        return card;
    }

    private static VBox field(String label, Node input, javafx.beans.property.StringProperty error) {
        Label caption = new Label(label);
        caption.getStyleClass().add("field-label");
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        problem.textProperty().bind(error);
        problem.managedProperty().bind(error.isNotEmpty());
        problem.visibleProperty().bind(error.isNotEmpty());
        problem.setWrapText(true);
        return new VBox(4, caption, input, problem);
    }
}
