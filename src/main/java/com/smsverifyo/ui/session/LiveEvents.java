package com.smsverifyo.ui.session;

import com.smsverifyo.client.CodeReceived;
import com.smsverifyo.client.Event;
import com.smsverifyo.client.EventListener;
import com.smsverifyo.client.NotFoundException;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalQuery;
import com.smsverifyo.client.RentalStatus;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.client.SmsVerifyoException;
import com.smsverifyo.client.Subscription;
import com.smsverifyo.ui.common.FxBatcher;
import com.smsverifyo.ui.common.UiExecutors;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live feed for the whole window: the server's event stream when it offers one, polling the
 * open rentals every 3 seconds when it does not (or while it is down). Rental updates are
 * coalesced per rental and handed to the FX thread in batches, so a burst of thousands of changes
 * costs the UI a handful of updates.
 */
public final class LiveEvents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
    static final Duration POLL_INTERVAL = Duration.ofSeconds(3);

    private final SmsVerifyoClient client;
    private final UiExecutors executors;
    private final List<LiveListener> listeners = new CopyOnWriteArrayList<>();
    private final ReadOnlyObjectWrapper<StreamState> state = new ReadOnlyObjectWrapper<>(StreamState.CONNECTING);
    private final FxBatcher<String, Rental> rentals;
    private final Map<String, String> lastCodes = new HashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ui-poller");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Subscription subscription;
    private volatile boolean streaming;
    /** Whether a poll has read the codes there were: codes found by the first poll are old news. */
    private boolean pollSeeded;
    /** The open rentals the last poll saw: one that is gone from the next has ended (read it once). */
    private Set<String> lastOpen = Set.of();
    static final int ENDED_READS_PER_POLL = 50;

    public LiveEvents(SmsVerifyoClient client, UiExecutors executors) {
        this.client = client;
        this.executors = executors;
        this.rentals = new FxBatcher<>(executors.fx(), Rental::id,
                batch -> listeners.forEach(listener -> listener.rentalsChanged(batch)));
    }

    public void addListener(LiveListener listener) {
        listeners.add(listener);
    }

    public void removeListener(LiveListener listener) {
        listeners.remove(listener);
    }

    public ReadOnlyObjectProperty<StreamState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public void start() {
        subscription = client.events(new EventListener() {
            @Override
            public void onEvent(Event event) {
                LiveEvents.this.onEvent(event);
            }

            @Override
            public void onOpen() {
                streaming = true;
                setState(StreamState.LIVE);
            }

            @Override
            public void onFailure(SmsVerifyoException error, Optional<Duration> reconnectIn) {
                streaming = false;
                log.debug("event stream failed: {}", error.getMessage());
                setState(StreamState.POLLING);
            }
        });
        poller.scheduleWithFixedDelay(this::pollIfNeeded, POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void onEvent(Event event) {
        Optional<Rental> rental = event.rental();
        rental.ifPresent(rentals::offer);
        Optional<CodeReceived> code = event.codeReceived();
        if (code.isPresent()) {
            synchronized (lastCodes) {
                lastCodes.put(code.get().rentalId(), code.get().code());
            }
            executors.fx().execute(() -> listeners.forEach(listener -> listener.codeArrived(code.get())));
        } else if (rental.isEmpty()) {
            executors.fx().execute(() -> listeners.forEach(listener -> listener.event(event)));
        }
    }

    /**
     * Without a stream, open rentals are read every 3 s; a new code is told as if it had been streamed,
     * and a rental that is no longer open (cancelled elsewhere, expired, completed) is read once so
     * that its end shows too.
     */
    void pollIfNeeded() {
        if (streaming) {
            return;
        }
        try {
            Set<String> open = new HashSet<>();
            for (RentalStatus status : List.of(RentalStatus.WAITING, RentalStatus.RECEIVED)) {
                for (Rental rental : client.rentals().page(RentalQuery.all().status(status).pageSize(200), null).data()) {
                    open.add(rental.id());
                    rentals.offer(rental);
                    rental.code().ifPresent(code -> {
                        String previous;
                        synchronized (lastCodes) {
                            previous = lastCodes.put(rental.id(), code);
                        }
                        if (pollSeeded && !code.equals(previous)) {
                            CodeReceived received = new CodeReceived(rental.id(), code,
                                    rental.receivedAt().orElse(rental.createdAt()), rental.phoneNumber(), rental.service(),
                                    rental.country(), rental.messages().isEmpty() ? Optional.empty()
                                    : Optional.of(rental.messages().get(rental.messages().size() - 1).text()));
                            executors.fx().execute(() -> listeners.forEach(listener -> listener.codeArrived(received)));
                        }
                    });
                }
            }
            readEnded(open);
            pollSeeded = true;
            if (state.get() == StreamState.OFFLINE || state.get() == StreamState.CONNECTING) {
                setState(StreamState.POLLING);
            }
        } catch (SmsVerifyoException e) {
            setState(StreamState.OFFLINE);
        } catch (RuntimeException e) {
            log.warn("polling failed", e);
            setState(StreamState.OFFLINE);
        }
    }

    private void readEnded(Set<String> open) {
        int reads = 0;
        for (String id : lastOpen) {
            if (!open.contains(id) && reads++ < ENDED_READS_PER_POLL) {
                try {
                    rentals.offer(client.rentals().get(id));
                } catch (NotFoundException e) {
                    // gone for this key: nothing to show
                }
            }
        }
        lastOpen = open;
    }

    /** Pushes a rental the app changed itself (a rent, a cancel) to every page at once. */
    public void publish(Rental rental) {
        rentals.offer(rental);
    }

    private void setState(StreamState next) {
        executors.fx().execute(() -> state.set(next));
    }

    @Override
    public void close() {
        Subscription current = subscription;
        if (current != null) {
            current.close();
        }
        poller.shutdownNow();
    }
}
