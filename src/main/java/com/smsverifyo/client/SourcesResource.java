package com.smsverifyo.client;

import java.util.Map;

/**
 * {@code /v1/sources}: the server's SMS sources with their health (the owner's admin keys; a
 * customer's key gets {@link PermissionException}).
 */
public final class SourcesResource {
    private final Transport transport;

    SourcesResource(Transport transport) {
        this.transport = transport;
    }

    /** @return every source, fetched lazily */
    public Paged<SmsSource> list() {
        return new Paged<>(cursor -> transport.json(ApiCall.get("v1", "sources").query("cursor", cursor),
                WireFormat.page(WireFormat::source)).value());
    }

    /**
     * @param id the source ({@code src_…})
     * @return it, with its health now
     * @throws NotFoundException if there is no such source
     */
    public SmsSource get(String id) {
        return transport.json(ApiCall.get("v1", "sources", id), WireFormat::source).value();
    }

    /**
     * Adds a source; it starts at once.
     *
     * @param type     {@code android-gateway}, {@code modem}, {@code upstream}…
     * @param name     a name for people
     * @param settings the type's settings (see the sources guide)
     * @return the source, its secrets masked
     * @throws ValidationException if the type is unknown or a setting is refused (each named)
     */
    public SmsSource create(String type, String name, Map<String, Object> settings) {
        return transport.json(ApiCall.post(WireFormat.newSource(type, name, settings), RequestOptions.none(),
                "v1", "sources"), WireFormat::source).value();
    }

    /**
     * Enables or disables a source. Disabling stops new rentals on its numbers; SMS for rentals
     * already open on them still arrive.
     *
     * @param id      the source
     * @param enabled whether its numbers take new rentals
     * @return the source
     */
    public SmsSource setEnabled(String id, boolean enabled) {
        return transport.json(ApiCall.write("PATCH", WireFormat.object().put("enabled", enabled), RequestOptions.none(),
                "v1", "sources", id), WireFormat::source).value();
    }

    /**
     * Stops a source and takes its numbers out of the pool.
     *
     * @param id the source
     * @throws ConflictException while a rental is open on one of its numbers (disable it first)
     */
    public void delete(String id) {
        transport.json(ApiCall.delete(RequestOptions.none(), "v1", "sources", id), null);
    }
}
