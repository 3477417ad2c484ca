package com.smsverifyo.client;

/** {@code /v1/accounts}: a reseller's customers (admin scope). */
public final class AccountsResource {
    private final Transport transport;

    AccountsResource(Transport transport) {
        this.transport = transport;
    }

    /** @return the customers, fetched lazily */
    public Paged<Account> list() {
        return new Paged<>(cursor -> transport.json(ApiCall.get("v1", "accounts").query("cursor", cursor),
                WireFormat.page(WireFormat::account)).value());
    }

    /**
     * @param id the customer's account id
     * @return the account
     */
    public Account get(String id) {
        return transport.json(ApiCall.get("v1", "accounts", id), WireFormat::account).value();
    }

    /**
     * @param request name and tier
     * @return the new customer account
     */
    public Account create(NewAccount request) {
        return create(request, RequestOptions.none());
    }

    /**
     * @param request name and tier
     * @param options the Idempotency-Key to use
     * @return the new customer account
     */
    public Account create(NewAccount request, RequestOptions options) {
        return transport.json(ApiCall.post(WireFormat.newAccount(request), options, "v1", "accounts"), WireFormat::account).value();
    }

    /**
     * @param id     the customer's account id
     * @param update name, tier or status
     * @return the account
     */
    public Account update(String id, AccountUpdate update) {
        return transport.json(ApiCall.write("PATCH", WireFormat.accountUpdate(update), RequestOptions.none(),
                "v1", "accounts", id), WireFormat::account).value();
    }
}
