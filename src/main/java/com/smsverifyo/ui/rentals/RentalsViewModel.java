package com.smsverifyo.ui.rentals;

import com.smsverifyo.client.CodeReceived;
import com.smsverifyo.client.NotFoundException;
import com.smsverifyo.client.Page;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalQuery;
import com.smsverifyo.client.RentalStatus;
import com.smsverifyo.client.ServiceOffer;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.session.LiveListener;
import com.smsverifyo.ui.session.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The Rentals page's state and logic: the rows of the table, the filters (run on the server), the
 * search, the selected rental, the shared clock of the countdowns, the rows that flash, and the
 * actions on a rental.
 *
 * <p>Large and live at once: the rows and how updates change them are {@link RentalRows}' job.
 * Live updates arrive coalesced per rental; they are queued and applied together once per frame.
 */
public final class RentalsViewModel {
    /** Rentals per page from the server (the API's maximum). */
    public static final int PAGE_SIZE = 200;
    /** How long a row glows after its code arrived. */
    public static final Duration FLASH = Duration.ofMillis(1600);
    /** The server's order: ids sort by creation time. */
    public static final Comparator<Rental> NEWEST_FIRST = Comparator.comparing(Rental::id).reversed();

    /** A choice of a filter menu: {@code value} null means "all". */
    public record Choice(String value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final Session session;
    private final RentalFeedback feedback;
    private final Clock clock;
    private final Executor nextFrame;
    private final int pageSize;

    private final RentalRows rows = new RentalRows();
    private final RentalActions actions;

    private final ObjectProperty<RentalStatus> status = new SimpleObjectProperty<>();
    private final StringProperty service = new SimpleStringProperty();
    private final StringProperty country = new SimpleStringProperty();
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper searchHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Rental> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ObservableSet<String> flashing = FXCollections.observableSet();
    private final Map<String, Instant> flashStarted = new HashMap<>();
    private final ObservableList<Choice> serviceChoices = FXCollections.observableArrayList(new Choice(null, "All services"));
    private final ObservableList<Choice> countryChoices = FXCollections.observableArrayList(new Choice(null, "All countries"));
    private final Map<String, String> serviceNames = new HashMap<>();
    private final Map<String, String> countryNames = new HashMap<>();

    private final BooleanProperty atTop = new SimpleBooleanProperty(true);
    private final Map<String, Rental> pending = new LinkedHashMap<>();
    private final Map<String, Rental> arrivedDuringLoad = new LinkedHashMap<>();
    private final LiveListener listener = new LiveListener() {
        @Override
        public void rentalsChanged(List<Rental> rentals) {
            queue(rentals);
        }

        @Override
        public void codeArrived(CodeReceived code) {
            RentalsViewModel.this.codeArrived(code);
        }
    };
    private RentalFilters filters = RentalFilters.NONE;
    private RentalSearch currentSearch = RentalSearch.NONE;
    private String cursor;
    private int generation;
    private boolean flushQueued;
    private boolean started;

    /** For the app: the system clock, updates applied once per frame. */
    public RentalsViewModel(Session session, RentalFeedback feedback) {
        this(session, feedback, Clock.systemUTC(), new OncePerFrame(), PAGE_SIZE);
    }

    /**
     * @param session   the connection
     * @param feedback  where messages and copied text go
     * @param clock     the countdowns' clock
     * @param nextFrame runs queued updates at the next frame (tests: at once)
     * @param pageSize  rentals per server page
     */
    public RentalsViewModel(Session session, RentalFeedback feedback, Clock clock, Executor nextFrame, int pageSize) {
        this.session = session;
        this.feedback = feedback;
        this.clock = clock;
        this.nextFrame = nextFrame;
        this.pageSize = pageSize;
        this.actions = new RentalActions(session, feedback);
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
        status.addListener(obs -> filtersChanged());
        service.addListener(obs -> filtersChanged());
        country.addListener(obs -> filtersChanged());
        search.addListener(obs -> searchChanged());
        atTop.addListener((obs, was, top) -> {
            rows.atTop(top);
            updateTexts();
        });
        updateTexts();
    }

    /** Starts listening to live updates and loads the first page and the catalog (once). */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        session.live().addListener(listener);
        loadCatalog();
        reload();
    }

    /** Stops listening; results of requests still running are dropped. */
    public void dispose() {
        session.live().removeListener(listener);
        generation++;
        started = false;
    }

    // ---- the table --------------------------------------------------------------------------

    /** The table's rows (read-only: change them through the filters, the search and the sort). */
    public ObservableList<RentalItem> rows() {
        return rows.rows();
    }

    /** How many rentals are loaded from the server (the rows before the local search). */
    public int loadedCount() {
        return rows.loadedCount();
    }

    /** Sorts the rows ({@code null}: newest first, the server's order). New rows then go where it puts them. */
    public void sort(Comparator<Rental> comparator) {
        rows.sort(comparator);
    }

    /** Loads the first page again for the current filters and search. */
    public void reload() {
        int request = ++generation;
        RentalFilters askedFilters = filters;
        RentalSearch askedSearch = currentSearch;
        loading.set(true);
        loadError.set("");
        arrivedDuringLoad.clear();
        rows.query(askedFilters, askedSearch);
        updateTexts();
        session.call(() -> fetch(askedFilters, askedSearch, null)).whenComplete((page, error) -> {
            if (request != generation) {
                return;
            }
            loading.set(false);
            if (error != null) {
                loadError.set(ErrorMessages.describe(error));
                rows.clear();
                hasMore.set(false);
                rows.olderOnServer(false);
            } else {
                cursor = page.nextCursor().orElse(null);
                hasMore.set(page.hasMore() && cursor != null);
                rows.olderOnServer(hasMore.get());
                rows.replaceAll(page.data());
                // What changed while the page was on its way is newer than the page, or the same.
                List<Rental> meanwhile = new ArrayList<>(arrivedDuringLoad.values());
                arrivedDuringLoad.clear();
                apply(meanwhile);
            }
            updateTexts();
        });
    }

    /** Loads the next (older) page and adds it below. */
    public void loadMore() {
        if (!hasMore.get() || loading.get() || cursor == null) {
            return;
        }
        int request = generation;
        RentalFilters askedFilters = filters;
        RentalSearch askedSearch = currentSearch;
        String from = cursor;
        loading.set(true);
        updateTexts();
        session.call(() -> fetch(askedFilters, askedSearch, from)).whenComplete((page, error) -> {
            if (request != generation) {
                return;
            }
            loading.set(false);
            if (error != null) {
                feedback.refused("Could not load older rentals", ErrorMessages.describe(error));
            } else {
                rows.appendOlder(page.data());
                cursor = page.nextCursor().orElse(null);
                hasMore.set(page.hasMore() && cursor != null);
                rows.olderOnServer(hasMore.get());
            }
            updateTexts();
        });
    }

    private Page<Rental> fetch(RentalFilters askedFilters, RentalSearch askedSearch, String from) {
        if (askedSearch.kind() == RentalSearch.Kind.ID) {
            try {
                Rental rental = session.client().rentals().get(askedSearch.value());
                return new Page<>(askedFilters.matches(rental) ? List.of(rental) : List.of(), false, Optional.empty());
            } catch (NotFoundException e) {
                return new Page<>(List.of(), false, Optional.empty());
            }
        }
        RentalQuery query = askedFilters.query(pageSize);
        if (askedSearch.kind() == RentalSearch.Kind.PHONE) {
            query = query.phone(askedSearch.value());
        }
        return session.client().rentals().page(query, from);
    }

    // ---- live updates -----------------------------------------------------------------------

    private void queue(List<Rental> batch) {
        for (Rental rental : batch) {
            pending.put(rental.id(), rental);
        }
        if (!flushQueued) {
            flushQueued = true;
            nextFrame.execute(this::flush);
        }
    }

    private void flush() {
        flushQueued = false;
        List<Rental> batch = new ArrayList<>(pending.values());
        pending.clear();
        apply(batch);
    }

    /** Applies the newest state of some rentals (see {@link RentalRows#apply}) and keeps the selection fresh. */
    void apply(List<Rental> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Rental current = selected.get();
        for (Rental rental : batch) {
            if (loading.get()) {
                arrivedDuringLoad.put(rental.id(), rental);
            }
            if (current != null && current.id().equals(rental.id())) {
                selected.set(rental);
            }
        }
        rows.apply(batch);
        updateTexts();
    }

    /** Puts the new rows held back while the table was scrolled down into it. */
    public void showNew() {
        rows.showHeldBack();
        updateTexts();
    }

    /**
     * Whether the table shows its first row (the view says so as it scrolls). New rows go in at once
     * only then.
     */
    public BooleanProperty atTopProperty() {
        return atTop;
    }

    /** How many new rows wait for the table to be back at its top. */
    public ReadOnlyIntegerProperty heldBackProperty() {
        return rows.heldBackProperty();
    }

    // ---- filters and search -----------------------------------------------------------------

    public ObjectProperty<RentalStatus> statusProperty() {
        return status;
    }

    /** The service filter (a service code such as {@code whatsapp}; null or empty: all). */
    public StringProperty serviceProperty() {
        return service;
    }

    /** The country filter (ISO alpha-2; null or empty: all). */
    public StringProperty countryProperty() {
        return country;
    }

    /** What is typed in the search box. */
    public StringProperty searchProperty() {
        return search;
    }

    public void clearFilters() {
        search.set("");
        status.set(null);
        service.set(null);
        country.set(null);
    }

    public ObservableList<Choice> serviceChoices() {
        return serviceChoices;
    }

    public ObservableList<Choice> countryChoices() {
        return countryChoices;
    }

    /** {@code WhatsApp} for {@code whatsapp}, once the catalog is loaded. */
    public String serviceName(String code) {
        return serviceNames.getOrDefault(code, code);
    }

    /** {@code United States} for {@code US}. */
    public String countryName(String code) {
        return countryNames.computeIfAbsent(code, c -> new Locale("", c).getDisplayCountry(Locale.ENGLISH));
    }

    public UnaryOperator<String> serviceNames() {
        return this::serviceName;
    }

    private void filtersChanged() {
        RentalFilters next = new RentalFilters(status.get(), service.get(), country.get());
        if (next.equals(filters)) {
            return;
        }
        filters = next;
        if (started) {
            reload();
        }
    }

    private void searchChanged() {
        RentalSearch next = RentalSearch.parse(search.get());
        if (next.equals(currentSearch)) {
            return;
        }
        boolean serverAsked = next.onServer() || currentSearch.onServer();
        currentSearch = next;
        if (serverAsked && started) {
            reload();
        } else {
            rows.searchHere(next);
            updateTexts();
        }
    }

    private void loadCatalog() {
        session.call(() -> session.client().services().list()).whenComplete((offers, error) -> {
            if (error != null) {
                return; // the filters still offer "all"; the table shows service codes
            }
            Map<String, String> countries = new TreeMap<>();
            List<Choice> services = new ArrayList<>();
            for (ServiceOffer offer : offers) {
                serviceNames.put(offer.service(), offer.name());
                services.add(new Choice(offer.service(), offer.name()));
                for (ServiceOffer.CountryOffer c : offer.countries()) {
                    c.name().ifPresent(name -> countryNames.put(c.country(), name));
                    countries.putIfAbsent(c.country(), c.name().orElseGet(() -> countryName(c.country())));
                }
            }
            services.sort(Comparator.comparing(Choice::label, String.CASE_INSENSITIVE_ORDER));
            services.add(0, serviceChoices.get(0));
            serviceChoices.setAll(services);
            List<Choice> countryList = new ArrayList<>();
            countryList.add(countryChoices.get(0));
            countries.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue())
                    .forEach(e -> countryList.add(new Choice(e.getKey(), e.getValue() + " (" + e.getKey() + ")")));
            countryChoices.setAll(countryList);
        });
    }

    // ---- texts ------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether older rentals wait on the server ("Load more"). */
    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** Why the last load failed, in words (empty when it did not). */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** "1,234 rentals", "3 of 200 loaded rentals match". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How the search runs: on the server or over the loaded rentals (empty without a search). */
    public ReadOnlyStringProperty searchHintProperty() {
        return searchHint.getReadOnlyProperty();
    }

    /** What an empty table says. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    private void updateTexts() {
        boolean localSearch = currentSearch.kind() == RentalSearch.Kind.TEXT;
        int shownCount = rows.shownCount();
        String count = String.format(Locale.US, "%,d", shownCount);
        if (localSearch) {
            summary.set(count + " of " + String.format(Locale.US, "%,d", rows.loadedCount()) + " loaded rentals match");
        } else {
            summary.set(count + (shownCount == 1 ? " rental" : " rentals") + (hasMore.get() ? " · older ones on the server" : ""));
        }
        searchHint.set(switch (currentSearch.kind()) {
            case NONE -> "";
            case PHONE -> "Every rental of " + PhoneNumbers.display(currentSearch.value()) + ", searched on the server";
            case ID -> "Rental " + currentSearch.value() + ", looked up on the server";
            case TEXT -> "Searching the loaded rentals by number, id and code"
                    + (hasMore.get() ? ". Type a whole number with its + code, or a whole id, to search all history." : "");
        });
        if (loading.get() && rows.shownCount() == 0) {
            emptyText.set("Loading rentals…");
        } else if (!loadError.get().isEmpty()) {
            emptyText.set(loadError.get());
        } else if (filters.isEmpty() && currentSearch.kind() == RentalSearch.Kind.NONE) {
            emptyText.set("No rentals yet. Rent a number (Ctrl+N) and watch its code arrive here, live.");
        } else {
            emptyText.set("No rentals match these filters.");
        }
    }

    // ---- selection, clock, flashes ----------------------------------------------------------

    public ReadOnlyObjectProperty<Rental> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The table's selection (null: none). Live updates keep it fresh. */
    public void select(Rental rental) {
        selected.set(rental);
    }

    /** The countdowns' clock: one value for every row, moved by {@link #tick()}. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** Moves the countdowns' clock to now and ends flashes that are over (the page calls it every second). */
    public void tick() {
        Instant at = clock.instant();
        now.set(at);
        flashStarted.entrySet().removeIf(entry -> {
            boolean over = Duration.between(entry.getValue(), at).compareTo(FLASH) >= 0;
            if (over) {
                flashing.remove(entry.getKey());
            }
            return over;
        });
    }

    /** The countdown of a rental at the shared clock's time. */
    public Countdown countdown(Rental rental) {
        return Countdown.of(rental, now.get());
    }

    /** Ids of rentals whose code just arrived: their rows glow, then fade. */
    public ObservableSet<String> flashing() {
        return flashing;
    }

    /** How long ago a rental's code arrived (its flash's age), if it is flashing. */
    public Optional<Duration> flashAge(String id) {
        Instant started = flashStarted.get(id);
        return started == null ? Optional.empty() : Optional.of(Duration.between(started, clock.instant()));
    }

    /** A code arrived: its row flashes (the desktop notification is {@link CodeAlerts}' job). */
    void codeArrived(CodeReceived code) {
        String id = code.rentalId();
        flashStarted.put(id, clock.instant());
        flashing.remove(id);
        flashing.add(id);
    }

    // ---- actions ----------------------------------------------------------------------------

    /** Cancel, finish, retry, report and copy, on any rental. */
    public RentalActions actions() {
        return actions;
    }
}
