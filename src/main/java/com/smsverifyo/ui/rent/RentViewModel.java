package com.smsverifyo.ui.rent;

import com.smsverifyo.client.Account;
import com.smsverifyo.client.ApiException;
import com.smsverifyo.client.NewRental;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.ServiceOffer;
import com.smsverifyo.client.ServiceOffer.CountryOffer;
import com.smsverifyo.client.SmsVerifyoException;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.session.Session;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Renting one number or many: the catalog at the account's prices, the exact price and the balance
 * after before confirming, and a bulk run that shows progress, can be cancelled and reports each
 * failure by its reason.
 */
public final class RentViewModel {
    public static final int MAX_QUANTITY = 50;

    /** Which numbers: any (cheapest) or real mobile-carrier only. */
    public enum CarrierChoice { ANY, MOBILE }

    private final Session session;
    private final ObservableList<ServiceOffer> services = FXCollections.observableArrayList();
    private final ObservableList<CountryOffer> countries = FXCollections.observableArrayList();
    private final ObjectProperty<ServiceOffer> service = new SimpleObjectProperty<>();
    private final ObjectProperty<CountryOffer> country = new SimpleObjectProperty<>();
    private final ObjectProperty<CarrierChoice> carrier = new SimpleObjectProperty<>(CarrierChoice.ANY);
    private final StringProperty maxPrice = new SimpleStringProperty("");
    private final IntegerProperty quantity = new SimpleIntegerProperty(1);
    private final StringProperty loadError = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final IntegerProperty done = new SimpleIntegerProperty();
    private final IntegerProperty target = new SimpleIntegerProperty();
    private final ObservableList<RentOutcome> outcomes = FXCollections.observableArrayList();
    private final StringProperty resultSummary = new SimpleStringProperty("");
    private final ObjectBinding<BigDecimal> unitPrice;
    private final ObjectBinding<Optional<BigDecimal>> maxPriceValue;
    private final StringBinding maxPriceError;
    private final ObjectBinding<BigDecimal> total;
    private final ObjectBinding<BigDecimal> balanceAfter;
    private final BooleanBinding canRent;
    private final StringBinding blocker;
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    public RentViewModel(Session session) {
        this.session = session;
        service.addListener((obs, old, next) -> selectCountries(next));
        unitPrice = Bindings.createObjectBinding(() -> {
            CountryOffer offer = country.get();
            if (offer == null) {
                return null;
            }
            return carrier.get() == CarrierChoice.MOBILE ? offer.mobilePrice() : offer.price();
        }, country, carrier);
        maxPriceValue = Bindings.createObjectBinding(() -> parseMoney(maxPrice.get()), maxPrice);
        maxPriceError = Bindings.createStringBinding(() -> maxPriceProblem(maxPrice.get()), maxPrice);
        total = Bindings.createObjectBinding(() -> unitPrice.get() == null ? null
                : unitPrice.get().multiply(BigDecimal.valueOf(quantity.get())), unitPrice, quantity);
        balanceAfter = Bindings.createObjectBinding(() -> {
            Account account = session.accountProperty().get();
            return account == null || total.get() == null ? null : account.balance().subtract(total.get());
        }, total, session.accountProperty());
        blocker = Bindings.createStringBinding(this::whyNot, service, country, carrier, maxPrice, quantity, running,
                session.accountProperty());
        canRent = blocker.isEmpty();
    }

    /** Loads the catalog at the account's prices (keeps the selection when it still exists). */
    public void load() {
        loading.set(true);
        session.call(() -> session.client().services().list()).whenComplete((list, failure) -> {
            loading.set(false);
            if (failure != null) {
                loadError.set(ErrorMessages.describe(failure));
                return;
            }
            loadError.set("");
            String keepService = service.get() == null ? null : service.get().service();
            String keepCountry = country.get() == null ? null : country.get().country();
            services.setAll(list);
            service.set(list.stream().filter(s -> s.service().equals(keepService)).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0)));
            if (keepCountry != null) {
                countries.stream().filter(c -> c.country().equals(keepCountry)).findFirst().ifPresent(country::set);
            }
        });
    }

    private void selectCountries(ServiceOffer offer) {
        String keep = country.get() == null ? null : country.get().country();
        // Let go of the selection before the list changes: a searchable combo box whose selection
        // model still holds an item of the old list reads its filtered list mid-change and fails.
        country.set(null);
        countries.setAll(offer == null ? List.of() : offer.countries());
        country.set(countries.stream().filter(c -> c.country().equals(keep)).findFirst()
                .or(() -> countries.stream().filter(c -> c.country().equals("US")).findFirst())
                .orElse(countries.isEmpty() ? null : countries.get(0)));
    }

    /** Rents {@code quantity} numbers one after the other; each gets its own idempotency key. */
    public void rent() {
        if (!canRent.get()) {
            return;
        }
        ServiceOffer chosenService = service.get();
        CountryOffer chosenCountry = country.get();
        NewRental request = NewRental.of(chosenService.service(), chosenCountry.country());
        if (carrier.get() == CarrierChoice.MOBILE) {
            request = request.mobileOnly();
        }
        Optional<BigDecimal> cap = maxPriceValue.get();
        if (cap.isPresent()) {
            request = request.maxPrice(cap.get());
        }
        int count = quantity.get();
        NewRental finalRequest = request;
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        outcomes.clear();
        done.set(0);
        target.set(count);
        running.set(true);
        resultSummary.set("");
        var executors = session.executors();
        executors.background().execute(() -> {
            for (int i = 1; i <= count && !stop.get(); i++) {
                RentOutcome outcome;
                try {
                    Rental rental = session.client().rentals().create(finalRequest);
                    session.live().publish(rental);
                    outcome = RentOutcome.rented(i, rental);
                } catch (ApiException refused) {
                    outcome = RentOutcome.failed(i, refused.code(), ErrorMessages.describe(refused));
                } catch (SmsVerifyoException | IllegalStateException failure) {
                    outcome = RentOutcome.failed(i, "network", ErrorMessages.describe(failure));
                }
                RentOutcome result = outcome;
                executors.fx().execute(() -> {
                    outcomes.add(result);
                    done.set(done.get() + 1);
                });
                if (!outcome.ok() && stopsTheRun(outcome)) {
                    break;
                }
            }
            executors.fx().execute(this::finish);
        });
    }

    /** A refusal that would refuse every further rental too ends the run at once. */
    private static boolean stopsTheRun(RentOutcome outcome) {
        String code = outcome.problemCode().orElse("");
        return switch (code) {
            case "insufficient_balance", "max_price_exceeded", "daily_spend_cap_reached", "unknown_service",
                 "unknown_country", "invalid_api_key", "forbidden", "unauthenticated", "invalid_request" -> true;
            default -> false;
        };
    }

    public void cancelRun() {
        cancel.set(true);
    }

    private void finish() {
        running.set(false);
        session.refreshAccountSoon();
        long ok = outcomes.stream().filter(RentOutcome::ok).count();
        Map<String, Integer> reasons = new LinkedHashMap<>();
        outcomes.stream().filter(o -> !o.ok()).forEach(o -> reasons.merge(o.problem().orElse(""), 1, Integer::sum));
        StringBuilder text = new StringBuilder(ok + " of " + target.get() + " rented");
        if (cancel.get() && done.get() < target.get()) {
            text.append(" (stopped)");
        }
        text.append('.');
        reasons.forEach((reason, n) -> text.append("\n").append(n).append(" × ").append(reason));
        resultSummary.set(text.toString());
        load();
    }

    private String whyNot() {
        if (running.get()) {
            return "Renting…";
        }
        if (service.get() == null || country.get() == null) {
            return "Choose a service and a country.";
        }
        if (quantity.get() < 1 || quantity.get() > MAX_QUANTITY) {
            return "Rent 1 to " + MAX_QUANTITY + " numbers at a time.";
        }
        String priceProblem = maxPriceProblem(maxPrice.get());
        if (!priceProblem.isEmpty()) {
            return priceProblem;
        }
        BigDecimal unit = carrier.get() == CarrierChoice.MOBILE ? country.get().mobilePrice() : country.get().price();
        Optional<BigDecimal> cap = parseMoney(maxPrice.get());
        if (cap.isPresent() && unit.compareTo(cap.get()) > 0) {
            return "The price " + Formats.usd(unit) + " is above your max price " + Formats.usd(cap.get())
                    + ": raise it or choose another country.";
        }
        Account account = session.accountProperty().get();
        if (account != null && account.balance().compareTo(unit.multiply(BigDecimal.valueOf(quantity.get()))) < 0) {
            return "Your balance " + Formats.usd(account.balance()) + " does not cover "
                    + Formats.usd(unit.multiply(BigDecimal.valueOf(quantity.get())))
                    + ": add credit on the Billing page, or rent fewer.";
        }
        int free = carrier.get() == CarrierChoice.MOBILE ? country.get().mobileAvailable() : country.get().available();
        if (free == 0) {
            return "No " + (carrier.get() == CarrierChoice.MOBILE ? "mobile " : "") + "number is free there right now"
                    + (carrier.get() == CarrierChoice.MOBILE ? ": try 'Any number'." : ": try another country.");
        }
        return "";
    }

    static Optional<BigDecimal> parseMoney(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(text.strip().replace("$", "").replace(',', '.'));
            return value.signum() < 0 || value.stripTrailingZeros().scale() > 4 ? Optional.empty() : Optional.of(value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String maxPriceProblem(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return parseMoney(text).isPresent() ? "" : "Enter a price in dollars, such as 0.80 (at most 4 decimals).";
    }

    /** The catalog name of a service code ("whatsapp" → "WhatsApp"). */
    public String serviceName(String code) {
        return services.stream().filter(s -> s.service().equals(code)).map(ServiceOffer::name).findFirst().orElse(code);
    }

    /** The catalog name of a country code ("US" → "United States"). */
    public String countryName(String code) {
        return services.stream().flatMap(s -> s.countries().stream()).filter(c -> c.country().equals(code))
                .findFirst().flatMap(CountryOffer::name).orElse(code);
    }

    public ObservableList<ServiceOffer> services() {
        return services;
    }

    public ObservableList<CountryOffer> countries() {
        return countries;
    }

    public ObjectProperty<ServiceOffer> serviceProperty() {
        return service;
    }

    public ObjectProperty<CountryOffer> countryProperty() {
        return country;
    }

    public ObjectProperty<CarrierChoice> carrierProperty() {
        return carrier;
    }

    public StringProperty maxPriceProperty() {
        return maxPrice;
    }

    public IntegerProperty quantityProperty() {
        return quantity;
    }

    public StringProperty loadErrorProperty() {
        return loadError;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public IntegerProperty doneProperty() {
        return done;
    }

    public IntegerProperty targetProperty() {
        return target;
    }

    public ObservableList<RentOutcome> outcomes() {
        return outcomes;
    }

    public StringProperty resultSummaryProperty() {
        return resultSummary;
    }

    public ObjectBinding<BigDecimal> unitPrice() {
        return unitPrice;
    }

    public ObjectBinding<BigDecimal> total() {
        return total;
    }

    public ObjectBinding<BigDecimal> balanceAfter() {
        return balanceAfter;
    }

    public StringBinding maxPriceError() {
        return maxPriceError;
    }

    public BooleanBinding canRent() {
        return canRent;
    }

    /** Why renting is not possible right now, in words (empty when it is). */
    public StringBinding blocker() {
        return blocker;
    }
}
