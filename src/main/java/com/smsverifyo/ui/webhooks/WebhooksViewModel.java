package com.smsverifyo.ui.webhooks;

import com.smsverifyo.client.CreatedWebhook;
import com.smsverifyo.client.Event;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.client.Webhook;
import com.smsverifyo.client.WebhookAttempt;
import com.smsverifyo.client.WebhookDelivery;
import com.smsverifyo.client.WebhookUpdate;
import com.smsverifyo.ui.common.Coalescer;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.Failures;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.common.Notices;
import com.smsverifyo.ui.session.LiveListener;
import com.smsverifyo.ui.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
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

/**
 * The Webhooks page: the endpoints with their health, one endpoint's secret and delivery log, and
 * every action on them. The log lists messages, each with every attempt made to deliver it; one
 * message can be opened to see all its attempts and the exact body that was signed. The log is
 * re-read when the server tells of a webhook event (coalesced), when the page is shown, and, after a
 * test or a redelivery, until that message's next attempt is in.
 */
public final class WebhooksViewModel {
    /** How often the log is re-read while the person waits for an attempt they asked for. */
    static final Duration AWAIT_POLL = Duration.ofMillis(500);
    /** How long the log is re-read for one awaited attempt (its first try has a 15 s timeout). */
    static final int AWAIT_POLLS = 40;

    /** Runs work later on the FX thread (the page's timer; tests that drive refreshes themselves pass a no-op). */
    @FunctionalInterface
    public interface Timer {
        void after(Duration delay, Runnable work);
    }

    private final Session session;
    private final Notices notices;
    private final Timer timer;
    private final ObservableList<EndpointRow> endpoints = FXCollections.observableArrayList();
    private final ObjectProperty<EndpointRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<EndpointHealth> shown = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.value.ChangeListener<EndpointHealth> shownFollows = (obs, old, next) -> shown.set(next);
    private final ObservableList<WebhookDelivery> deliveries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<WebhookDelivery> opened = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper openedBody = new ReadOnlyStringWrapper("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty loadError = new SimpleStringProperty("");
    private final StringProperty logError = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper secret = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<WebhookForm> adding = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Webhook> rotating = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Webhook> deleting = new ReadOnlyObjectWrapper<>();
    private final Coalescer logRefresh = new Coalescer(this::refreshSelected);
    private final LiveListener live = new LiveListener() {
        @Override
        public void event(Event event) {
            onEvent(event);
        }
    };
    private Awaited awaited;

    /** A message whose next attempt the person waits for. */
    private record Awaited(String endpointId, String messageId, int attemptsBefore, int pollsLeft) {
    }

    public WebhooksViewModel(Session session, Notices notices, Timer timer) {
        this.session = session;
        this.notices = notices;
        this.timer = timer;
        selected.addListener((obs, old, next) -> {
            if (old != null) {
                old.healthProperty().removeListener(shownFollows);
            }
            if (next != null) {
                next.healthProperty().addListener(shownFollows);
            }
            shown.set(next == null ? null : next.health());
            if (old == null || next == null || !old.id().equals(next.id())) {
                secret.set("");
                deliveries.clear();
                openDelivery(null);
                logError.set("");
                if (next != null) {
                    logRefresh.request();
                }
            }
        });
    }

    /** Listens to the live feed (until {@link #stop()}). */
    public void start() {
        session.live().addListener(live);
    }

    public void stop() {
        session.live().removeListener(live);
    }

    /** A {@code webhook.*} event may change the log and the health of an endpoint: re-read (once per burst). */
    void onEvent(Event event) {
        if (event.type().startsWith("webhook.")) {
            logRefresh.request();
            if (event.type().equals("webhook.disabled")) {
                load();
            }
        }
    }

    // ---- reading -----------------------------------------------------------------------------

    /** Reads every endpoint with its recent deliveries (for its health); keeps the selection. */
    public CompletableFuture<Void> load() {
        loading.set(true);
        SmsVerifyoClient client = session.client();
        return Failures.logged(session.call(() -> {
            List<EndpointHealth> rows = new ArrayList<>();
            for (Webhook webhook : client.webhooks().list()) {
                rows.add(EndpointHealth.of(webhook, client.webhooks().deliveries(webhook.id()).firstPage().data()));
            }
            return rows;
        }).handle((rows, failure) -> {
            loading.set(false);
            if (failure != null) {
                loadError.set(ErrorMessages.describe(failure));
                return null;
            }
            loadError.set("");
            List<EndpointRow> ordered = new ArrayList<>();
            for (EndpointHealth health : rows) {
                Optional<EndpointRow> known = find(health.webhook().id());
                known.ifPresent(row -> row.update(health));
                ordered.add(known.orElseGet(() -> new EndpointRow(health)));
            }
            if (!ordered.equals(endpoints)) {
                endpoints.setAll(ordered);
            }
            if (selected.get() != null && ordered.contains(selected.get())) {
                logRefresh.request();
            } else {
                selected.set(ordered.isEmpty() ? null : ordered.get(0));
            }
            return null;
        }), "load");
    }

    /** Re-reads the selected endpoint and its delivery log (use {@link #refreshLog()} to coalesce). */
    private CompletableFuture<Void> refreshSelected() {
        EndpointRow row = selected.get();
        if (row == null) {
            return CompletableFuture.completedFuture(null);
        }
        String id = row.id();
        return Failures.logged(session.call(() -> {
            Webhook webhook = session.client().webhooks().get(id);
            List<WebhookDelivery> log = session.client().webhooks().deliveries(id).firstPage().data();
            return new Log(EndpointHealth.of(webhook, log), log);
        }).handle((log, failure) -> {
            if (selected.get() == null || !selected.get().id().equals(id)) {
                return null; // another endpoint was chosen meanwhile
            }
            if (failure != null) {
                logError.set(ErrorMessages.describe(failure));
                return null;
            }
            logError.set("");
            replace(log.health());
            deliveries.setAll(byLatestActivity(log.deliveries()));
            followOpened();
            keepAwaiting(log.deliveries());
            return null;
        }), "refreshSelected");
    }

    private record Log(EndpointHealth health, List<WebhookDelivery> deliveries) {
    }

    /**
     * The log reads newest first: messages not tried yet on top, then by their latest attempt (a
     * redelivered message moves up); the sort is stable, so ties keep the server's order.
     */
    static List<WebhookDelivery> byLatestActivity(List<WebhookDelivery> log) {
        return log.stream().sorted(Comparator.comparing(WebhooksViewModel::latestActivity).reversed()).toList();
    }

    private static Instant latestActivity(WebhookDelivery delivery) {
        return delivery.latestAttempt().map(WebhookAttempt::attemptedAt).orElse(Instant.MAX);
    }

    /** Asks for a re-read of the selected endpoint's log; bursts of asks make one read. */
    public void refreshLog() {
        logRefresh.request();
    }

    private void keepAwaiting(List<WebhookDelivery> log) {
        Awaited waiting = awaited;
        if (waiting == null) {
            return;
        }
        Optional<WebhookDelivery> message = log.stream().filter(d -> d.messageId().equals(waiting.messageId())).findFirst();
        boolean arrived = message.map(d -> d.attemptCount() > waiting.attemptsBefore()
                || d.status() != WebhookDelivery.Status.PENDING).orElse(false);
        if (arrived || waiting.pollsLeft() <= 0 || !waiting.endpointId().equals(selectedId())) {
            awaited = null;
            return;
        }
        awaited = new Awaited(waiting.endpointId(), waiting.messageId(), waiting.attemptsBefore(), waiting.pollsLeft() - 1);
        timer.after(AWAIT_POLL, logRefresh::request);
    }

    private void await(String endpointId, String messageId, int attemptsBefore) {
        awaited = new Awaited(endpointId, messageId, attemptsBefore, AWAIT_POLLS);
        logRefresh.request();
    }

    // ---- adding ------------------------------------------------------------------------------

    public WebhookForm startAdd() {
        WebhookForm form = new WebhookForm();
        adding.set(form);
        return form;
    }

    public void cancelAdd() {
        adding.set(null);
    }

    /**
     * Registers the endpoint if the inputs are fine. The server checks the URL (scheme, and the
     * addresses its policy refuses); its reason shows next to the URL. On success the new endpoint
     * is selected with its secret shown.
     */
    public CompletableFuture<Boolean> add() {
        WebhookForm form = adding.get();
        if (form == null || busy.get() || !form.check()) {
            return CompletableFuture.completedFuture(false);
        }
        var request = form.request();
        busy.set(true);
        return Failures.logged(session.call(() -> session.client().webhooks().create(request)).handle((created, failure) -> {
            busy.set(false);
            if (failure != null) {
                form.form().refuse(failure);
                return false;
            }
            adding.set(null);
            added(created);
            return true;
        }), "add");
    }

    private void added(CreatedWebhook created) {
        EndpointRow row = new EndpointRow(EndpointHealth.of(created.webhook(), List.of()));
        endpoints.add(0, row);
        selected.set(row);
        secret.set(created.secret());
        notices.info("Endpoint added", "Give your receiver the signing secret shown under the URL, then send a test event.");
    }

    // ---- the secret --------------------------------------------------------------------------

    /** Reads and shows the selected endpoint's signing secret. */
    public CompletableFuture<Boolean> revealSecret() {
        String id = selectedId();
        if (id == null) {
            return CompletableFuture.completedFuture(false);
        }
        return Failures.logged(session.call(() -> session.client().webhooks().secret(id).secret()).handle((value, failure) -> {
            if (failure != null) {
                notices.error("The secret could not be read", ErrorMessages.describe(failure));
                return false;
            }
            if (id.equals(selectedId())) {
                secret.set(value);
            }
            return true;
        }), "revealSecret");
    }

    public void hideSecret() {
        secret.set("");
    }

    /** Hands the secret to {@code to} (the clipboard) without showing it. */
    public void copySecret(Consumer<String> to) {
        if (!secret.get().isEmpty()) {
            to.accept(secret.get());
            return;
        }
        String id = selectedId();
        if (id == null) {
            return;
        }
        Failures.logged(session.call(() -> session.client().webhooks().secret(id).secret()).whenComplete((value, failure) -> {
            if (failure != null) {
                notices.error("The secret could not be read", ErrorMessages.describe(failure));
            } else {
                to.accept(value);
                notices.info("Secret copied", "Paste it into your receiver's configuration.");
            }
        }), "copySecret");
    }

    public void askRotate() {
        EndpointRow row = selected.get();
        rotating.set(row == null ? null : row.webhook());
    }

    public void cancelRotate() {
        rotating.set(null);
    }

    /** A new secret; the old one keeps signing for 24 hours. The new one is shown. */
    public CompletableFuture<Boolean> rotate() {
        Webhook webhook = rotating.get();
        if (webhook == null || busy.get()) {
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        return Failures.logged(session.call(() -> session.client().webhooks().rotateSecret(webhook.id())).handle((rotated, failure) -> {
            busy.set(false);
            rotating.set(null);
            if (failure != null) {
                notices.error("The secret was not rotated", ErrorMessages.describe(failure));
                return false;
            }
            find(webhook.id()).ifPresent(row -> row.update(new EndpointHealth(rotated.webhook(), row.health().last(),
                    row.failureStreak())));
            if (webhook.id().equals(selectedId())) {
                secret.set(rotated.secret());
            }
            notices.info("Secret rotated", rotated.webhook().previousSecretExpiresAt().map(at -> "The previous secret "
                    + "still signs until " + Formats.dateTime(at) + ".").orElse("Deliveries are signed with the new secret."));
            logRefresh.request();
            return true;
        }), "rotate");
    }

    // ---- actions on the endpoint ------------------------------------------------------------

    /** Sends a {@code webhook.test} event and follows its attempt in the log. */
    public CompletableFuture<Boolean> sendTest() {
        String id = selectedId();
        if (id == null || busy.get()) {
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        return Failures.logged(session.call(() -> session.client().webhooks().test(id)).handle((queued, failure) -> {
            busy.set(false);
            if (failure != null) {
                notices.error("The test event was not sent", ErrorMessages.describe(failure));
                return false;
            }
            await(id, queued.messageId(), queued.attemptCount());
            return true;
        }), "sendTest");
    }

    /** Sends a message again now (same {@code webhook-id}) and follows its attempt in the log. */
    public CompletableFuture<Boolean> redeliver(WebhookDelivery delivery) {
        String id = selectedId();
        if (id == null || busy.get()) {
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        return Failures.logged(session.call(() -> session.client().webhooks().redeliver(id, delivery.messageId())).handle((queued, failure) -> {
            busy.set(false);
            if (failure != null) {
                notices.error("The message was not sent again", ErrorMessages.describe(failure));
                return false;
            }
            // Counted from the row the person saw: the reply may already include the new attempt.
            await(id, delivery.messageId(), delivery.attemptCount());
            return true;
        }), "redeliver");
    }

    /** Enables (held messages go out at once) or disables the selected endpoint. */
    public CompletableFuture<Boolean> setEnabled(boolean enabled) {
        String id = selectedId();
        if (id == null || busy.get()) {
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        WebhookUpdate update = enabled ? WebhookUpdate.enable() : WebhookUpdate.disable();
        return Failures.logged(session.call(() -> session.client().webhooks().update(id, update)).handle((webhook, failure) -> {
            busy.set(false);
            if (failure != null) {
                notices.error(enabled ? "The endpoint was not enabled" : "The endpoint was not disabled",
                        ErrorMessages.describe(failure));
                return false;
            }
            find(id).ifPresent(row -> row.update(new EndpointHealth(webhook, row.health().last(), row.failureStreak())));
            logRefresh.request();
            return true;
        }), "setEnabled");
    }

    public void askDelete() {
        EndpointRow row = selected.get();
        deleting.set(row == null ? null : row.webhook());
    }

    public void cancelDelete() {
        deleting.set(null);
    }

    /** Deletes the endpoint being confirmed, with its history; nothing more is sent to it. */
    public CompletableFuture<Boolean> delete() {
        Webhook webhook = deleting.get();
        if (webhook == null || busy.get()) {
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        return Failures.logged(session.call(() -> {
            session.client().webhooks().delete(webhook.id());
            return true;
        }).handle((done, failure) -> {
            busy.set(false);
            deleting.set(null);
            if (failure != null) {
                notices.error("The endpoint was not deleted", ErrorMessages.describe(failure));
                return false;
            }
            int index = indexOf(webhook.id());
            if (index >= 0) {
                endpoints.remove(index);
            }
            selected.set(endpoints.isEmpty() ? null : endpoints.get(Math.min(Math.max(index, 0), endpoints.size() - 1)));
            notices.info("Endpoint deleted", webhook.url());
            return true;
        }), "delete");
    }

    // ---- one message in detail --------------------------------------------------------------

    /**
     * Opens {@code delivery} (a message of the log; {@code null} closes it): its attempts show at
     * once, and its signed body once read. Opening the message that is open already (a fresher copy
     * of it) keeps the body read.
     */
    public void openDelivery(WebhookDelivery delivery) {
        WebhookDelivery before = opened.get();
        opened.set(delivery);
        if (delivery == null) {
            openedBody.set("");
            return;
        }
        if (before != null && before.messageId().equals(delivery.messageId())) {
            return;
        }
        openedBody.set("");
        String id = delivery.webhookId();
        String messageId = delivery.messageId();
        Failures.logged(session.call(() -> session.client().webhooks().delivery(id, messageId)).whenComplete((full, failure) -> {
            if (!isOpen(messageId)) {
                return; // another message was opened meanwhile
            }
            openedBody.set(failure != null ? "The body could not be read: " + ErrorMessages.describe(failure)
                    : full.body().orElse(""));
        }), "openDelivery");
    }

    private boolean isOpen(String messageId) {
        WebhookDelivery open = opened.get();
        return open != null && open.messageId().equals(messageId);
    }

    /** After a re-read, the open message shows its fresh copy (new attempts); it closes if it left the log. */
    private void followOpened() {
        WebhookDelivery open = opened.get();
        if (open != null) {
            openDelivery(deliveries.stream().filter(d -> d.messageId().equals(open.messageId())).findFirst().orElse(null));
        }
    }

    /** The message whose attempts are shown, if one is open. */
    public ReadOnlyObjectProperty<WebhookDelivery> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** The open message's body exactly as signed (JSON); empty until read. */
    public ReadOnlyStringProperty openedBodyProperty() {
        return openedBody.getReadOnlyProperty();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private String selectedId() {
        EndpointRow row = selected.get();
        return row == null ? null : row.id();
    }

    private Optional<EndpointRow> find(String id) {
        return endpoints.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private int indexOf(String id) {
        for (int i = 0; i < endpoints.size(); i++) {
            if (endpoints.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Updates the endpoint's row in place (the list's items and selection stay as they are). */
    private void replace(EndpointHealth health) {
        find(health.webhook().id()).ifPresent(row -> row.update(health));
    }

    /** Until when the previous secret still signs, if the selected endpoint's was rotated in the last 24 h. */
    public Optional<Instant> graceUntil() {
        EndpointHealth health = shown.get();
        return health == null ? Optional.empty() : health.webhook().previousSecretExpiresAt();
    }

    public ObservableList<EndpointRow> endpoints() {
        return endpoints;
    }

    public ObjectProperty<EndpointRow> selectedProperty() {
        return selected;
    }

    /** The selected endpoint's health as it is now (follows refreshes of the selected row). */
    public ReadOnlyObjectProperty<EndpointHealth> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The selected endpoint's recent messages, latest activity first, each with every attempt. */
    public ObservableList<WebhookDelivery> deliveries() {
        return deliveries;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty loadErrorProperty() {
        return loadError;
    }

    public StringProperty logErrorProperty() {
        return logError;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The selected endpoint's secret while shown; empty while hidden. */
    public ReadOnlyStringProperty secretProperty() {
        return secret.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WebhookForm> addingProperty() {
        return adding.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Webhook> rotatingProperty() {
        return rotating.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Webhook> deletingProperty() {
        return deleting.getReadOnlyProperty();
    }
}
