package com.smsverifyo.ui.common;

import com.smsverifyo.client.ApiException;
import com.smsverifyo.client.FieldError;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The inputs of one form and the error of the form as a whole. A server refusal goes next to the
 * input it names (the problem's {@code errors[].pointer}, or an extra member named like the input,
 * as a refused rate limit carries), and only what names no input goes to the form's own line.
 */
public final class Form {
    private final List<FormField> fields;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public Form(FormField... fields) {
        this.fields = List.of(fields);
    }

    /** The form's own error line (a refusal that names no input, or a connection failure). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Checks every input (each shows its own reason); returns whether all are fine. */
    public boolean check() {
        error.set("");
        boolean fine = true;
        for (FormField field : fields) {
            fine &= field.check();
        }
        return fine;
    }

    public void clear() {
        error.set("");
        fields.forEach(FormField::clear);
    }

    /** Shows a failure of the form's request where it belongs. */
    public void refuse(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ApiException api) {
            boolean placed = false;
            for (FieldError fieldError : api.errors()) {
                Optional<FormField> field = field(fieldError.field());
                if (field.isPresent()) {
                    field.get().refuse(fieldError.detail());
                    placed = true;
                }
            }
            if (placed) {
                return;
            }
            if (api.errors().isEmpty()) {
                List<FormField> named = fields.stream().filter(f -> api.extras().containsKey(f.wireName())).toList();
                if (named.size() == 1) {
                    named.get(0).refuse(ErrorMessages.describe(api));
                    return;
                }
            }
        }
        error.set(ErrorMessages.describe(cause));
    }

    private Optional<FormField> field(String wireName) {
        return fields.stream().filter(f -> f.wireName().equals(wireName)).findFirst();
    }
}
