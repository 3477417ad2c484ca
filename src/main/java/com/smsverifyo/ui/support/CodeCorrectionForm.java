package com.smsverifyo.ui.support;

import com.smsverifyo.ui.common.InputError;
import com.smsverifyo.client.ApiException;
import com.smsverifyo.client.Rental;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.session.Session;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The dialog that corrects the code extracted from one SMS: the raw text to read it from, the code
 * checked in place as the server checks it (3 to 12 letters, digits or dashes), and the server's
 * refusal next to it.
 */
public final class CodeCorrectionForm {
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z-]{3,12}");

    private final Session session;
    private final String rentalId;
    private final StoryStep.CorrectCode message;
    private final Consumer<Rental> done;
    private final StringProperty code = new SimpleStringProperty();
    private final InputError codeError;
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    CodeCorrectionForm(Session session, String rentalId, StoryStep.CorrectCode message, Consumer<Rental> done) {
        this.session = session;
        this.rentalId = rentalId;
        this.message = message;
        this.done = done;
        code.set(message.code().orElse(""));
        codeError = new InputError(this::codeProblem, code);
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ReadOnlyStringProperty codeError() {
        return codeError.property();
    }

    public ReadOnlyStringProperty formError() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The SMS's raw text, to read the right code from. */
    public String text() {
        return message.text();
    }

    /** The code extracted now, if any. */
    public Optional<String> current() {
        return message.code();
    }

    /** Checks the code; when it is fine, asks the server to correct it. */
    public void submit() {
        formError.set("");
        if (!codeError.check() || busy.get()) {
            return;
        }
        String corrected = code.get().strip();
        busy.set(true);
        session.call(() -> session.client().support().correctCode(rentalId, message.messageId(), corrected))
                .whenComplete((rental, failure) -> {
                    busy.set(false);
                    if (failure == null) {
                        done.accept(rental);
                        return;
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    if (cause instanceof ApiException api && api.errors().stream().anyMatch(e -> e.field().equals("code"))) {
                        codeError.show(api.errors().stream().filter(e -> e.field().equals("code")).findFirst().orElseThrow().detail());
                    } else {
                        formError.set(ErrorMessages.describe(cause));
                    }
                });
    }

    private String codeProblem() {
        String text = code.get() == null ? "" : code.get().strip();
        if (text.isEmpty()) {
            return "Enter the code as the SMS shows it.";
        }
        if (!CODE.matcher(text).matches()) {
            return "A code is 3 to 12 letters, digits or dashes.";
        }
        return message.code().filter(text::equals).isPresent() ? "This is the code it has now." : "";
    }
}
