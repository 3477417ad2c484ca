package com.smsverifyo.ui.customers;

import com.smsverifyo.client.Catalog;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.MoneyInput;
import java.math.BigDecimal;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One base price of the catalog editor: a service in a country, for any number and for real mobile
 * carriers, as the owner types them; each amount checked as typed, and the server's word on the row
 * kept beside it until the row is edited.
 */
public final class PriceRow {
    /** No single rental costs more (the server's limit). */
    static final BigDecimal MAX_PRICE = new BigDecimal("10000");

    private final String service;
    private final String serviceName;
    private final String country;
    private final String countryName;
    private final String originalPrice;
    private final String originalMobile;
    private final boolean added;
    private final StringProperty price = new SimpleStringProperty();
    private final StringProperty mobile = new SimpleStringProperty();
    private final BooleanProperty removed = new SimpleBooleanProperty();
    private final StringProperty serverPriceError = new SimpleStringProperty("");
    private final StringProperty serverMobileError = new SimpleStringProperty("");
    private final StringProperty serverRowError = new SimpleStringProperty("");
    private final StringBinding priceError;
    private final StringBinding mobileError;
    private final StringBinding problem;

    PriceRow(String service, String serviceName, String country, String countryName, String price, String mobile,
             boolean added) {
        this.service = service;
        this.serviceName = serviceName;
        this.country = country;
        this.countryName = countryName;
        this.originalPrice = price;
        this.originalMobile = mobile;
        this.added = added;
        this.price.set(price);
        this.mobile.set(mobile);
        this.price.addListener((obs, old, next) -> serverPriceError.set(""));
        this.mobile.addListener((obs, old, next) -> serverMobileError.set(""));
        this.priceError = Bindings.createStringBinding(() -> firstOf(amountProblem(this.price.get()), serverPriceError.get()),
                this.price, serverPriceError);
        this.mobileError = Bindings.createStringBinding(() -> firstOf(amountProblem(this.mobile.get()), serverMobileError.get()),
                this.mobile, serverMobileError);
        this.problem = Bindings.createStringBinding(() -> {
            if (removed.get()) {
                return "";
            }
            // The red cell says which price; the words say what is wrong with it.
            if (!priceError.get().isEmpty()) {
                return priceError.get();
            }
            if (!mobileError.get().isEmpty()) {
                return mobileError.get();
            }
            return serverRowError.get();
        }, priceError, mobileError, serverRowError, removed);
    }

    static PriceRow of(Catalog.Price price, String serviceName, String countryName) {
        return new PriceRow(price.service(), serviceName, price.country(), countryName, plain(price.price()),
                plain(price.mobilePrice()), false);
    }

    /** Why {@code text} is not a base price, in words; empty when it is one. */
    static String amountProblem(String text) {
        if (text == null || text.isBlank()) {
            return "Enter a price, such as 0.45.";
        }
        Optional<BigDecimal> value = MoneyInput.parse(text);
        if (value.isEmpty()) {
            return "Enter a price such as 0.45 (max 4 decimals).";
        }
        if (value.get().signum() < 0) {
            return "A price cannot be negative.";
        }
        if (value.get().compareTo(MAX_PRICE) > 0) {
            return "At most " + Formats.usd(MAX_PRICE) + ".";
        }
        return "";
    }

    static String plain(BigDecimal amount) {
        BigDecimal scaled = amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY);
        return scaled.toPlainString();
    }

    private static String firstOf(String first, String second) {
        return first.isEmpty() ? second : first;
    }

    /** The price as the API takes it (call only when valid). */
    Catalog.Price toPrice() {
        return new Catalog.Price(service, country, MoneyInput.parse(price.get()).orElseThrow(),
                MoneyInput.parse(mobile.get()).orElseThrow());
    }

    boolean valid() {
        return removed.get() || (amountProblem(price.get()).isEmpty() && amountProblem(mobile.get()).isEmpty());
    }

    boolean changed() {
        return added || removed.get() || !same(price.get(), originalPrice) || !same(mobile.get(), originalMobile);
    }

    private static boolean same(String typed, String original) {
        Optional<BigDecimal> a = MoneyInput.parse(typed);
        Optional<BigDecimal> b = MoneyInput.parse(original);
        return a.isPresent() && b.isPresent() ? a.get().compareTo(b.get()) == 0 : String.valueOf(typed).equals(original);
    }

    /** Sets the server's word on a field of this row ({@code price_usd}, {@code mobile_price_usd}, other). */
    void serverError(String field, String detail) {
        switch (field) {
            case "price_usd" -> serverPriceError.set(detail);
            case "mobile_price_usd" -> serverMobileError.set(detail);
            default -> serverRowError.set(detail);
        }
    }

    void clearServerErrors() {
        serverPriceError.set("");
        serverMobileError.set("");
        serverRowError.set("");
    }

    public String service() {
        return service;
    }

    public String serviceName() {
        return serviceName;
    }

    public String country() {
        return country;
    }

    public String countryName() {
        return countryName;
    }

    /** Added in this edit (not saved yet). */
    public boolean added() {
        return added;
    }

    /** Base price for any number, as typed. */
    public StringProperty priceProperty() {
        return price;
    }

    /** Base price for a real mobile carrier number, as typed. */
    public StringProperty mobileProperty() {
        return mobile;
    }

    /** Marked for removal (kept in view, struck through, until saved or restored). */
    public BooleanProperty removedProperty() {
        return removed;
    }

    public StringBinding priceError() {
        return priceError;
    }

    public StringBinding mobileError() {
        return mobileError;
    }

    /** What is wrong with the row, in words (the first problem), or empty. */
    public StringBinding problem() {
        return problem;
    }
}
