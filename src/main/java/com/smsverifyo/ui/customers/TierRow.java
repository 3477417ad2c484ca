package com.smsverifyo.ui.customers;

import com.smsverifyo.client.Catalog;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One tier of the catalog editor: its name (only a new tier's can be typed: renaming would remove
 * the old one from the accounts on it) and its discount on base prices, in percent.
 */
public final class TierRow {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,31}");

    private final boolean added;
    private final String originalDiscount;
    private final StringProperty name = new SimpleStringProperty();
    private final StringProperty discount = new SimpleStringProperty();
    private final BooleanProperty removed = new SimpleBooleanProperty();
    private final StringProperty duplicate = new SimpleStringProperty("");
    private final StringProperty serverNameError = new SimpleStringProperty("");
    private final StringProperty serverDiscountError = new SimpleStringProperty("");
    private final StringProperty serverRowError = new SimpleStringProperty("");
    private final StringBinding nameError;
    private final StringBinding discountError;
    private final StringBinding problem;

    TierRow(String name, String discount, boolean added) {
        this.added = added;
        this.originalDiscount = discount;
        this.name.set(name);
        this.discount.set(discount);
        this.name.addListener((obs, old, next) -> serverNameError.set(""));
        this.discount.addListener((obs, old, next) -> serverDiscountError.set(""));
        this.removed.addListener((obs, old, next) -> serverRowError.set(""));
        this.nameError = Bindings.createStringBinding(() -> {
            String local = nameProblem(this.name.get());
            return !local.isEmpty() ? local : !duplicate.get().isEmpty() ? duplicate.get() : serverNameError.get();
        }, this.name, duplicate, serverNameError);
        this.discountError = Bindings.createStringBinding(() -> {
            String local = discountProblem(this.discount.get());
            return local.isEmpty() ? serverDiscountError.get() : local;
        }, this.discount, serverDiscountError);
        this.problem = Bindings.createStringBinding(() -> {
            if (!serverRowError.get().isEmpty()) {
                return serverRowError.get();
            }
            if (removed.get()) {
                return "";
            }
            return !nameError.get().isEmpty() ? nameError.get() : discountError.get();
        }, nameError, discountError, serverRowError, removed);
    }

    static TierRow of(Catalog.Tier tier) {
        return new TierRow(tier.name(), tier.discountPercent().stripTrailingZeros().toPlainString(), false);
    }

    static String nameProblem(String text) {
        if (text == null || text.isBlank()) {
            return "Enter a name, such as gold.";
        }
        if (!NAME.matcher(text.strip()).matches()) {
            return "Use lower-case letters, digits, _ . - (max 32).";
        }
        return "";
    }

    static String discountProblem(String text) {
        if (text == null || text.isBlank()) {
            return "Enter a percent, such as 20.";
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip().replace("%", "").replace(',', '.').strip());
        } catch (NumberFormatException e) {
            return "Enter a percent, such as 20 or 12.5.";
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            return "From 0 to 100 percent.";
        }
        if (value.stripTrailingZeros().scale() > 2) {
            return "At most 2 decimals.";
        }
        return "";
    }

    Catalog.Tier toTier() {
        return new Catalog.Tier(name.get().strip(),
                new BigDecimal(discount.get().strip().replace("%", "").replace(',', '.').strip()));
    }

    boolean valid() {
        return removed.get() || (nameProblem(name.get()).isEmpty() && duplicate.get().isEmpty()
                && discountProblem(discount.get()).isEmpty());
    }

    boolean changed() {
        if (added || removed.get()) {
            return true;
        }
        try {
            return new BigDecimal(discount.get().strip().replace("%", "").replace(',', '.').strip())
                    .compareTo(new BigDecimal(originalDiscount)) != 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    void serverError(String field, String detail) {
        switch (field) {
            case "name" -> serverNameError.set(detail);
            case "discount_percent" -> serverDiscountError.set(detail);
            default -> serverRowError.set(detail);
        }
    }

    void clearServerErrors() {
        serverNameError.set("");
        serverDiscountError.set("");
        serverRowError.set("");
    }

    /** Set by the editor when another tier has the same name. */
    void duplicate(String why) {
        duplicate.set(why);
    }

    /** Added in this edit: its name can still be typed. */
    public boolean added() {
        return added;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The discount in percent, as typed. */
    public StringProperty discountProperty() {
        return discount;
    }

    public BooleanProperty removedProperty() {
        return removed;
    }

    public StringBinding nameError() {
        return nameError;
    }

    public StringBinding discountError() {
        return discountError;
    }

    /** What is wrong with the row (or what the server said about it), in words, or empty. */
    public StringBinding problem() {
        return problem;
    }
}
