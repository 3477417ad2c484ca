package com.smsverifyo.client;

/**
 * {@code /v1/webhooks}: endpoints, their secrets, and every delivery with its attempts (admin scope).
 * An endpoint of another account is {@link NotFoundException}, as if it did not exist.
 */
public final class WebhooksResource {
    private final Transport transport;

    WebhooksResource(Transport transport) {
        this.transport = transport;
    }

    /** @return the endpoints of the key's account, newest first, fetched lazily */
    public Paged<Webhook> list() {
        return list(null);
    }

    /**
     * @param accountId a customer's account (admin keys), or {@code null} for the key's own
     * @return that account's endpoints, newest first, fetched lazily
     */
    public Paged<Webhook> list(String accountId) {
        return new Paged<>(cursor -> transport.json(ApiCall.get("v1", "webhooks").query("account", accountId)
                .query("cursor", cursor), WireFormat.page(WireFormat::webhook)).value());
    }

    /**
     * @param id the endpoint's id
     * @return the endpoint
     */
    public Webhook get(String id) {
        return transport.json(ApiCall.get("v1", "webhooks", id), WireFormat::webhook).value();
    }

    /**
     * Registers an endpoint.
     *
     * @param request URL, event types, note, account
     * @return the endpoint and its signing secret
     * @throws ValidationException if the URL is refused (scheme, or an address the server's policy
     *                             forbids) or an event type is unknown
     */
    public CreatedWebhook create(NewWebhook request) {
        return create(request, RequestOptions.none());
    }

    /**
     * @param request URL, event types, note, account
     * @param options the Idempotency-Key to use
     * @return the endpoint and its signing secret
     */
    public CreatedWebhook create(NewWebhook request, RequestOptions options) {
        return transport.json(ApiCall.post(WireFormat.newWebhook(request), options, "v1", "webhooks"),
                WireFormat::createdWebhook).value();
    }

    /**
     * Changes an endpoint. Disabling it stops deliveries at once (events meanwhile queue nothing for
     * it); enabling it sends the messages it held at once.
     *
     * @param id     the endpoint's id
     * @param update enable, disable, event types, URL, note
     * @return the endpoint
     */
    public Webhook update(String id, WebhookUpdate update) {
        return transport.json(ApiCall.write("PATCH", WireFormat.webhookUpdate(update), RequestOptions.none(),
                "v1", "webhooks", id), WireFormat::webhook).value();
    }

    /**
     * Deletes an endpoint with its messages ({@code 204}); nothing more is delivered to it.
     *
     * @param id the endpoint's id
     */
    public void delete(String id) {
        transport.json(ApiCall.delete(RequestOptions.none(), "v1", "webhooks", id), null);
    }

    /**
     * @param id the endpoint's id
     * @return its current signing secret, and until when the previous one still signs
     */
    public WebhookSecret secret(String id) {
        return transport.json(ApiCall.get("v1", "webhooks", id, "secret"), WireFormat::webhookSecret).value();
    }

    /**
     * Rotates the signing secret. For the grace period (24 hours) both secrets sign every delivery
     * (two {@code v1,} signatures), so receivers can switch without losing one: give the
     * {@link WebhookVerifier} both until it ends.
     *
     * @param id the endpoint's id
     * @return the endpoint with its new secret
     */
    public CreatedWebhook rotateSecret(String id) {
        return transport.json(ApiCall.post(null, RequestOptions.none(), "v1", "webhooks", id, "rotate-secret"),
                WireFormat::createdWebhook).value();
    }

    /**
     * Queues a {@code webhook.test} message to the endpoint, whatever its event filter ({@code 202}).
     *
     * @param id the endpoint's id
     * @return the queued message, {@code pending}
     * @throws ConflictException if the endpoint is disabled
     */
    public WebhookDelivery test(String id) {
        return transport.json(ApiCall.post(null, RequestOptions.none(), "v1", "webhooks", id, "test"),
                WireFormat::delivery).value();
    }

    /**
     * @param id the endpoint's id
     * @return its messages with their attempts, newest first, fetched lazily
     */
    public Paged<WebhookDelivery> deliveries(String id) {
        return deliveries(id, null);
    }

    /**
     * @param id     the endpoint's id
     * @param status only messages in this state, or {@code null} for all
     * @return those messages with their attempts, newest first, fetched lazily
     */
    public Paged<WebhookDelivery> deliveries(String id, WebhookDelivery.Status status) {
        String wireStatus = status == null ? null : status.wireName();
        return new Paged<>(cursor -> transport.json(ApiCall.get("v1", "webhooks", id, "deliveries")
                .query("status", wireStatus).query("cursor", cursor), WireFormat.page(WireFormat::delivery)).value());
    }

    /**
     * @param id        the endpoint's id
     * @param messageId the message ({@code msg_…})
     * @return the message with its attempts and the exact body that was signed
     */
    public WebhookDelivery delivery(String id, String messageId) {
        return transport.json(ApiCall.get("v1", "webhooks", id, "deliveries", messageId), WireFormat::delivery).value();
    }

    /**
     * Delivers a message again, now ({@code 202}): the same {@code webhook-id}, so receivers that
     * already handled it drop it; a message that had failed starts the retry schedule over.
     *
     * @param id        the endpoint's id
     * @param messageId the message ({@code msg_…})
     * @return the message, {@code pending} again
     * @throws ConflictException if the endpoint is disabled
     */
    public WebhookDelivery redeliver(String id, String messageId) {
        return transport.json(ApiCall.post(null, RequestOptions.none(), "v1", "webhooks", id, "deliveries", messageId,
                "redeliver"), WireFormat::delivery).value();
    }
}
