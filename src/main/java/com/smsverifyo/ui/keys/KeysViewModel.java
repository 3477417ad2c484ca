package com.smsverifyo.ui.keys;

import com.smsverifyo.client.Account;
import com.smsverifyo.client.ApiKey;
import com.smsverifyo.client.CreatedApiKey;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.Failures;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.Notices;
import com.smsverifyo.ui.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The API Keys page: the keys of one account (a reseller picks which: its own or a customer's),
 * creating a key (its secret is held only until the person says it is stored), editing a key's
 * name and limits, and revoking one.
 */
public final class KeysViewModel {
    /** More keys or customers than this are not listed (the server pages; a person would not scroll them). */
    static final int MAX_LISTED = 1000;

    private final Session session;
    private final Notices notices;
    private final ObservableList<ApiKey> keys = FXCollections.observableArrayList();
    private final ObservableList<AccountChoice> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<AccountChoice> shownAccount = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty loadError = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<KeyForm> creating = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<KeyForm> editing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ApiKey> edited = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CreatedApiKey> revealed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ApiKey> revoking = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding reseller = Bindings.size(accounts).greaterThan(1);
    private final Map<String, String> accountNames = new HashMap<>();

    public KeysViewModel(Session session, Notices notices) {
        this.session = session;
        this.notices = notices;
        shownAccount.addListener((obs, old, next) -> {
            if (next != null && old != null && !next.id().equals(old.id())) {
                loadKeys();
            }
        });
    }

    /** Reads the accounts (own and customers) and the keys of the account shown. */
    public CompletableFuture<Void> load() {
        loading.set(true);
        SmsVerifyoClient client = session.client();
        return Failures.logged(session.call(() -> {
            Account own = client.account().get();
            List<AccountChoice> choices = new ArrayList<>();
            choices.add(new AccountChoice(own.id(), own.name(), true));
            try {
                client.accounts().list().stream().limit(MAX_LISTED)
                        .forEach(a -> choices.add(new AccountChoice(a.id(), a.name(), false)));
            } catch (com.smsverifyo.client.PermissionException | com.smsverifyo.client.NotFoundException e) {
                // A key that may not list customers simply has none to choose from.
            }
            String shown = shownAccount.get() == null ? own.id() : shownAccount.get().id();
            String account = choices.stream().anyMatch(c -> c.id().equals(shown)) ? shown : own.id();
            List<ApiKey> list = client.keys().list(account.equals(own.id()) ? null : account).stream()
                    .limit(MAX_LISTED).toList();
            return new Loaded(choices, account, list);
        }).handle((loaded, failure) -> {
            loading.set(false);
            if (failure != null) {
                loadError.set(ErrorMessages.describe(failure));
                return null;
            }
            loadError.set("");
            accounts.setAll(loaded.accounts());
            accountNames.clear();
            loaded.accounts().forEach(a -> accountNames.put(a.id(), a.name()));
            AccountChoice chosen = loaded.accounts().stream().filter(a -> a.id().equals(loaded.shown())).findFirst()
                    .orElseThrow();
            if (shownAccount.get() == null || !shownAccount.get().id().equals(chosen.id())) {
                shownAccount.set(null); // no reload: the keys are already here
                shownAccount.set(chosen);
            }
            keys.setAll(loaded.keys());
            return null;
        }), "load");
    }

    private record Loaded(List<AccountChoice> accounts, String shown, List<ApiKey> keys) {
    }

    private void loadKeys() {
        AccountChoice account = shownAccount.get();
        loading.set(true);
        Failures.logged(session.call(() -> session.client().keys().list(account.own() ? null : account.id()).stream()
                .limit(MAX_LISTED).toList()).whenComplete((list, failure) -> {
                    loading.set(false);
                    if (account != shownAccount.get()) {
                        return; // the person chose another account meanwhile
                    }
                    if (failure != null) {
                        loadError.set(ErrorMessages.describe(failure));
                    } else {
                        loadError.set("");
                        keys.setAll(list);
                    }
                }), "loadKeys");
    }

    // ---- create ------------------------------------------------------------------------------

    /** Opens an empty form for a new key of the account shown. */
    public KeyForm startCreate() {
        KeyForm form = KeyForm.create(shownAccount.get());
        creating.set(form);
        return form;
    }

    public void cancelCreate() {
        creating.set(null);
    }

    /**
     * Creates the key if every input is fine. On success the form closes and {@link #revealedProperty()}
     * holds the key until {@link #acknowledgeKey()}; a refusal shows next to the input it names.
     */
    public CompletableFuture<Boolean> create() {
        KeyForm form = creating.get();
        if (form == null || busy.get() || !form.check()) {
            return CompletableFuture.completedFuture(false);
        }
        var request = form.newKey();
        busy.set(true);
        return Failures.logged(session.call(() -> session.client().keys().create(request)).handle((created, failure) -> {
            busy.set(false);
            if (failure != null) {
                form.form().refuse(failure);
                return false;
            }
            creating.set(null);
            revealed.set(created);
            AccountChoice shown = shownAccount.get();
            if (shown != null && shown.id().equals(created.apiKey().accountId())) {
                keys.add(0, created.apiKey());
            }
            return true;
        }), "create");
    }

    /** The person has stored the key: forget it, for good. */
    public void acknowledgeKey() {
        revealed.set(null);
    }

    // ---- edit --------------------------------------------------------------------------------

    /** Opens a form holding the key's name and limits. */
    public KeyForm startEdit(ApiKey key) {
        KeyForm form = KeyForm.edit(key);
        edited.set(key);
        editing.set(form);
        return form;
    }

    public void cancelEdit() {
        editing.set(null);
        edited.set(null);
    }

    /** Saves the name and limits if every input is fine; a refusal shows next to the input it names. */
    public CompletableFuture<Boolean> saveEdit() {
        KeyForm form = editing.get();
        ApiKey key = edited.get();
        if (form == null || key == null || busy.get() || !form.check()) {
            return CompletableFuture.completedFuture(false);
        }
        var update = form.update();
        busy.set(true);
        return Failures.logged(session.call(() -> session.client().keys().update(key.id(), update)).handle((saved, failure) -> {
            busy.set(false);
            if (failure != null) {
                form.form().refuse(failure);
                return false;
            }
            replace(saved);
            cancelEdit();
            notices.info("Key saved", "“" + saved.name() + "” now allows " + saved.rateLimitPerMinute()
                    + " rentals a minute" + saved.dailySpendCap().map(cap -> " and " + Formats.usd(cap)
                    + " a day.").orElse(", with no daily cap."));
            return true;
        }), "saveEdit");
    }

    // ---- revoke ------------------------------------------------------------------------------

    /** Asks to confirm revoking {@code key}. */
    public void askRevoke(ApiKey key) {
        revoking.set(key);
    }

    public void cancelRevoke() {
        revoking.set(null);
    }

    /** Revokes the key being confirmed: it stops working at once. */
    public CompletableFuture<Boolean> revoke() {
        ApiKey key = revoking.get();
        if (key == null || busy.get()) {
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        return Failures.logged(session.call(() -> session.client().keys().revoke(key.id())).handle((revoked, failure) -> {
            busy.set(false);
            revoking.set(null);
            if (failure != null) {
                notices.error("The key was not revoked", ErrorMessages.describe(failure));
                return false;
            }
            replace(revoked);
            notices.info("Key revoked", "“" + revoked.name() + "” (" + revoked.prefix() + ") no longer works.");
            return true;
        }), "revoke");
    }

    private void replace(ApiKey key) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).id().equals(key.id())) {
                keys.set(i, key);
                return;
            }
        }
    }

    /** The name of an account keys can belong to (its id if it is not one of the choices). */
    public String accountName(String accountId) {
        return accountNames.getOrDefault(accountId, accountId);
    }

    public ObservableList<ApiKey> keys() {
        return keys;
    }

    public ObservableList<AccountChoice> accounts() {
        return accounts;
    }

    /** Whether the signed-in account has customers (then keys can be made and listed for them). */
    public BooleanBinding reseller() {
        return reseller;
    }

    public ObjectProperty<AccountChoice> shownAccountProperty() {
        return shownAccount;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty loadErrorProperty() {
        return loadError;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The create form while it is open. */
    public ReadOnlyObjectProperty<KeyForm> creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    /** The edit form while it is open. */
    public ReadOnlyObjectProperty<KeyForm> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** The key being edited. */
    public ReadOnlyObjectProperty<ApiKey> editedProperty() {
        return edited.getReadOnlyProperty();
    }

    /** The key just created, with its secret, until the person says it is stored. */
    public ReadOnlyObjectProperty<CreatedApiKey> revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** The key waiting for the person to confirm its revocation. */
    public ReadOnlyObjectProperty<ApiKey> revokingProperty() {
        return revoking.getReadOnlyProperty();
    }
}
