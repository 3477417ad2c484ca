package com.smsverifyo.client;

import java.time.Instant;
import java.util.Optional;

/**
 * One SMS a rental received.
 *
 * @param id         the message's id
 * @param from       the sender as the SMS showed it
 * @param text       the whole text
 * @param code       the code extracted from it, if any
 * @param receivedAt when it arrived
 * @param late       whether it arrived after the rental ended (kept and shown; changes no money)
 * @param source     which inbound source delivered it ({@code simulator}, {@code api}…), if known
 */
public record Message(String id, String from, String text, Optional<String> code, Instant receivedAt,
                      boolean late, Optional<String> source) {
}
