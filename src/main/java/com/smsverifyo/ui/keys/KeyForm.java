package com.smsverifyo.ui.keys;

import com.smsverifyo.client.ApiKey;
import com.smsverifyo.client.KeyUpdate;
import com.smsverifyo.client.NewApiKey;
import com.smsverifyo.ui.common.Form;
import com.smsverifyo.ui.common.FormField;
import com.smsverifyo.ui.common.Inputs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The inputs of a key (to create, or to edit its name and limits), each with its rule and its
 * error. Blank rate limit means the server's default on create; blank cap means no cap.
 */
public final class KeyForm {
    static final int MAX_NAME = 100;
    static final int MAX_RATE_LIMIT = 1_000_000;

    private final boolean editing;
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty rentals = new SimpleBooleanProperty(true);
    private final BooleanProperty admin = new SimpleBooleanProperty(false);
    private final ObjectProperty<AccountChoice> account = new SimpleObjectProperty<>();
    private final StringProperty rateLimit = new SimpleStringProperty("");
    private final StringProperty dailyCap = new SimpleStringProperty("");
    private final FormField nameField = new FormField("name", this::nameProblem, name);
    private final FormField scopesField = new FormField("scopes", this::scopesProblem, rentals, admin);
    private final FormField accountField = new FormField("account_id", this::accountProblem, account);
    private final FormField rateLimitField = new FormField("rate_limit_per_minute", this::rateLimitProblem, rateLimit);
    private final FormField dailyCapField = new FormField("daily_spend_cap_usd", this::dailyCapProblem, dailyCap);
    private final Form form;

    private KeyForm(boolean editing) {
        this.editing = editing;
        this.form = editing ? new Form(nameField, rateLimitField, dailyCapField)
                : new Form(nameField, scopesField, accountField, rateLimitField, dailyCapField);
    }

    /** An empty form for a new key of {@code account}. */
    static KeyForm create(AccountChoice account) {
        KeyForm form = new KeyForm(false);
        form.account.set(account);
        return form;
    }

    /** A form holding {@code key}'s name and limits. */
    static KeyForm edit(ApiKey key) {
        KeyForm form = new KeyForm(true);
        form.name.set(key.name());
        form.rateLimit.set(Integer.toString(key.rateLimitPerMinute()));
        form.dailyCap.set(key.dailySpendCap().map(KeyForm::dollars).orElse(""));
        return form;
    }

    private String nameProblem() {
        String text = name.get() == null ? "" : name.get().strip();
        if (text.isEmpty()) {
            return "Give the key a name, such as “checkout-worker”, so you can tell it apart later.";
        }
        return text.length() > MAX_NAME ? "Use at most " + MAX_NAME + " characters." : "";
    }

    private String scopesProblem() {
        return rentals.get() || admin.get() ? "" : "Choose at least one scope.";
    }

    private String accountProblem() {
        return account.get() == null ? "Choose the account the key acts for." : "";
    }

    private String rateLimitProblem() {
        if (isBlank(rateLimit.get())) {
            return editing ? "Enter how many rentals per minute the key may create, such as 60." : "";
        }
        return Inputs.wholeNumber(rateLimit.get(), 1, MAX_RATE_LIMIT).isPresent() ? ""
                : "Enter a whole number of rentals per minute from 1 to 1,000,000, such as 60.";
    }

    private String dailyCapProblem() {
        if (isBlank(dailyCap.get())) {
            return "";
        }
        return Inputs.money(dailyCap.get()).isPresent() ? ""
                : "Enter an amount in dollars, such as 25 or 12.50; empty for no cap.";
    }

    /** Checks every input; each shows its own reason. */
    boolean check() {
        return form.check();
    }

    /** The request this form makes (call after {@link #check()}). */
    NewApiKey newKey() {
        List<String> scopes = new ArrayList<>();
        if (rentals.get()) {
            scopes.add("rentals");
        }
        if (admin.get()) {
            scopes.add("admin");
        }
        AccountChoice chosen = account.get();
        OptionalInt limit = Inputs.wholeNumber(rateLimit.get(), 1, MAX_RATE_LIMIT);
        return new NewApiKey(name.get().strip(), scopes, limit.isPresent() ? limit.getAsInt() : null,
                cap().orElse(null), chosen == null || chosen.own() ? null : chosen.id());
    }

    /** The change this form makes to a key (call after {@link #check()}). */
    KeyUpdate update() {
        KeyUpdate update = KeyUpdate.none().name(name.get().strip())
                .rateLimitPerMinute(Inputs.wholeNumber(rateLimit.get(), 1, MAX_RATE_LIMIT).orElseThrow());
        Optional<BigDecimal> cap = cap();
        return cap.isPresent() ? update.dailySpendCap(cap.get()) : update.withoutDailySpendCap();
    }

    /** {@code 9.50}, {@code 0.0125}: cents always, more decimals only when the amount has them. */
    static String dollars(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    private Optional<BigDecimal> cap() {
        return Inputs.money(dailyCap.get());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public boolean editing() {
        return editing;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty rentalsProperty() {
        return rentals;
    }

    public BooleanProperty adminProperty() {
        return admin;
    }

    public ObjectProperty<AccountChoice> accountProperty() {
        return account;
    }

    public StringProperty rateLimitProperty() {
        return rateLimit;
    }

    public StringProperty dailyCapProperty() {
        return dailyCap;
    }

    public FormField nameField() {
        return nameField;
    }

    public FormField scopesField() {
        return scopesField;
    }

    public FormField accountField() {
        return accountField;
    }

    public FormField rateLimitField() {
        return rateLimitField;
    }

    public FormField dailyCapField() {
        return dailyCapField;
    }

    /** The form's own error (a refusal that names no input). */
    public Form form() {
        return form;
    }
}
