package com.smsverifyo.ui.rentals;

import com.smsverifyo.client.CodeReceived;
import com.smsverifyo.client.NotFoundException;
import com.smsverifyo.client.Page;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalQuery;
import com.smsverifyo.client.RentalStatus;
import com.smsverifyo.client.ServiceOffer;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.session.LiveListener;
import com.smsverifyo.ui.session.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
 * <p>Large and live at once: the table's list is a plain observable list of {@link RentalItem}s (no
 * sorted or filtered wrappers, whose per-change cost grows with the list), found through an id → row
 * index. Live updates arrive coalesced per rental; they are queued and applied together once per
 * frame: a known rental's item takes its new state in place (the list does not change), a new one
 * that passes the filters goes on top, one that no longer passes them leaves.
 *
 * <p>New rows wait while the table is scrolled away from its top (a person reading row 5,000 would
 * otherwise see the rows under their eyes move down with every new rental): they are counted
 * ({@link #heldBackProperty()}) and go in, all at once, when the table is back at its top.
 *
 * <p>Two lists are kept: {@code loaded}, what the server returned for the filters (pages, in the
 * server's newest-first order, plus live arrivals), and the table's rows, {@code loaded} narrowed by
 * a search that runs here rather than on the server, in the table's sort order.
 */
public final class RentalsViewModel {
    /** Rentals per page from the server (the API's maximum). */
    public static final int PAGE_SIZE = 200;
    /** How long a row glows after its code arrived. */
    public static final Duration FLASH = Duration.ofMillis(1600);
    /** The server's order: ids sort by creation time. */
    public static final Comparator<Rental> NEWEST_FIRST = Comparator.comparing(Rental::id).reversed();
    private static final Comparator<RentalItem> NEWEST_ITEM_FIRST = Comparator.comparing(RentalItem::id).reversed();

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

    private final IndexedRentals loaded = new IndexedRentals(new ArrayList<>());
    private final ObservableList<RentalItem> shown = FXCollections.observableArrayList();
    private final IndexedRentals rows = new IndexedRentals(shown);
    private final ObservableList<RentalItem> rowsView = FXCollections.unmodifiableObservableList(shown);

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

    private final Map<String, RentalItem> heldBack = new LinkedHashMap<>();
    private final ReadOnlyIntegerWrapper heldBackCount = new ReadOnlyIntegerWrapper();
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
    private Comparator<RentalItem> order;
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
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
        status.addListener(obs -> filtersChanged());
        service.addListener(obs -> filtersChanged());
        country.addListener(obs -> filtersChanged());
        search.addListener(obs -> searchChanged());
        atTop.addListener((obs, was, now) -> {
            if (now) {
                showNew();
            }
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
        return rowsView;
    }

    /** How many rentals are loaded from the server (the rows before the local search). */
    public int loadedCount() {
        return loaded.size();
    }

    /** Sorts the rows ({@code null}: newest first, the server's order). New rows then go where it puts them. */
    public void sort(Comparator<Rental> comparator) {
        order = comparator == null ? null : Comparator.comparing(RentalItem::get, comparator);
        rows.sort(order == null ? NEWEST_ITEM_FIRST : order);
    }

    /** Loads the first page again for the current filters and search. */
    public void reload() {
        int request = ++generation;
        RentalFilters askedFilters = filters;
        RentalSearch askedSearch = currentSearch;
        loading.set(true);
        loadError.set("");
        arrivedDuringLoad.clear();
        updateTexts();
        session.call(() -> fetch(askedFilters, askedSearch, null)).whenComplete((page, error) -> {
            if (request != generation) {
                return;
            }
            loading.set(false);
            if (error != null) {
                loadError.set(ErrorMessages.describe(error));
                loaded.clear();
                rows.clear();
                hasMore.set(false);
            } else {
                loaded.setAll(items(page.data()));
                cursor = page.nextCursor().orElse(null);
                hasMore.set(page.hasMore() && cursor != null);
                refilterRows();
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
                int before = loaded.size();
                loaded.append(items(page.data()));
                List<RentalItem> visible = new ArrayList<>();
                for (int i = before; i < loaded.size(); i++) {
                    RentalItem item = loaded.get(i);
                    if (currentSearch.matches(item.get()) && !rows.contains(item.id())) {
                        visible.add(item);
                    }
                }
                visible.removeIf(item -> heldBack.containsKey(item.id()));
                rows.append(visible);
                if (order != null) {
                    rows.sort(order);
                }
                cursor = page.nextCursor().orElse(null);
                hasMore.set(page.hasMore() && cursor != null);
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

    /**
     * Applies the newest state of some rentals: in place when shown, added when new and passing the
     * filters and search, removed when they no longer pass them. One list change for all new rows,
     * one for all removed rows, none for the rest.
     */
    void apply(List<Rental> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> leaveLoaded = new HashSet<>();
        Set<String> leaveRows = new HashSet<>();
        List<RentalItem> newLoaded = new ArrayList<>();
        List<RentalItem> newRows = new ArrayList<>();
        Rental oldestLoaded = loaded.size() == 0 ? null : loaded.get(loaded.size() - 1).get();
        Rental current = selected.get();
        for (Rental rental : batch) {
            if (loading.get()) {
                arrivedDuringLoad.put(rental.id(), rental);
            }
            boolean wanted = filters.matches(rental) && (!currentSearch.onServer() || currentSearch.matches(rental));
            int at = loaded.indexOf(rental.id());
            RentalItem item = null;
            if (at >= 0) {
                if (wanted) {
                    item = loaded.get(at);
                    item.set(rental);
                } else {
                    leaveLoaded.add(rental.id());
                }
            } else if (wanted && withinLoadedHistory(rental, oldestLoaded)) {
                item = new RentalItem(rental);
                newLoaded.add(item);
            }
            boolean show = item != null && currentSearch.matches(rental);
            boolean shownNow = rows.contains(rental.id());
            boolean waiting = heldBack.containsKey(rental.id());
            if (shownNow && !show) {
                leaveRows.add(rental.id());
            } else if (waiting && !show) {
                heldBack.remove(rental.id());
            } else if (!shownNow && !waiting && show) {
                newRows.add(item);
            }
            if (current != null && current.id().equals(rental.id())) {
                selected.set(rental);
            }
        }
        loaded.removeIds(leaveLoaded);
        rows.removeIds(leaveRows);
        insertAll(loaded, newLoaded, NEWEST_ITEM_FIRST);
        if (atTop.get()) {
            insertAll(rows, newRows, rowOrder());
        } else {
            newRows.forEach(item -> heldBack.put(item.id(), item));
        }
        heldBackCount.set(heldBack.size());
        updateTexts();
    }

    /** Puts the new rows held back while the table was scrolled down into it. */
    public void showNew() {
        if (heldBack.isEmpty()) {
            return;
        }
        List<RentalItem> waiting = new ArrayList<>(heldBack.values());
        heldBack.clear();
        heldBackCount.set(0);
        insertAll(rows, waiting, rowOrder());
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
        return heldBackCount.getReadOnlyProperty();
    }

    private Comparator<RentalItem> rowOrder() {
        return order == null ? NEWEST_ITEM_FIRST : order;
    }

    /** A rental older than every loaded one belongs to a page not loaded yet: "Load more" brings it. */
    private boolean withinLoadedHistory(Rental rental, Rental oldestLoaded) {
        return !hasMore.get() || oldestLoaded == null || NEWEST_FIRST.compare(rental, oldestLoaded) <= 0;
    }

    private static void insertAll(IndexedRentals list, List<RentalItem> fresh, Comparator<RentalItem> order) {
        if (fresh.isEmpty()) {
            return;
        }
        fresh.sort(order);
        if (list.size() == 0 || order.compare(fresh.get(fresh.size() - 1), list.get(0)) <= 0) {
            list.addTop(fresh);
        } else {
            for (RentalItem item : fresh) {
                list.insert(item, order);
            }
        }
    }

    private static List<RentalItem> items(List<Rental> rentals) {
        List<RentalItem> items = new ArrayList<>(rentals.size());
        for (Rental rental : rentals) {
            items.add(new RentalItem(rental));
        }
        return items;
    }

    private void refilterRows() {
        List<RentalItem> matching = new ArrayList<>();
        for (RentalItem item : loaded.items()) {
            if (currentSearch.matches(item.get())) {
                matching.add(item);
            }
        }
        if (order != null) {
            matching.sort(order);
        }
        heldBack.clear();
        heldBackCount.set(0);
        rows.setAll(matching);
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
            refilterRows();
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
        String count = String.format(Locale.US, "%,d", rows.size());
        if (localSearch) {
            summary.set(count + " of " + String.format(Locale.US, "%,d", loaded.size()) + " loaded rentals match");
        } else {
            summary.set(count + (rows.size() == 1 ? " rental" : " rentals") + (hasMore.get() ? " · older ones on the server" : ""));
        }
        searchHint.set(switch (currentSearch.kind()) {
            case NONE -> "";
            case PHONE -> "Every rental of " + PhoneNumbers.display(currentSearch.value()) + ", searched on the server";
            case ID -> "Rental " + currentSearch.value() + ", looked up on the server";
            case TEXT -> "Searching the loaded rentals by number, id and code"
                    + (hasMore.get() ? ". Type a whole number with its + code, or a whole id, to search all history." : "");
        });
        if (loading.get() && rows.size() == 0) {
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

    /** Cancels a waiting rental (full refund). The server's refusal, if any, is told in words. */
    public CompletableFuture<Rental> cancel(Rental rental) {
        return act(rental, "cancel", id -> session.client().rentals().cancel(id),
                done -> "Cancelled", done -> PhoneNumbers.display(done.phoneNumber()) + " is released; "
                        + Formats.usd(done.refunded()) + " refunded.");
    }

    /** Finishes a rental that received its code: the number is released now. */
    public CompletableFuture<Rental> finish(Rental rental) {
        return act(rental, "finish", id -> session.client().rentals().finish(id),
                done -> "Finished", done -> PhoneNumbers.display(done.phoneNumber()) + " is released.");
    }

    /** Asks for another SMS on a rental whose code was wrong or expired (no new charge). */
    public CompletableFuture<Rental> retry(Rental rental) {
        return act(rental, "ask again on", id -> session.client().rentals().retry(id),
                done -> "Waiting for another SMS", done -> "The next code on " + PhoneNumbers.display(done.phoneNumber())
                        + " shows here. No new charge.");
    }

    /** Reports that the service refused the number: cancelled with a full refund, the number not offered again. */
    public CompletableFuture<Rental> report(Rental rental) {
        return act(rental, "report", id -> session.client().rentals().report(id),
                done -> "Number reported", done -> PhoneNumbers.display(done.phoneNumber())
                        + " will not be offered for this service again; " + Formats.usd(done.refunded()) + " refunded.");
    }

    /** Copies the rental's code, or says that none arrived yet. */
    public void copyCode(Rental rental) {
        if (rental == null) {
            return;
        }
        rental.code().ifPresentOrElse(code -> feedback.copy("code", code),
                () -> feedback.told("No code yet", "No code has arrived on " + PhoneNumbers.display(rental.phoneNumber())
                        + " yet."));
    }

    /** Copies the rental's number, in E.164 ({@code +14155550123}). */
    public void copyNumber(Rental rental) {
        if (rental != null) {
            feedback.copy("number", rental.phoneNumber());
        }
    }

    public static boolean canCancel(Rental rental) {
        return rental != null && rental.status() == RentalStatus.WAITING && rental.code().isEmpty();
    }

    public static boolean canReport(Rental rental) {
        return canCancel(rental);
    }

    public static boolean canFinish(Rental rental) {
        return rental != null && !rental.isFinal() && rental.code().isPresent();
    }

    public static boolean canRetry(Rental rental) {
        return rental != null && rental.status() == RentalStatus.RECEIVED;
    }

    private CompletableFuture<Rental> act(Rental rental, String verb, Function<String, Rental> work,
                                          Function<Rental, String> title, Function<Rental, String> words) {
        if (rental == null) {
            return CompletableFuture.completedFuture(null);
        }
        return session.call(() -> work.apply(rental.id())).whenComplete((done, error) -> {
            if (error != null) {
                feedback.refused("Could not " + verb + " " + PhoneNumbers.display(rental.phoneNumber()),
                        ErrorMessages.describe(error));
            } else {
                // Every page hears of it at once, without waiting for the event stream.
                session.live().publish(done);
                feedback.told(title.apply(done), words.apply(done));
            }
        });
    }
}
