package com.smsverifyo.client;

import java.util.Objects;

/**
 * Inbound SMS (the server owner's admin keys): {@code GET /v1/messages}, every SMS the server
 * received with where it went, and {@code POST /v1/inbound/messages}, handing one in as an operator
 * or a test would.
 */
public final class MessagesResource {
    private final Transport transport;

    MessagesResource(Transport transport) {
        this.transport = transport;
    }

    /** @return every SMS, newest first, fetched lazily */
    public Paged<InboundMessage> list() {
        return list(MessageQuery.all());
    }

    /**
     * @param query filters (unmatched, late, number, source)
     * @return the matching SMS, newest first, fetched lazily
     * @throws ValidationException if the phone filter is not an E.164 number
     */
    public Paged<InboundMessage> list(MessageQuery query) {
        Objects.requireNonNull(query, "query");
        return new Paged<>(cursor -> transport.json(ApiCall.get("v1", "messages").query("unmatched", query.unmatched())
                .query("late", query.late()).query("phone", query.phone()).query("source", query.sourceId())
                .query("cursor", cursor), WireFormat.page(WireFormat::inboundMessage)).value());
    }

    /**
     * Hands an SMS to the server as if a source had received it: it is matched to the rental open
     * on {@code to}, its code is extracted, and webhooks and events follow, as for any SMS.
     *
     * @param to   the pool number it was sent to (E.164)
     * @param from the sender as an SMS shows it, or null
     * @param text the text (at most 2,000 characters)
     * @return the SMS and where it went
     * @throws ValidationException if a field is refused
     * @throws PermissionException for a customer's key
     */
    public InboundMessage receive(String to, String from, String text) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        var body = WireFormat.object().put("to", to).put("text", text);
        if (from != null) {
            body.put("from", from);
        }
        return transport.json(ApiCall.post(body, RequestOptions.none(), "v1", "inbound", "messages"),
                json -> WireFormat.received(json, to)).value();
    }
}
