package com.smsverifyo.ui.customers;

import com.smsverifyo.client.Account;
import com.smsverifyo.client.ApiKey;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalQuery;
import com.smsverifyo.ui.billing.LedgerBrowser;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.session.Session;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One customer opened: its newest rentals, its API keys and its ledger, each read through the
 * API's {@code account=} filter as the customer's provider sees them.
 */
public final class CustomerDetail {
    /** Rentals shown (the newest); the Rentals page lists them all. */
    public static final int RENTALS_SHOWN = 50;

    private final Session session;
    private final ObjectProperty<Account> account = new SimpleObjectProperty<>();
    private final ObservableList<Rental> rentals = FXCollections.observableArrayList();
    private final ObservableList<ApiKey> keys = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper moreRentals = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper rentalsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keysError = new ReadOnlyStringWrapper("");
    private final LedgerBrowser ledger;

    public CustomerDetail(Session session, ZoneId zone) {
        this.session = session;
        this.ledger = new LedgerBrowser(session, zone);
        ledger.showNothing(true);
        account.addListener((obs, old, next) -> {
            String before = old == null ? null : old.id();
            String now = next == null ? null : next.id();
            if (now == null) {
                rentals.clear();
                keys.clear();
                moreRentals.set(false);
                ledger.showNothing(true);
            } else if (!now.equals(before)) {
                rentals.clear();
                keys.clear();
                loadRentals();
                loadKeys();
                ledger.showNothing(false);
                if (now.equals(ledger.accountProperty().get())) {
                    ledger.reload();
                } else {
                    ledger.accountProperty().set(now);
                }
            }
        });
    }

    /** Reads everything of the open customer again. */
    public void reload() {
        loadRentals();
        loadKeys();
        ledger.reload();
    }

    /** Reads the customer's newest rentals. */
    public void loadRentals() {
        Account open = account.get();
        if (open == null) {
            return;
        }
        RentalQuery query = RentalQuery.all().account(open.id()).pageSize(RENTALS_SHOWN);
        read(open, () -> session.client().rentals().page(query, null), rentalsError, page -> {
            rentals.setAll(page.data());
            moreRentals.set(page.hasMore());
        });
    }

    /** Reads the customer's API keys. */
    public void loadKeys() {
        Account open = account.get();
        if (open == null) {
            return;
        }
        read(open, () -> session.client().keys().list(open.id()).stream().toList(), keysError, keys::setAll);
    }

    /** Runs a read for {@code open}; its answer is dropped if another customer was opened meanwhile. */
    private <T> void read(Account open, Supplier<T> work, ReadOnlyStringWrapper error, Consumer<T> apply) {
        session.call(work).whenComplete((value, failure) -> {
            if (account.get() == null || !account.get().id().equals(open.id())) {
                return;
            }
            if (failure != null) {
                error.set(ErrorMessages.describe(failure));
                return;
            }
            error.set("");
            apply.accept(value);
        });
    }

    /** The customer shown, or {@code null}. */
    public ObjectProperty<Account> accountProperty() {
        return account;
    }

    public ObservableList<Rental> rentals() {
        return rentals;
    }

    /** Whether the customer has more rentals than those shown. */
    public ReadOnlyBooleanProperty moreRentalsProperty() {
        return moreRentals.getReadOnlyProperty();
    }

    public ObservableList<ApiKey> keys() {
        return keys;
    }

    public LedgerBrowser ledger() {
        return ledger;
    }

    public ReadOnlyStringProperty rentalsErrorProperty() {
        return rentalsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keysErrorProperty() {
        return keysError.getReadOnlyProperty();
    }
}
