package com.smsverifyo.ui.billing;

import com.smsverifyo.client.Account;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.MoneyInput;
import com.smsverifyo.ui.session.Session;
import java.math.BigDecimal;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Editing the daily balance-alert threshold in place: the amount is checked as it is typed (the
 * reason shows next to the field), an empty field turns alerts off, and the server's refusal, if
 * any, shows in the same place.
 */
public final class ThresholdEditor {
    private final Session session;
    private final Consumer<Account> saved;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty serverError = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final StringBinding error;
    private final BooleanBinding canSave;

    /**
     * @param session the connection
     * @param saved   told the account as the server stored it
     */
    public ThresholdEditor(Session session, Consumer<Account> saved) {
        this.session = session;
        this.saved = saved;
        text.addListener((obs, old, next) -> serverError.set(""));
        this.error = Bindings.createStringBinding(() -> {
            String local = problem(text.get());
            return local.isEmpty() ? serverError.get() : local;
        }, text, serverError);
        this.canSave = Bindings.createBooleanBinding(() -> problem(text.get()).isEmpty() && !saving.get(), text, saving);
    }

    /** Why {@code input} is not a threshold, in words; empty when it is one (blank turns alerts off). */
    static String problem(String input) {
        return MoneyInput.problem(input, "10.00");
    }

    /** Opens the editor on the current threshold. */
    public void edit(Account current) {
        text.set(current == null ? "" : current.alertThreshold().map(BigDecimal::toPlainString).orElse(""));
        serverError.set("");
        editing.set(true);
    }

    /** Closes the editor without saving. */
    public void cancel() {
        editing.set(false);
        serverError.set("");
    }

    /** Saves what the field says ({@code PATCH /v1/account}); an invalid amount is not sent. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        BigDecimal threshold = MoneyInput.parse(text.get()).orElse(null);
        saving.set(true);
        session.call(() -> session.client().account().setAlertThreshold(threshold)).whenComplete((account, failure) -> {
            saving.set(false);
            if (failure != null) {
                serverError.set(ErrorMessages.describe(failure));
                return;
            }
            editing.set(false);
            saved.accept(account);
            session.refreshAccountSoon();
        });
    }

    /** What the field says. */
    public StringProperty textProperty() {
        return text;
    }

    /** Why it cannot be saved (or why the server refused it), in words; empty when fine. */
    public StringBinding error() {
        return error;
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }
}
