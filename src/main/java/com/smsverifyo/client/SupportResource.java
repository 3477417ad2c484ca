package com.smsverifyo.client;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Support (admin scope): a rental's whole story, and the two corrections a provider makes for its
 * customers: fixing a code the extractor got wrong, and a refund with a reason. To find rentals by
 * number, key or code across every customer, use {@link RentalsResource#list(RentalQuery)} with
 * {@link RentalQuery#allAccounts()}.
 */
public final class SupportResource {
    private final Transport transport;

    SupportResource(Transport transport) {
        this.transport = transport;
    }

    /**
     * @param rentalId the rental ({@code rnt_…})
     * @return its story: the rental, its key, the merged timeline, its ledger entries and webhook deliveries
     * @throws NotFoundException   if the key may not see the rental
     * @throws PermissionException if the key lacks the admin scope
     */
    public RentalStory timeline(String rentalId) {
        return transport.json(ApiCall.get("v1", "rentals", rentalId, "timeline"), WireFormat::story).value();
    }

    /**
     * Corrects the code extracted from one of a rental's messages. When it is the rental's newest
     * code, the rental shows the corrected one.
     *
     * @param rentalId  the rental
     * @param messageId the message ({@link Message#id()}, or a timeline entry's {@code message_id})
     * @param code      the right code: 3 to 12 letters, digits or dashes
     * @return the rental
     * @throws ValidationException if the code is not one
     * @throws PermissionException if the rental is the key's own account's (only its provider corrects it)
     */
    public Rental correctCode(String rentalId, String messageId, String code) {
        return correctCode(rentalId, messageId, code, RequestOptions.none());
    }

    /**
     * @param rentalId  the rental
     * @param messageId the message
     * @param code      the right code
     * @param options   the Idempotency-Key to use
     * @return the rental
     */
    public Rental correctCode(String rentalId, String messageId, String code, RequestOptions options) {
        Objects.requireNonNull(code, "code");
        return transport.json(ApiCall.post(WireFormat.object().put("code", code), options, "v1", "rentals", rentalId,
                "messages", messageId, "correct-code"), WireFormat::rental).value();
    }

    /**
     * Gives (part of) a rental's price back to its account, as an {@code adjustment} with the reason
     * as its note. Refunds and adjustments of a rental never add up to more than its price.
     *
     * @param rentalId the rental
     * @param amount   how much, US dollars (at most 4 decimals); empty for all that is still refundable
     * @param reason   why, for the ledger (required, at most 500 characters)
     * @return the ledger entry
     * @throws ConflictException   if that much cannot be refunded any more; its problem's
     *                             {@code refundable_usd} says what can
     * @throws ValidationException if the reason is missing or the amount is not one
     * @throws PermissionException if the rental is the key's own account's (only its provider refunds it)
     */
    public LedgerEntry refund(String rentalId, Optional<BigDecimal> amount, String reason) {
        return refund(rentalId, amount, reason, RequestOptions.none());
    }

    /**
     * @param rentalId the rental
     * @param amount   how much; empty for all that is still refundable
     * @param reason   why
     * @param options  the Idempotency-Key to use
     * @return the ledger entry
     */
    public LedgerEntry refund(String rentalId, Optional<BigDecimal> amount, String reason, RequestOptions options) {
        Objects.requireNonNull(amount, "amount");
        return transport.json(ApiCall.post(WireFormat.refund(amount, reason), options, "v1", "rentals", rentalId, "refund"),
                WireFormat::ledgerEntry).value();
    }
}
