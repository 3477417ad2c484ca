package com.smsverifyo.ui.session;

import com.smsverifyo.client.CodeReceived;
import com.smsverifyo.client.Event;
import com.smsverifyo.client.Rental;
import java.util.List;

/** What pages hear of the server's changes, on the FX thread, in coalesced batches. */
public interface LiveListener {
    /** Rentals that changed (the newest state of each, once per batch). */
    default void rentalsChanged(List<Rental> rentals) {
    }

    /** A code arrived on a rental. */
    default void codeArrived(CodeReceived code) {
    }

    /** Any other event (balance alerts, webhook failures…). */
    default void event(Event event) {
    }
}
