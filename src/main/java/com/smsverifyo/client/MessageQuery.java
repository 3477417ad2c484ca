package com.smsverifyo.client;

/**
 * Which inbound SMS {@link MessagesResource#list(MessageQuery)} returns; every filter left null
 * matches all.
 *
 * @param unmatched true for only unmatched SMS, false for only those given to a rental
 * @param late      true for only SMS that arrived after their rental ended
 * @param phone     only SMS to this number (E.164)
 * @param sourceId  only SMS from this source
 */
public record MessageQuery(Boolean unmatched, Boolean late, String phone, String sourceId) {

    /** @return every SMS, newest first */
    public static MessageQuery all() {
        return new MessageQuery(null, null, null, null);
    }

    /** @return only the SMS no rental took */
    public MessageQuery onlyUnmatched() {
        return new MessageQuery(true, late, phone, sourceId);
    }

    /** @return only SMS to {@code number} */
    public MessageQuery to(String number) {
        return new MessageQuery(unmatched, late, number, sourceId);
    }

    /** @return only SMS from the source {@code id} */
    public MessageQuery from(String id) {
        return new MessageQuery(unmatched, late, phone, id);
    }
}
