package com.smsverifyo.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rental: one number held for one service until {@code expiresAt}.
 *
 * @param id          {@code rnt_…}
 * @param accountId   the account it belongs to ({@code acc_…})
 * @param service     the service, such as {@code whatsapp}
 * @param country     ISO 3166-1 alpha-2
 * @param carrier     which numbers it asked for
 * @param phoneNumber the number, E.164
 * @param price       what was charged, US dollars
 * @param status      its state
 * @param code        the newest code, once one arrived
 * @param createdAt   when it was created
 * @param expiresAt   when it stops receiving
 * @param receivedAt  when the first code arrived
 * @param endedAt     when it was cancelled, expired or completed
 * @param refunded    what was refunded, US dollars
 * @param messages    every SMS it received, oldest first
 */
public record Rental(String id, String accountId, String service, String country, Carrier carrier, String phoneNumber,
                     BigDecimal price, RentalStatus status, Optional<String> code, Instant createdAt, Instant expiresAt,
                     Optional<Instant> receivedAt, Optional<Instant> endedAt, BigDecimal refunded, List<Message> messages) {
    /**
     * Copies the message list so the record stays immutable.
     *
     * @param id {@code rnt_…}
     * @param accountId the account it belongs to ({@code acc_…})
     * @param service the service, such as {@code whatsapp}
     * @param country ISO 3166-1 alpha-2
     * @param carrier which numbers it asked for
     * @param phoneNumber the number, E.164
     * @param price what was charged, US dollars
     * @param status its state
     * @param code the newest code, once one arrived
     * @param createdAt when it was created
     * @param expiresAt when it stops receiving
     * @param receivedAt when the first code arrived
     * @param endedAt when it was cancelled, expired or completed
     * @param refunded what was refunded, US dollars
     * @param messages every SMS it received, oldest first
     */
    public Rental {
        messages = List.copyOf(messages);
    }

    /** @return whether nothing more can happen to it (completed, cancelled or expired) */
    public boolean isFinal() {
        return status.isFinal();
    }
}
