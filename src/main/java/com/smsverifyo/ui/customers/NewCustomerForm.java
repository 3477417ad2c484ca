package com.smsverifyo.ui.customers;

import com.smsverifyo.client.Account;
import com.smsverifyo.client.ApiException;
import com.smsverifyo.client.FieldError;
import com.smsverifyo.client.NewAccount;
import com.smsverifyo.client.RequestOptions;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.session.Session;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Opening a customer account: a name (required, at most 100 characters) and a tier from the
 * catalog. A missing name is refused in place once the user tried to save or typed and cleared it;
 * the server's refusals show next to the field they name.
 */
public final class NewCustomerForm {
    static final int MAX_NAME = 100;

    private final Session session;
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<String> tier = new SimpleObjectProperty<>();
    private final BooleanProperty touched = new SimpleBooleanProperty();
    private final StringProperty serverNameError = new SimpleStringProperty("");
    private final StringProperty serverError = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper();
    private final StringBinding nameError;
    private final BooleanBinding valid;
    /** One key per name and tier: a double click books one account, a changed form a new one. */
    private String idempotencyKey = UUID.randomUUID().toString();

    public NewCustomerForm(Session session, List<String> tiers) {
        this.session = session;
        tier.set(tiers.contains("retail") ? "retail" : tiers.isEmpty() ? null : tiers.get(0));
        name.addListener((obs, old, next) -> {
            touched.set(true);
            serverNameError.set("");
            idempotencyKey = UUID.randomUUID().toString();
        });
        tier.addListener((obs, old, next) -> {
            serverError.set("");
            idempotencyKey = UUID.randomUUID().toString();
        });
        nameError = Bindings.createStringBinding(() -> {
            String local = nameProblem(name.get());
            if (!local.isEmpty()) {
                return touched.get() ? local : "";
            }
            return serverNameError.get();
        }, name, touched, serverNameError);
        valid = Bindings.createBooleanBinding(() -> nameProblem(name.get()).isEmpty() && tier.get() != null, name, tier);
    }

    static String nameProblem(String text) {
        if (text == null || text.isBlank()) {
            return "Enter the customer's name.";
        }
        if (text.strip().length() > MAX_NAME) {
            return "A name has at most " + MAX_NAME + " characters.";
        }
        return "";
    }

    /** Creates the account; {@code created} hears it. An invalid form only shows why. */
    public void submit(Consumer<Account> created) {
        touched.set(true);
        if (!valid.get() || submitting.get()) {
            return;
        }
        NewAccount request = new NewAccount(name.get().strip(), tier.get());
        RequestOptions options = RequestOptions.idempotencyKey(idempotencyKey);
        submitting.set(true);
        serverError.set("");
        session.call(() -> session.client().accounts().create(request, options)).whenComplete((account, failure) -> {
            submitting.set(false);
            if (failure == null) {
                created.accept(account);
                return;
            }
            if (failure instanceof ApiException api && !api.errors().isEmpty()) {
                for (FieldError error : api.errors()) {
                    if (error.field().equals("name")) {
                        serverNameError.set(error.detail());
                    } else {
                        serverError.set(error.detail());
                    }
                }
            } else {
                serverError.set(ErrorMessages.describe(failure));
            }
        });
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<String> tierProperty() {
        return tier;
    }

    /** Why the name cannot be used, in words (empty when it can, or before the user got to it). */
    public StringBinding nameError() {
        return nameError;
    }

    /** A refusal of the server not about the name, in words. */
    public StringProperty serverErrorProperty() {
        return serverError;
    }

    public BooleanBinding valid() {
        return valid;
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submitting.getReadOnlyProperty();
    }
}
