package com.smsverifyo.ui.webhooks;

import com.smsverifyo.client.NewWebhook;
import com.smsverifyo.ui.common.Form;
import com.smsverifyo.ui.common.FormField;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The inputs of a new endpoint: its URL (the server checks it too) and the events to send to it. */
public final class WebhookForm {
    /** The events a person chooses from, with what each means. {@code webhook.test} is always sent. */
    public static final Map<String, String> EVENTS = events();

    private final StringProperty url = new SimpleStringProperty("");
    private final Map<String, BooleanProperty> chosen = new LinkedHashMap<>();
    private final FormField urlField = new FormField("url", this::urlProblem, url);
    private final FormField eventsField;
    private final Form form;

    WebhookForm() {
        EVENTS.keySet().forEach(type -> chosen.put(type, new SimpleBooleanProperty(type.equals("rental.code_received"))));
        eventsField = new FormField("events", this::eventsProblem, chosen.values().toArray(Observable[]::new));
        form = new Form(urlField, eventsField);
    }

    private static Map<String, String> events() {
        Map<String, String> events = new LinkedHashMap<>();
        events.put("rental.code_received", "a code arrived");
        events.put("rental.cancelled", "a rental was cancelled and refunded");
        events.put("rental.expired", "a rental ended without a code and was refunded");
        events.put("rental.completed", "a rental that got its code ended");
        events.put("balance.low", "the balance fell below the alert threshold");
        return java.util.Collections.unmodifiableMap(events);
    }

    private String urlProblem() {
        String text = url.get() == null ? "" : url.get().strip();
        if (text.isEmpty()) {
            return "Enter the address of your receiver, such as https://shop.example.com/hooks/sms.";
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return "Use a whole http:// or https:// address, such as https://shop.example.com/hooks/sms.";
            }
            return "";
        } catch (URISyntaxException e) {
            return "This is not a valid address: " + e.getReason() + ".";
        }
    }

    private String eventsProblem() {
        return chosen.values().stream().anyMatch(BooleanProperty::get) ? "" : "Choose at least one event to send.";
    }

    boolean check() {
        return form.check();
    }

    /** The request (call after {@link #check()}). */
    NewWebhook request() {
        List<String> types = chosen.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        return new NewWebhook(url.get().strip(), types, null, null);
    }

    public StringProperty urlProperty() {
        return url;
    }

    /** Whether {@code type} (one of {@link #EVENTS}) is sent. */
    public BooleanProperty eventProperty(String type) {
        return chosen.get(type);
    }

    public FormField urlField() {
        return urlField;
    }

    public FormField eventsField() {
        return eventsField;
    }

    public Form form() {
        return form;
    }
}
