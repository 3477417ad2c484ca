package com.smsverifyo.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.store.Rental;
import com.smsverifyo.store.SourceRecord;
import com.smsverifyo.store.Tx;
import java.util.Set;

/**
 * A kind of SMS source (simulator, Android gateway, modem, upstream relay): it checks the settings
 * of its sources and makes a running {@link SmsSource} of each. The {@code sources} layer provides
 * the implementations and registers them with {@link SourceRegistry}.
 */
public interface SourceType {

    /** The type's name on the wire, such as {@code android-gateway}. */
    String type();

    /** Whether its sources receive deliveries over HTTP (and so have an {@code inbound_url}). */
    default boolean inbound() {
        return false;
    }

    /** Whether pool numbers can be registered to its sources (a relay rents its numbers instead). */
    default boolean takesNumbers() {
        return true;
    }

    /** Setting names whose values are secrets: kept, used, never shown through the API. */
    default Set<String> secretSettings() {
        return Set.of();
    }

    /**
     * Checks settings as a source would be created or changed with them.
     *
     * @param settings what the owner gave (a change already merged over the kept settings)
     * @return the settings to keep: normalized, defaults filled in
     * @throws DomainException {@code invalid_request} naming each wrong field ({@code #/settings/…})
     */
    ObjectNode check(SourceSettings settings);

    /**
     * Checks where a number's SIM sits on a source of this type, as the number is registered.
     *
     * @param settings  the source's kept settings
     * @param deviceId  the device (an Android device id, a modem's port), or null
     * @param simNumber the SIM slot on it, or null
     * @throws DomainException {@code invalid_request} for a place the source does not have
     */
    default void checkNumber(ObjectNode settings, String deviceId, Integer simNumber) {
    }

    /** A running source for {@code source} (not yet started). */
    SmsSource create(SourceRecord source, ObjectNode settings);

    /**
     * Told in the transaction that changes a rental on one of this type's numbers: what must follow
     * outside (an upstream cancel) is recorded here, so it survives a crash.
     */
    default void rentalChanged(Tx tx, SourceRecord source, Rental rental, RentalChange change) {
    }
}
