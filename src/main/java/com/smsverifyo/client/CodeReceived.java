package com.smsverifyo.client;

import java.time.Instant;
import java.util.Optional;

/**
 * The payload of a {@code rental.code_received} event (webhook or stream): the fields the guide
 * promises, flat.
 *
 * @param rentalId    the rental ({@code rnt_…})
 * @param code        the code
 * @param receivedAt  when it arrived
 * @param phoneNumber the rental's number, E.164
 * @param service     the rental's service
 * @param country     the rental's country
 * @param text        the whole SMS, if sent
 */
public record CodeReceived(String rentalId, String code, Instant receivedAt, String phoneNumber, String service,
                           String country, Optional<String> text) {
}
