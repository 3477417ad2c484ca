package com.smsverifyo.client;

/** {@code /v1/keys}: API keys of the account and its customers (admin scope). */
public final class KeysResource {
    private final Transport transport;

    KeysResource(Transport transport) {
        this.transport = transport;
    }

    /** @return the account's keys, fetched lazily */
    public Paged<ApiKey> list() {
        return list(null);
    }

    /**
     * @param accountId a customer's account, or {@code null} for the key's own
     * @return that account's keys, fetched lazily
     */
    public Paged<ApiKey> list(String accountId) {
        return new Paged<>(cursor -> transport.json(ApiCall.get("v1", "keys").query("account", accountId)
                .query("cursor", cursor), WireFormat.page(WireFormat::apiKey)).value());
    }

    /**
     * @param id the key's id
     * @return the key
     */
    public ApiKey get(String id) {
        return transport.json(ApiCall.get("v1", "keys", id), WireFormat::apiKey).value();
    }

    /**
     * Creates a key. The response is the only time the key itself is shown.
     *
     * @param request name, scopes, limits
     * @return the key and its secret
     */
    public CreatedApiKey create(NewApiKey request) {
        return create(request, RequestOptions.none());
    }

    /**
     * @param request name, scopes, limits
     * @param options the Idempotency-Key to use
     * @return the key and its secret
     */
    public CreatedApiKey create(NewApiKey request, RequestOptions options) {
        return transport.json(ApiCall.post(WireFormat.newApiKey(request), options, "v1", "keys"),
                WireFormat::createdApiKey).value();
    }

    /**
     * @param id     the key's id
     * @param update what to change
     * @return the key
     */
    public ApiKey update(String id, KeyUpdate update) {
        return transport.json(ApiCall.write("PATCH", WireFormat.keyUpdate(update), RequestOptions.none(), "v1", "keys", id),
                WireFormat::apiKey).value();
    }

    /**
     * Revokes a key: it stops working at once. Its record (and {@code last_used_at}) stays.
     *
     * @param id the key's id
     * @return the revoked key
     */
    public ApiKey revoke(String id) {
        return transport.json(ApiCall.delete(RequestOptions.none(), "v1", "keys", id), WireFormat::apiKey).value();
    }
}
