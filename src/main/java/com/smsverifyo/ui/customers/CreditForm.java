package com.smsverifyo.ui.customers;

import com.smsverifyo.client.Account;
import com.smsverifyo.client.RequestOptions;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.MoneyInput;
import com.smsverifyo.ui.session.Session;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
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
 * Crediting a customer, or correcting its balance down, with a note: the amount is checked as it is
 * typed and the new balance is shown before anything is sent ("Balance $12.30 → $42.30"). The
 * request carries one Idempotency-Key per amount, kind and note, so a double click or a retry books
 * the money once.
 */
public final class CreditForm {
    /** Money in (a {@code credit}) or out (an {@code adjustment}). */
    public enum Kind { CREDIT, CORRECTION }

    /** The largest single credit or correction the server takes. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    static final int MAX_NOTE = 500;

    private final Session session;
    private final ObjectProperty<Account> account = new SimpleObjectProperty<>();
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.CREDIT);
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanProperty attempted = new SimpleBooleanProperty();
    private final StringProperty serverError = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper();
    private final ObjectBinding<BigDecimal> newBalance;
    private final StringBinding amountError;
    private final StringBinding noteError;
    private final StringBinding preview;
    private final StringBinding confirmText;
    private final BooleanBinding valid;
    private String idempotencyKey = UUID.randomUUID().toString();

    public CreditForm(Session session, Account customer) {
        this.session = session;
        account.set(customer);
        amount.addListener((obs, old, next) -> changed());
        kind.addListener((obs, old, next) -> changed());
        note.addListener((obs, old, next) -> changed());
        newBalance = Bindings.createObjectBinding(() -> signedAmount().filter(a -> localProblem().isEmpty())
                .map(a -> account.get().balance().add(a)).orElse(null), amount, kind, account);
        amountError = Bindings.createStringBinding(() -> {
            String local = localProblem();
            if (local.isEmpty()) {
                return serverError.get();
            }
            return amount.get().isBlank() && !attempted.get() ? "" : local;
        }, amount, kind, account, attempted, serverError);
        noteError = Bindings.createStringBinding(() -> note.get().strip().length() > MAX_NOTE
                ? "A note has at most " + MAX_NOTE + " characters." : "", note);
        preview = Bindings.createStringBinding(() -> newBalance.get() == null ? ""
                : "Balance " + Formats.usd(account.get().balance()) + " → " + Formats.usd(newBalance.get()), newBalance, account);
        confirmText = Bindings.createStringBinding(() -> {
            Optional<BigDecimal> value = MoneyInput.parse(amount.get()).filter(a -> a.signum() > 0);
            String money = value.map(Formats::usd).orElse("");
            return kind.get() == Kind.CREDIT ? ("Credit " + money).strip() : ("Take off " + money).strip();
        }, amount, kind);
        valid = Bindings.createBooleanBinding(() -> localProblem().isEmpty() && noteError.get().isEmpty(),
                amount, kind, account, noteError);
    }

    private void changed() {
        serverError.set("");
        idempotencyKey = UUID.randomUUID().toString();
    }

    private Optional<BigDecimal> signedAmount() {
        return MoneyInput.parse(amount.get()).map(a -> kind.get() == Kind.CREDIT ? a : a.negate());
    }

    private String localProblem() {
        if (amount.get().isBlank()) {
            return "Enter an amount in dollars, such as 25.00.";
        }
        Optional<BigDecimal> value = MoneyInput.parse(amount.get());
        if (value.isEmpty()) {
            return "Enter an amount in dollars, such as 25.00 (at most 4 decimals).";
        }
        if (value.get().signum() <= 0) {
            return "Enter an amount above zero; choose 'Correction' to take money off.";
        }
        if (value.get().compareTo(MAX_AMOUNT) > 0) {
            return "At most " + Formats.usd(MAX_AMOUNT) + " at a time.";
        }
        BigDecimal balance = account.get().balance();
        if (kind.get() == Kind.CORRECTION && value.get().compareTo(balance) > 0) {
            return "A correction cannot take the balance below zero: it is " + Formats.usd(balance) + ".";
        }
        return "";
    }

    /** Reads the customer's balance again, so the preview starts from the latest. */
    public void refreshBalance() {
        String id = account.get().id();
        session.call(() -> session.client().accounts().get(id)).whenComplete((fresh, failure) -> {
            if (fresh != null) {
                account.set(fresh);
            }
        });
    }

    /** Books the credit or correction, then hands {@code done} the account as it is now. */
    public void submit(Consumer<Account> done) {
        attempted.set(true);
        if (!valid.get() || submitting.get()) {
            return;
        }
        String id = account.get().id();
        BigDecimal signed = signedAmount().orElseThrow();
        String text = note.get().isBlank() ? null : note.get().strip();
        RequestOptions options = RequestOptions.idempotencyKey(idempotencyKey);
        submitting.set(true);
        session.call(() -> {
            session.client().credits().add(id, signed, text, options);
            return session.client().accounts().get(id);
        }).whenComplete((fresh, failure) -> {
            submitting.set(false);
            if (failure != null) {
                serverError.set(ErrorMessages.describe(failure));
                return;
            }
            account.set(fresh);
            done.accept(fresh);
        });
    }

    public ObjectProperty<Account> accountProperty() {
        return account;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** The balance after it, or {@code null} while the amount is not valid. */
    public ObjectBinding<BigDecimal> newBalance() {
        return newBalance;
    }

    /** Why the amount cannot be booked (or why the server refused it), in words. */
    public StringBinding amountError() {
        return amountError;
    }

    public StringBinding noteError() {
        return noteError;
    }

    /** "Balance $12.30 → $42.30", or empty while the amount is not valid. */
    public StringBinding preview() {
        return preview;
    }

    /** The confirm button: "Credit $30.00" or "Take off $5.00". */
    public StringBinding confirmText() {
        return confirmText;
    }

    public BooleanBinding valid() {
        return valid;
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submitting.getReadOnlyProperty();
    }
}
