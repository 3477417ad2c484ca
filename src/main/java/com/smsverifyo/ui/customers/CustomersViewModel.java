package com.smsverifyo.ui.customers;

import com.smsverifyo.client.Account;
import com.smsverifyo.client.AccountUpdate;
import com.smsverifyo.client.Catalog;
import com.smsverifyo.client.PermissionException;
import com.smsverifyo.client.Rental;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.session.LiveListener;
import com.smsverifyo.ui.session.Session;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Customers page (resellers): the owner's customer accounts with their balance, tier, status
 * and spend; opening, crediting, re-tiering, suspending them; one customer's rentals, keys and
 * ledger; and the catalog editor. Only the server owner's admin keys manage customers: any other
 * key gets a clear "only for the account owner" state instead.
 */
public final class CustomersViewModel {
    /** Whether this key may manage customers. */
    public enum Access { LOADING, OWNER, NOT_OWNER, FAILED }

    /** People look customers up by name. */
    private static final Comparator<Account> BY_NAME = Comparator.comparing((Account a) -> a.name().toLowerCase(Locale.ROOT))
            .thenComparing(Account::id);

    private final Session session;
    private final ReadOnlyObjectWrapper<Access> access = new ReadOnlyObjectWrapper<>(Access.LOADING);
    private final ReadOnlyStringWrapper accessDetail = new ReadOnlyStringWrapper("");
    private final ObservableList<Account> customers = FXCollections.observableArrayList();
    private final FilteredList<Account> shown = new FilteredList<>(customers);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<String> tiers = FXCollections.observableArrayList();
    private final ObjectProperty<Account> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper actionError = new ReadOnlyStringWrapper("");
    private final CustomerDetail detail;
    private final CatalogEditor catalog;
    private final LiveListener live;
    /** How long the page waits after a customer's rental changed before reading the figures again. */
    static final Duration FOLLOW_DELAY = Duration.ofSeconds(2);

    private boolean reloadQueued;
    private boolean openCustomerMoved;
    private Map<String, String> serviceNames = Map.of();

    public CustomersViewModel(Session session) {
        this(session, ZoneId.systemDefault());
    }

    /**
     * @param zone whose days the detail's ledger filters mean (tests pass UTC)
     */
    public CustomersViewModel(Session session, ZoneId zone) {
        this.session = session;
        this.detail = new CustomerDetail(session, zone);
        this.catalog = new CatalogEditor(session, stored -> showTiers(tierNames(stored)));
        search.addListener((obs, old, next) -> {
            String words = next == null ? "" : next.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(words.isEmpty() ? null : account -> account.name().toLowerCase(Locale.ROOT).contains(words)
                    || account.id().toLowerCase(Locale.ROOT).contains(words));
        });
        selected.addListener((obs, old, next) -> {
            actionError.set("");
            detail.accountProperty().set(next);
        });
        this.live = new LiveListener() {
            @Override
            public void rentalsChanged(List<Rental> rentals) {
                customerRentalsChanged(rentals);
            }
        };
    }

    /** Starts following the live feed (a customer's rental moves its balance and spend). */
    public void follow() {
        session.live().addListener(live);
    }

    public void unfollow() {
        session.live().removeListener(live);
    }

    /** Reads the catalog's tiers and every customer; a key that is not the owner's admin gets NOT_OWNER. */
    public void load() {
        loading.set(true);
        session.call(() -> new Loaded(session.client().catalog().get(),
                session.client().accounts().list().stream().toList())).whenComplete((loaded, failure) -> {
                    loading.set(false);
                    if (failure instanceof PermissionException refused) {
                        access.set(Access.NOT_OWNER);
                        accessDetail.set(refused.detail());
                        return;
                    }
                    if (failure != null) {
                        error.set(ErrorMessages.describe(failure));
                        if (access.get() != Access.OWNER) {
                            access.set(Access.FAILED);
                        }
                        return;
                    }
                    error.set("");
                    showTiers(tierNames(loaded.catalog()));
                    serviceNames = loaded.catalog().services().stream()
                            .collect(Collectors.toMap(Catalog.Service::service, Catalog.Service::name, (a, b) -> a));
                    if (!catalog.loaded() || !catalog.dirty().get()) {
                        catalog.show(loaded.catalog());
                    }
                    showCustomers(loaded.customers());
                    access.set(Access.OWNER);
                });
    }

    private void showCustomers(List<Account> fresh) {
        String keep = selected.get() == null ? null : selected.get().id();
        customers.setAll(fresh.stream().sorted(BY_NAME).toList());
        selected.set(fresh.stream().filter(a -> a.id().equals(keep)).findFirst().orElse(null));
    }

    /**
     * A rental of one of the customers changed: its figures (and the open customer's rentals) are
     * read again a moment later, once for a whole burst, so a busy reseller's traffic costs a read
     * every {@link #FOLLOW_DELAY} at most.
     */
    private void customerRentalsChanged(List<Rental> rentals) {
        Set<String> ids = customers.stream().map(Account::id).collect(Collectors.toSet());
        if (access.get() != Access.OWNER || rentals.stream().noneMatch(r -> ids.contains(r.accountId()))) {
            return;
        }
        Account open = selected.get();
        openCustomerMoved |= open != null && rentals.stream().anyMatch(r -> r.accountId().equals(open.id()));
        if (reloadQueued) {
            return;
        }
        reloadQueued = true;
        Executor later = CompletableFuture.delayedExecutor(FOLLOW_DELAY.toMillis(), TimeUnit.MILLISECONDS,
                session.executors().background());
        CompletableFuture.supplyAsync(() -> session.client().accounts().list().stream().toList(), later)
                .whenComplete((fresh, failure) -> session.executors().fx().execute(() -> {
                    reloadQueued = false;
                    if (fresh != null) {
                        showCustomers(fresh);
                    }
                    if (openCustomerMoved) {
                        openCustomerMoved = false;
                        detail.loadRentals();
                    }
                }));
    }

    /** A form for a new customer, with the catalog's tiers. */
    public NewCustomerForm newCustomerForm() {
        return new NewCustomerForm(session, List.copyOf(tiers));
    }

    /** A new customer was opened: listed and selected. */
    public void added(Account account) {
        int at = 0;
        while (at < customers.size() && BY_NAME.compare(customers.get(at), account) < 0) {
            at++;
        }
        customers.add(at, account);
        search.set("");
        selected.set(account);
    }

    /** A form to credit or correct {@code account}. */
    public CreditForm creditForm(Account account) {
        return new CreditForm(session, account);
    }

    /** Moves a customer to another tier (its next rentals are priced by it). */
    public void changeTier(Account account, String tier) {
        if (tier == null || tier.equals(account.tier())) {
            return;
        }
        update(account, AccountUpdate.none().tier(tier));
    }

    /** Suspends (its keys stop working at once) or resumes a customer. */
    public void setSuspended(Account account, boolean suspend) {
        update(account, suspend ? AccountUpdate.none().suspend() : AccountUpdate.none().activate());
    }

    private void update(Account account, AccountUpdate change) {
        actionError.set("");
        session.call(() -> session.client().accounts().update(account.id(), change)).whenComplete((fresh, failure) -> {
            if (failure != null) {
                actionError.set(ErrorMessages.describe(failure));
                replace(account);
                return;
            }
            replace(fresh);
        });
    }

    /** Puts a fresher copy of a customer in the list (and the detail, if it is open). */
    public void replace(Account fresh) {
        for (int i = 0; i < customers.size(); i++) {
            if (customers.get(i).id().equals(fresh.id())) {
                customers.set(i, fresh);
            }
        }
        if (selected.get() != null && selected.get().id().equals(fresh.id())) {
            selected.set(fresh);
        }
    }

    /** A customer was credited or corrected: its figures and its ledger are shown afresh. */
    public void credited(Account fresh) {
        replace(fresh);
        if (selected.get() != null && selected.get().id().equals(fresh.id())) {
            detail.ledger().reload();
        }
    }

    /** A service's display name ("whatsapp" → "WhatsApp"), or its code when the catalog does not name it. */
    public String serviceName(String code) {
        return serviceNames.getOrDefault(code, code);
    }

    private void showTiers(List<String> names) {
        if (!tiers.equals(names)) {
            tiers.setAll(names);
        }
    }

    private static List<String> tierNames(Catalog catalog) {
        return catalog.tiers().stream().map(Catalog.Tier::name).toList();
    }

    public ReadOnlyObjectProperty<Access> accessProperty() {
        return access.getReadOnlyProperty();
    }

    /** Why this key may not manage customers, as the server said it. */
    public ReadOnlyStringProperty accessDetailProperty() {
        return accessDetail.getReadOnlyProperty();
    }

    /** Every customer, by name. */
    public ObservableList<Account> customers() {
        return customers;
    }

    /** The customers the search matches. */
    public FilteredList<Account> shown() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The catalog's tier names. */
    public ObservableList<String> tiers() {
        return tiers;
    }

    public ObjectProperty<Account> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The last failure to read the list, in words. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The last failed change (tier, status), in words. */
    public ReadOnlyStringProperty actionErrorProperty() {
        return actionError.getReadOnlyProperty();
    }

    public CustomerDetail detail() {
        return detail;
    }

    public CatalogEditor catalog() {
        return catalog;
    }

    private record Loaded(Catalog catalog, List<Account> customers) {
    }
}
