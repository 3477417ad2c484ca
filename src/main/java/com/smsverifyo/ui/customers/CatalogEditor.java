package com.smsverifyo.ui.customers;

import com.smsverifyo.client.Catalog;
import com.smsverifyo.client.ConflictException;
import com.smsverifyo.client.FieldError;
import com.smsverifyo.client.ValidationException;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.session.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The owner's catalog editor: base prices per service × country (any number, real mobile carrier)
 * and the tiers with their discounts. Every cell is checked as it is typed; saving sends the whole
 * catalog ({@code PUT /v1/catalog}), and what the server refuses is put in words next to the rows
 * it names: field errors by their JSON pointer ({@code #/prices/3/price_usd} is the fourth price
 * sent), conflicts (a tier that accounts are still on) by the tier's name.
 */
public final class CatalogEditor {
    private static final Pattern POINTER = Pattern.compile("#/(prices|tiers)/(\\d+)(?:/([a-z_]+))?");

    private final Session session;
    private final Consumer<Catalog> saved;
    private final ObservableList<PriceRow> prices = FXCollections.observableArrayList(
            row -> new Observable[] {row.priceProperty(), row.mobileProperty(), row.removedProperty()});
    private final ObservableList<TierRow> tiers = FXCollections.observableArrayList(
            row -> new Observable[] {row.nameProperty(), row.discountProperty(), row.removedProperty()});
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper("");
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final IntegerBinding problems;
    private final BooleanBinding dirty;
    private final BooleanBinding canSave;
    private Catalog loaded;

    /**
     * @param session the connection
     * @param saved   told the catalog as the server stored it (the tiers may have changed)
     */
    public CatalogEditor(Session session, Consumer<Catalog> saved) {
        this.session = session;
        this.saved = saved;
        tiers.addListener((javafx.collections.ListChangeListener<TierRow>) change -> markDuplicates());
        problems = Bindings.createIntegerBinding(() -> (int) (prices.stream().filter(r -> !r.valid()).count()
                + tiers.stream().filter(r -> !r.valid()).count()), prices, tiers);
        dirty = Bindings.createBooleanBinding(() -> prices.stream().anyMatch(PriceRow::changed)
                || tiers.stream().anyMatch(TierRow::changed), prices, tiers, revision);
        canSave = Bindings.createBooleanBinding(() -> loaded != null && dirty.get() && problems.get() == 0 && !saving.get(),
                dirty, problems, saving, revision);
    }

    /** Reads the catalog (throwing away unsaved edits). */
    public void load() {
        loading.set(true);
        session.call(() -> session.client().catalog().get()).whenComplete((catalog, failure) -> {
            loading.set(false);
            if (failure != null) {
                saveError.set(ErrorMessages.describe(failure));
                return;
            }
            saveError.set("");
            show(catalog);
        });
    }

    /** Shows {@code catalog} as the saved state (after a load, a save, or from a caller that read it). */
    public void show(Catalog catalog) {
        loaded = catalog;
        Map<String, String> serviceNames = catalog.services().stream()
                .collect(Collectors.toMap(Catalog.Service::service, Catalog.Service::name, (a, b) -> a));
        Map<String, String> countryNames = catalog.countries().stream()
                .collect(Collectors.toMap(Catalog.Country::country, Catalog.Country::name, (a, b) -> a));
        prices.setAll(catalog.prices().stream().map(p -> PriceRow.of(p, serviceNames.getOrDefault(p.service(), p.service()),
                countryNames.getOrDefault(p.country(), p.country()))).toList());
        tiers.setAll(catalog.tiers().stream().map(TierRow::of).toList());
        revision.set(revision.get() + 1);
    }

    /** Throws away the edits. */
    public void revert() {
        if (loaded != null) {
            show(loaded);
            status.set("");
            saveError.set("");
        }
    }

    /** A new tier with an empty name, to type. */
    public TierRow addTier() {
        TierRow row = new TierRow("", "0", true);
        tiers.add(row);
        return row;
    }

    /** Removes a tier: a new one at once; a saved one is marked, and removed when saved. */
    public void removeTier(TierRow row) {
        if (row.added()) {
            tiers.remove(row);
        } else {
            row.removedProperty().set(true);
        }
        markDuplicates();
    }

    public void restoreTier(TierRow row) {
        row.removedProperty().set(false);
        markDuplicates();
    }

    /** The service × country pairs that have no price yet ("whatsapp|US"). */
    public List<String[]> missingPrices() {
        if (loaded == null) {
            return List.of();
        }
        Set<String> priced = prices.stream().map(r -> r.service() + "|" + r.country()).collect(Collectors.toSet());
        List<String[]> missing = new ArrayList<>();
        for (Catalog.Service service : loaded.services()) {
            for (Catalog.Country country : loaded.countries()) {
                if (!priced.contains(service.service() + "|" + country.country())) {
                    missing.add(new String[] {service.service(), country.country()});
                }
            }
        }
        return missing;
    }

    /** Adds a price for a service in a country that has none. */
    public PriceRow addPrice(String service, String country) {
        String serviceName = loaded.services().stream().filter(s -> s.service().equals(service)).map(Catalog.Service::name)
                .findFirst().orElse(service);
        String countryName = loaded.countries().stream().filter(c -> c.country().equals(country))
                .map(Catalog.Country::name).findFirst().orElse(country);
        PriceRow row = new PriceRow(service, serviceName, country, countryName, "", "", true);
        prices.add(0, row);
        return row;
    }

    /** Removes a price: a new one at once; a saved one is marked, and removed when saved. */
    public void removePrice(PriceRow row) {
        if (row.added()) {
            prices.remove(row);
        } else {
            row.removedProperty().set(true);
        }
    }

    public void restorePrice(PriceRow row) {
        row.removedProperty().set(false);
    }

    /** Sends the whole catalog; the server's refusals land next to the rows they name. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        List<PriceRow> sentPrices = prices.stream().filter(r -> !r.removedProperty().get()).toList();
        List<TierRow> sentTiers = tiers.stream().filter(r -> !r.removedProperty().get()).toList();
        prices.forEach(PriceRow::clearServerErrors);
        tiers.forEach(TierRow::clearServerErrors);
        Catalog next = new Catalog(loaded.services(), loaded.countries(),
                sentPrices.stream().map(PriceRow::toPrice).toList(), sentTiers.stream().map(TierRow::toTier).toList());
        saving.set(true);
        saveError.set("");
        status.set("");
        session.call(() -> session.client().catalog().put(next)).whenComplete((stored, failure) -> {
            saving.set(false);
            if (failure == null) {
                show(stored);
                status.set("Saved at " + Formats.time(Instant.now()) + ". New prices apply to new rentals; "
                        + "every rental keeps the price it was charged.");
                saved.accept(stored);
            } else {
                showRefusal(failure, sentPrices, sentTiers);
            }
        });
    }

    /** Puts a failed save in words: next to the rows the server named, or above the tables. */
    void showRefusal(Throwable failure, List<PriceRow> sentPrices, List<TierRow> sentTiers) {
        if (failure instanceof ValidationException invalid) {
            showFieldErrors(invalid, sentPrices, sentTiers);
        } else if (failure instanceof ConflictException conflict) {
            showConflicts(conflict);
        } else {
            saveError.set(ErrorMessages.describe(failure));
        }
    }

    private void showFieldErrors(ValidationException invalid, List<PriceRow> sentPrices, List<TierRow> sentTiers) {
        List<String> elsewhere = new ArrayList<>();
        int placed = 0;
        for (FieldError error : invalid.errors()) {
            Matcher pointer = POINTER.matcher(error.pointer());
            if (pointer.matches()) {
                int index = Integer.parseInt(pointer.group(2));
                String field = pointer.group(3) == null ? "" : pointer.group(3);
                if (pointer.group(1).equals("prices") && index < sentPrices.size()) {
                    sentPrices.get(index).serverError(field, error.detail());
                    placed++;
                    continue;
                }
                if (pointer.group(1).equals("tiers") && index < sentTiers.size()) {
                    sentTiers.get(index).serverError(field, error.detail());
                    placed++;
                    continue;
                }
            }
            elsewhere.add(error.detail());
        }
        StringBuilder text = new StringBuilder("The server did not save the catalog");
        text.append(placed > 0 ? ": " + placed + (placed == 1 ? " problem is" : " problems are") + " marked next to "
                + (placed == 1 ? "its row." : "their rows.") : ".");
        elsewhere.forEach(detail -> text.append(' ').append(detail));
        if (invalid.errors().isEmpty()) {
            text.append(' ').append(invalid.detail());
        }
        saveError.set(text.toString());
    }

    private void showConflicts(ConflictException conflict) {
        if (!(conflict.extras().get("conflicts") instanceof List<?> items)) {
            saveError.set("Nothing was saved. " + conflict.detail());
            return;
        }
        List<String> elsewhere = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> fields && !placeConflict(fields)) {
                elsewhere.add(conflictWords(fields));
            }
        }
        saveError.set(elsewhere.isEmpty() ? "Nothing was saved: the rows marked below are still in use."
                : "Nothing was saved. " + String.join(" ", elsewhere));
    }

    /** Puts a conflict next to the tier it names; false when no row shows it. */
    private boolean placeConflict(Map<?, ?> fields) {
        if (!"tier".equals(fields.get("kind"))) {
            return false;
        }
        boolean placed = false;
        for (TierRow row : tiers) {
            if (row.nameProperty().get().equals(String.valueOf(fields.get("code")))) {
                row.serverError("", conflictWords(fields));
                placed = true;
            }
        }
        return placed;
    }

    private static String conflictWords(Map<?, ?> fields) {
        String kind = String.valueOf(fields.get("kind"));
        String code = String.valueOf(fields.get("code"));
        if (kind.equals("tier")) {
            long accounts = number(fields.get("accounts"));
            return accounts + (accounts == 1 ? " account is" : " accounts are") + " on tier '" + code + "': move "
                    + (accounts == 1 ? "it" : "them") + " to another tier before removing it.";
        }
        long open = number(fields.get("open_rentals"));
        return "The " + kind + " '" + code + "' has " + open + " open " + (open == 1 ? "rental" : "rentals")
                + ": remove it once they have ended.";
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** Marks every tier whose name another kept tier also has. */
    private void markDuplicates() {
        Map<String, Integer> counts = new HashMap<>();
        for (TierRow row : tiers) {
            if (!row.removedProperty().get()) {
                counts.merge(row.nameProperty().get().strip(), 1, Integer::sum);
            }
        }
        Set<String> repeated = new HashSet<>();
        counts.forEach((name, n) -> {
            if (n > 1 && !name.isEmpty()) {
                repeated.add(name);
            }
        });
        for (TierRow row : tiers) {
            boolean duplicate = !row.removedProperty().get() && repeated.contains(row.nameProperty().get().strip());
            row.duplicate(duplicate ? "Another tier has this name." : "");
        }
    }

    public ObservableList<PriceRow> prices() {
        return prices;
    }

    public ObservableList<TierRow> tiers() {
        return tiers;
    }

    /** How many rows have a problem that keeps the catalog from being saved. */
    public IntegerBinding problems() {
        return problems;
    }

    /** Whether anything differs from the saved catalog. */
    public BooleanBinding dirty() {
        return dirty;
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The last save's outcome, in words (empty before). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last load or save failed, in words (empty when fine). */
    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    /** Whether a catalog was read. */
    public boolean loaded() {
        return loaded != null;
    }
}
