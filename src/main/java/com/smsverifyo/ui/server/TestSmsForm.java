package com.smsverifyo.ui.server;

import com.smsverifyo.client.FieldError;
import com.smsverifyo.client.InboundMessage;
import com.smsverifyo.client.ValidationException;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.InputError;
import com.smsverifyo.ui.session.Session;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Send a test SMS to this number": hands an SMS in as if a source had received it
 * ({@code POST /v1/inbound/messages}) and shows where it went: the rental it matched with its code,
 * or why nothing took it. Bad input is refused next to its field before anything is sent.
 */
public final class TestSmsForm {
    static final int MAX_TEXT = 2_000;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final Session session;
    private final Runnable delivered;
    private final StringProperty to = new SimpleStringProperty("");
    private final StringProperty from = new SimpleStringProperty("SMSVerifyo test");
    private final StringProperty text = new SimpleStringProperty("Your verification code is 482913");
    private final InputError toError = new InputError(() -> toProblem(to.get()), to);
    private final InputError textError = new InputError(() -> textProblem(text.get()), text);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<InboundMessage> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();

    /**
     * @param session   the connection (the owner's admin key)
     * @param delivered told after each SMS the server took (sources' health may have moved)
     */
    public TestSmsForm(Session session, Runnable delivered) {
        this.session = session;
        this.delivered = delivered;
    }

    /** Why {@code input} is not a number to send to, in words; empty when it is one. */
    static String toProblem(String input) {
        String value = input == null ? "" : input.strip();
        if (value.isEmpty()) {
            return "Enter the number the SMS goes to, or pick one of the pool.";
        }
        if (!E164.matcher(value.replace(" ", "").replace("-", "")).matches()) {
            return "Write it in international form: + and the country code, then the number (e.g. +14155550142).";
        }
        return "";
    }

    /** Why {@code input} is not an SMS text, in words; empty when it is one. */
    static String textProblem(String input) {
        if (input == null || input.isBlank()) {
            return "Type the text of the SMS (e.g. a code: Your code is 482913).";
        }
        if (input.length() > MAX_TEXT) {
            return String.format(java.util.Locale.US, "At most %,d characters; this is %,d.", MAX_TEXT, input.length());
        }
        return "";
    }

    /** Checks the fields (reasons shown next to them) and, if fine, sends the SMS. */
    public void send() {
        boolean toFine = toError.check();
        boolean textFine = textError.check();
        formError.set("");
        if (!toFine || !textFine || sending.get()) {
            return;
        }
        String number = to.get().strip().replace(" ", "").replace("-", "");
        String sender = from.get() == null || from.get().isBlank() ? null : from.get().strip();
        String body = text.get();
        sending.set(true);
        outcome.set("");
        session.call(() -> session.client().messages().receive(number, sender, body)).whenComplete((message, failure) -> {
            sending.set(false);
            if (failure != null) {
                refused(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
                return;
            }
            result.set(message);
            outcome.set(describe(message));
            delivered.run();
        });
    }

    /** The server's refusal of a field goes next to it; anything else under the form. */
    private void refused(Throwable failure) {
        if (failure instanceof ValidationException invalid && !invalid.errors().isEmpty()) {
            for (FieldError field : invalid.errors()) {
                switch (field.field()) {
                    case "to" -> toError.show(field.detail());
                    case "text" -> textError.show(field.detail());
                    default -> formError.set(field.detail());
                }
            }
            return;
        }
        formError.set(ErrorMessages.describe(failure));
    }

    /** Where an SMS went, in words. */
    static String describe(InboundMessage message) {
        String code = message.message().code().map(c -> "code " + c).orElse("no code found in the text");
        String rental = message.rentalId().orElse("");
        return switch (message.status()) {
            case MATCHED -> "Arrived: given to rental " + rental + ", " + code + ".";
            case LATE -> "Arrived late: rental " + rental + " had already ended. It is kept on the rental; no money changes.";
            case UNMATCHED -> "Arrived, but no rental is open on " + Formats.phone(message.phoneNumber())
                    + ", so it is kept as unmatched (Support shows it). Rent the number first to see it matched.";
            case UNKNOWN -> "Arrived (" + code + ").";
        };
    }

    public StringProperty toProperty() {
        return to;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty toError() {
        return toError.property();
    }

    public ReadOnlyStringProperty textError() {
        return textError.property();
    }

    /** A refusal that is not one field's, in words. */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** Where the last SMS went, in words. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InboundMessage> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }
}
