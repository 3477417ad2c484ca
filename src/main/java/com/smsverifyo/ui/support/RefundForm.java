package com.smsverifyo.ui.support;

import com.smsverifyo.ui.common.InputError;
import com.smsverifyo.client.ApiException;
import com.smsverifyo.client.ConflictException;
import com.smsverifyo.client.LedgerEntry;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.session.Session;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The refund dialog of one rental: an amount (at first, everything that can still be refunded) and
 * a required reason, each checked in place; the server's refusals go next to the input they concern
 * (a refund that someone else made meanwhile shows what is still refundable, in words).
 */
public final class RefundForm {
    static final int MAX_REASON = 500;

    private final Session session;
    private final String rentalId;
    private final String customer;
    private final Consumer<LedgerEntry> done;
    private final ReadOnlyObjectWrapper<BigDecimal> refundable;
    private final StringProperty amount = new SimpleStringProperty();
    private final StringProperty reason = new SimpleStringProperty("");
    private final InputError amountError;
    private final InputError reasonError;
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    RefundForm(Session session, String rentalId, String customer, BigDecimal refundable, Consumer<LedgerEntry> done) {
        this.session = session;
        this.rentalId = rentalId;
        this.customer = customer;
        this.done = done;
        this.refundable = new ReadOnlyObjectWrapper<>(refundable);
        amount.set(refundable.toPlainString());
        amountError = new InputError(this::amountProblem, amount);
        reasonError = new InputError(this::reasonProblem, reason);
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty amountError() {
        return amountError.property();
    }

    public ReadOnlyStringProperty reasonError() {
        return reasonError.property();
    }

    /** A refusal that concerns no one input (a connection failure, a permission). */
    public ReadOnlyStringProperty formError() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What can still be refunded, as the server last said. */
    public ReadOnlyObjectProperty<BigDecimal> refundableProperty() {
        return refundable.getReadOnlyProperty();
    }

    public String customer() {
        return customer;
    }

    /** Checks both inputs (each shows its own reason); when both are fine, asks the server. */
    public void submit() {
        boolean amountFine = amountError.check();
        boolean reasonFine = reasonError.check();
        formError.set("");
        if (!amountFine || !reasonFine || busy.get()) {
            return;
        }
        BigDecimal value = parse(amount.get()).orElseThrow();
        String why = reason.get().strip();
        busy.set(true);
        session.call(() -> session.client().support().refund(rentalId, Optional.of(value), why))
                .whenComplete((entry, failure) -> {
                    busy.set(false);
                    if (failure == null) {
                        done.accept(entry);
                    } else {
                        refuse(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
                    }
                });
    }

    private void refuse(Throwable failure) {
        if (failure instanceof ConflictException conflict) {
            BigDecimal left = conflict.problem().decimal("refundable_usd").orElse(BigDecimal.ZERO);
            refundable.set(left);
            amountError.show(left.signum() == 0 ? "This rental has already been refunded in full."
                    : "Only " + Formats.usd(left) + " of this rental can still be refunded: part of it was refunded meanwhile.");
            return;
        }
        if (failure instanceof ApiException api && !api.errors().isEmpty()) {
            boolean placed = false;
            for (com.smsverifyo.client.FieldError error : api.errors()) {
                if (error.field().equals("amount_usd")) {
                    amountError.show(error.detail());
                    placed = true;
                } else if (error.field().equals("reason")) {
                    reasonError.show(error.detail());
                    placed = true;
                }
            }
            if (placed) {
                return;
            }
        }
        formError.set(ErrorMessages.describe(failure));
    }

    private String amountProblem() {
        String text = amount.get() == null ? "" : amount.get().strip();
        if (text.isEmpty()) {
            return "Enter an amount in dollars, such as " + refundable.get().toPlainString() + ".";
        }
        Optional<BigDecimal> value = parse(text);
        if (value.isEmpty()) {
            return "Enter dollars with at most 4 decimals, such as 0.45.";
        }
        if (value.get().signum() <= 0) {
            return "The amount must be more than $0.";
        }
        if (value.get().compareTo(refundable.get()) > 0) {
            return refundable.get().signum() == 0 ? "This rental has already been refunded in full."
                    : "At most " + Formats.usd(refundable.get()) + " of this rental can still be refunded.";
        }
        return "";
    }

    private String reasonProblem() {
        String text = reason.get() == null ? "" : reason.get().strip();
        if (text.isEmpty()) {
            return "Say why the customer is refunded; it goes on their ledger.";
        }
        return text.length() > MAX_REASON ? "At most " + MAX_REASON + " characters." : "";
    }

    /** {@code 0.45}, {@code $0.45}, {@code 0,45}: dollars with at most 4 decimals. */
    static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(text.strip().replace("$", "").replace(',', '.'));
            return value.stripTrailingZeros().scale() > 4 ? Optional.empty() : Optional.of(value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
