package com.smsverifyo.engine;

import com.smsverifyo.store.Carrier;
import com.smsverifyo.store.NumberType;
import com.smsverifyo.store.Rental;
import com.smsverifyo.store.Tx;
import java.time.Instant;
import java.util.Optional;

/**
 * A source that hands out numbers itself, one rental at a time, instead of from the pool: an
 * upstream relay rents each number from another server. The engine asks it only when the pool has
 * no free number for a request, and in three steps, so that no customer is ever charged for a number
 * that does not exist:
 * <ol>
 * <li>{@link #reserve} outside any transaction (it may call another server);</li>
 * <li>{@link #attach} inside the transaction that creates the rental and charges for it;</li>
 * <li>{@link #settle} after that transaction, committed or not: a reservation that was never
 *     attached is given back.</li>
 * </ol>
 */
public interface NumberProvider {

    /** What the engine asks for: the customer's request, at the price the customer pays. */
    record NumberRequest(String service, String country, Carrier carrier, long priceMicros, Long maxPriceMicros) {
    }

    /**
     * A number held for one rental.
     *
     * @param sourceId  the source that holds it
     * @param reference the source's own handle of the reservation
     * @param expiresAt when the source stops holding it; the rental ends no later
     */
    record ProvidedNumber(String sourceId, String reference, String phoneNumber, String country, NumberType type,
                          Instant expiresAt) {
    }

    /** Whether it may serve this service and country at all (no I/O: settings only). */
    boolean serves(String service, String country);

    /**
     * Holds a number for the request.
     *
     * @return the number, or empty when the provider has none (the engine tries the next one)
     * @throws DomainException {@code service_unavailable} when it cannot tell (its server unreachable)
     */
    Optional<ProvidedNumber> reserve(NumberRequest request);

    /** In the rental's transaction: the number now belongs to {@code rental}. */
    void attach(Tx tx, ProvidedNumber number, Rental rental);

    /** After the rental's transaction, whatever its outcome: a number never attached is given back. */
    void settle(ProvidedNumber number);
}
