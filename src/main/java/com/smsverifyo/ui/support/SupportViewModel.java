package com.smsverifyo.ui.support;

import com.smsverifyo.client.PermissionException;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalStory;
import com.smsverifyo.client.TimelineEntry;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.session.LiveListener;
import com.smsverifyo.ui.session.Session;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Support page's state: the search box and what it understood, the rentals found, the selected
 * rental's story, and the agent's actions on it (redeliver a webhook message, correct a code, refund
 * with a reason). The story follows the live feed while the page is shown, and is read again after
 * every action. All I/O runs through {@link Session#call}, off the FX thread.
 */
public final class SupportViewModel {
    /** How long a redelivery is followed until its attempt shows in the story. */
    static final Duration REDELIVERY_WAIT = Duration.ofSeconds(10);
    private static final long REDELIVERY_POLL_MILLIS = 250;

    /**
     * Something to tell the agent that is not about one input (a notification in the app).
     *
     * @param error whether it is a failure
     * @param title a few words
     * @param text  the sentence
     */
    public record Notice(boolean error, String title, String text) {
    }

    /** Why this key may not correct or refund: only the provider above an account does that. */
    static final String NOT_YOURS = "Only your provider can correct codes or refund your own rentals.";

    private final Session session;
    private final SupportSearch search;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectBinding<SupportQuery> reading;
    private final ReadOnlyStringWrapper understood = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper searchError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper searched = new ReadOnlyBooleanWrapper();
    private final ObservableList<Rental> results = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Rental> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StoryModel> story = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper storyLoading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper storyError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper owner = new ReadOnlyBooleanWrapper();
    private final StringBinding correctionBlocker;
    private final ReadOnlyObjectWrapper<RefundForm> refundForm = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CodeCorrectionForm> correctionForm = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper redelivering = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final LiveListener live = new LiveListener() {
        @Override
        public void rentalsChanged(List<Rental> rentals) {
            Rental open = selected.get();
            if (open != null && rentals.stream().anyMatch(r -> r.id().equals(open.id()))) {
                reloadStory();
            }
        }
    };
    private final ReadOnlyObjectWrapper<SupportQuery> lastSearched = new ReadOnlyObjectWrapper<>(SupportQuery.EMPTY);
    private final StringBinding status;
    private SupportSearch.Directory directory = SupportSearch.Directory.EMPTY;
    private long searchSeq;
    private long storySeq;

    public SupportViewModel(Session session) {
        this.session = session;
        this.search = new SupportSearch(session.client());
        session.serviceNames().load();
        this.reading = Bindings.createObjectBinding(() -> SupportQuery.parse(query.get()), query);
        this.status = Bindings.createStringBinding(this::statusText, reading, lastSearched, searching, understood);
        this.correctionBlocker = Bindings.createStringBinding(() -> {
            StoryModel shown = story.get();
            if (shown == null || owner.get()) {
                return "";
            }
            // An account above the rental's may correct it; a customer's own key may not (nor may anyone unknown).
            boolean ownRental = session.accountProperty().get() == null
                    || shown.rental().accountId().equals(session.accountProperty().get().id());
            return ownRental ? NOT_YOURS : "";
        }, story, owner, session.accountProperty());
    }

    // ---- state -------------------------------------------------------------------------------------

    /** The search box's text. */
    public StringProperty queryProperty() {
        return query;
    }

    /** What the typed text is, read as it is typed. */
    public ObjectBinding<SupportQuery> reading() {
        return reading;
    }

    /**
     * The line under the search box: what the text will be searched as while it is typed, then what
     * the search found.
     */
    public StringBinding status() {
        return status;
    }

    private String statusText() {
        SupportQuery now = reading.get();
        if (now.kind() == SupportQuery.Kind.EMPTY) {
            return "Type a rental id, phone number, code, key prefix (sms_live_…) or customer name.";
        }
        if (searching.get()) {
            return "Searching: " + now.describe() + "…";
        }
        if (!now.equals(lastSearched.get())) {
            return now.kind() == SupportQuery.Kind.UNCLEAR ? now.describe() : now.describe() + " — press Enter to search";
        }
        return understood.get();
    }

    /** What the last search looked for and found: {@code Phone number +1 201-555-0123: 3 rentals}. */
    public ReadOnlyStringProperty understoodProperty() {
        return understood.getReadOnlyProperty();
    }

    /** Why the last search failed, in words (empty when it did not). */
    public ReadOnlyStringProperty searchErrorProperty() {
        return searchError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Whether a search ran since the box was last emptied (to tell "nothing found" from "nothing asked"). */
    public ReadOnlyBooleanProperty searchedProperty() {
        return searched.getReadOnlyProperty();
    }

    /** The rentals found, newest first. */
    public ObservableList<Rental> results() {
        return results;
    }

    public ReadOnlyObjectProperty<Rental> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected rental's story; null until one is selected and read. */
    public ReadOnlyObjectProperty<StoryModel> storyProperty() {
        return story.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty storyLoadingProperty() {
        return storyLoading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storyErrorProperty() {
        return storyError.getReadOnlyProperty();
    }

    /** Whether the key is the server owner's (which may correct and refund even its own rentals). */
    public ReadOnlyBooleanProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    /** Why codes cannot be corrected nor the rental refunded with this key; empty when they can. */
    public StringBinding correctionBlocker() {
        return correctionBlocker;
    }

    /** The open refund dialog, or null. */
    public ReadOnlyObjectProperty<RefundForm> refundFormProperty() {
        return refundForm.getReadOnlyProperty();
    }

    /** The open code-correction dialog, or null. */
    public ReadOnlyObjectProperty<CodeCorrectionForm> correctionFormProperty() {
        return correctionForm.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty redeliveringProperty() {
        return redelivering.getReadOnlyProperty();
    }

    /** The newest thing to tell the agent (each is a new object, so listeners hear repeats). */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** What people call a service ({@code whatsapp} → WhatsApp); the code until the catalog is read. */
    public String serviceName(String service) {
        return session.serviceNames().name(service);
    }

    /** Goes up when service names arrive, so the results can redraw. */
    public javafx.beans.property.ReadOnlyIntegerProperty serviceNamesRevision() {
        return session.serviceNames().revisionProperty();
    }

    /** The name of an account the key sees (its own or a customer's); the id if unknown. */
    public String customerName(String accountId) {
        return directory.name(accountId);
    }

    // ---- lifecycle ---------------------------------------------------------------------------------

    /** The page is shown: follow the live feed, and {@link #load}. */
    public void shown() {
        session.live().addListener(live);
        load();
    }

    /** Learns who the key is (the owner, or whose customers it sees) and reads the open story again. */
    public void load() {
        session.call(() -> {
            boolean isOwner;
            try {
                session.client().catalog().get();
                isOwner = true;
            } catch (PermissionException e) {
                isOwner = false;
            }
            return new Access(isOwner, search.directory());
        }).whenComplete((access, failure) -> {
            if (failure == null) {
                owner.set(access.owner());
                directory = access.directory();
            }
        });
        reloadStory();
    }

    private record Access(boolean owner, SupportSearch.Directory directory) {
    }

    /** Another page is shown: stop following the live feed. */
    public void hidden() {
        session.live().removeListener(live);
    }

    // ---- search ------------------------------------------------------------------------------------

    /** Searches for what the box says. */
    public void search() {
        SupportQuery wanted = reading.get();
        long seq = ++searchSeq;
        searchError.set("");
        if (wanted.kind() == SupportQuery.Kind.EMPTY) {
            searching.set(false);
            searched.set(false);
            lastSearched.set(SupportQuery.EMPTY);
            understood.set("");
            results.clear();
            return;
        }
        searching.set(true);
        lastSearched.set(wanted);
        session.call(() -> search.run(wanted)).whenComplete((result, failure) -> {
            if (seq != searchSeq) {
                return; // a newer search is running
            }
            searching.set(false);
            searched.set(true);
            if (failure != null) {
                understood.set(wanted.describe());
                searchError.set(ErrorMessages.describe(failure));
                results.clear();
                return;
            }
            directory = result.directory();
            understood.set(result.understood());
            results.setAll(result.rentals());
            Rental open = selected.get();
            if (results.size() == 1 && open != null && open.id().equals(results.get(0).id())) {
                reloadStory();
            } else if (results.size() == 1) {
                select(results.get(0));
            } else if (open != null && results.stream().noneMatch(r -> r.id().equals(open.id()))) {
                select(null);
            }
        });
    }

    /** Shows a rental's story (null: none). Selecting the rental already shown reads nothing. */
    public void select(Rental rental) {
        Rental before = selected.get();
        boolean same = before != null && rental != null && before.id().equals(rental.id());
        selected.set(rental);
        if (same && (story.get() != null || storyLoading.get())) {
            return;
        }
        storyError.set("");
        if (story.get() != null && (rental == null || !story.get().rental().id().equals(rental.id()))) {
            story.set(null);
        }
        if (rental == null) {
            storySeq++;
            storyLoading.set(false);
            return;
        }
        loadStory(rental.id());
    }

    /** Reads the selected rental's story again. */
    public void reloadStory() {
        Rental open = selected.get();
        if (open != null) {
            loadStory(open.id());
        }
    }

    private void loadStory(String rentalId) {
        long seq = ++storySeq;
        storyLoading.set(true);
        session.call(() -> session.client().support().timeline(rentalId)).whenComplete((read, failure) -> {
            if (seq == storySeq) {
                storyLoading.set(false);
                showStory(read, failure);
            }
        });
    }

    private void showStory(RentalStory read, Throwable failure) {
        if (failure != null) {
            storyError.set(ErrorMessages.describe(failure));
            return;
        }
        storyError.set("");
        story.set(StoryModel.of(read, directory.name(read.rental().accountId()), this::serviceName));
        // The list shows the rental as it is now, too.
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).id().equals(read.rental().id()) && !results.get(i).equals(read.rental())) {
                results.set(i, read.rental());
            }
        }
    }

    // ---- actions -----------------------------------------------------------------------------------

    /** Opens the refund dialog for the shown rental (when this key may refund it). */
    public void openRefund() {
        StoryModel shown = story.get();
        if (shown == null || !correctionBlocker.get().isEmpty()) {
            return;
        }
        refundForm.set(new RefundForm(session, shown.rental().id(), shown.customer(), shown.refundable(), entry -> {
            refundForm.set(null);
            tell(false, "Refunded", Formats.usd(entry.amount()) + " went back to " + shown.customer() + ".");
            reloadStory();
        }));
    }

    public void closeRefund() {
        refundForm.set(null);
    }

    /** Opens the code-correction dialog for one message of the shown rental. */
    public void openCorrection(StoryStep.CorrectCode message) {
        StoryModel shown = story.get();
        if (shown == null || !correctionBlocker.get().isEmpty()) {
            return;
        }
        correctionForm.set(new CodeCorrectionForm(session, shown.rental().id(), message, rental -> {
            correctionForm.set(null);
            tell(false, "Code corrected", "The rental now shows " + rental.code().orElse("the corrected code") + ".");
            reloadStory();
        }));
    }

    public void closeCorrection() {
        correctionForm.set(null);
    }

    /**
     * Delivers a webhook message again, then follows the story until the new attempt shows (for up
     * to {@link #REDELIVERY_WAIT}), and tells how it went.
     */
    public void redeliver(StoryStep.Redeliver message) {
        StoryModel shown = story.get();
        if (shown == null || redelivering.get()) {
            return;
        }
        String rentalId = shown.rental().id();
        long before = attempts(shown.story(), message.messageId());
        redelivering.set(true);
        session.call(() -> {
            session.client().webhooks().redeliver(message.webhookId(), message.messageId());
            return awaitAttempt(rentalId, message.messageId(), before);
        }).whenComplete((read, failure) -> {
            redelivering.set(false);
            if (failure != null) {
                tell(true, "Redelivery failed", ErrorMessages.describe(failure));
                return;
            }
            if (selected.get() != null && selected.get().id().equals(rentalId)) {
                storySeq++;
                showStory(read, null);
            }
            if (attempts(read, message.messageId()) <= before) {
                tell(false, "Redelivery queued", "The attempt shows in the timeline once it is made.");
                return;
            }
            TimelineEntry attempt = lastAttempt(read, message.messageId());
            boolean delivered = attempt.decimal("status_code").map(code -> code.intValue() / 100 == 2).orElse(false);
            tell(!delivered, delivered ? "Webhook redelivered" : "Redelivery failed", attempt.summary());
        });
    }

    private RentalStory awaitAttempt(String rentalId, String messageId, long before) {
        long deadline = System.nanoTime() + REDELIVERY_WAIT.toNanos();
        RentalStory read = session.client().support().timeline(rentalId);
        while (attempts(read, messageId) <= before && System.nanoTime() < deadline) {
            try {
                Thread.sleep(REDELIVERY_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
            read = session.client().support().timeline(rentalId);
        }
        return read;
    }

    private static long attempts(RentalStory story, String messageId) {
        return story.timeline().stream().filter(e -> e.type() == TimelineEntry.Type.WEBHOOK_ATTEMPT)
                .filter(e -> e.text("message_id").filter(messageId::equals).isPresent()).count();
    }

    private static TimelineEntry lastAttempt(RentalStory story, String messageId) {
        return story.timeline().stream().filter(e -> e.type() == TimelineEntry.Type.WEBHOOK_ATTEMPT)
                .filter(e -> e.text("message_id").filter(messageId::equals).isPresent())
                .reduce((first, second) -> second).orElseThrow();
    }

    private void tell(boolean error, String title, String text) {
        notice.set(new Notice(error, Objects.requireNonNull(title), text));
    }
}
