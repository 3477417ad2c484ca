package com.smsverifyo.client;

/** {@code /v1/webhooks}: endpoints, their secrets, and every delivery attempt (admin scope). */
public final class WebhooksResource {
    private final Transport transport;

    WebhooksResource(Transport transport) {
        this.transport = transport;
    }

    /** @return the endpoints, fetched lazily */
    public Paged<Webhook> list() {
        return new Paged<>(cursor -> transport.json(ApiCall.get("v1", "webhooks").query("cursor", cursor),
                WireFormat.page(WireFormat::webhook)).value());
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
     * @param request URL and event types
     * @return the endpoint and its signing secret
     * @throws ValidationException if the URL is refused (scheme, or an address the server's policy forbids)
     */
    public CreatedWebhook create(NewWebhook request) {
        return create(request, RequestOptions.none());
    }

    /**
     * @param request URL and event types
     * @param options the Idempotency-Key to use
     * @return the endpoint and its signing secret
     */
    public CreatedWebhook create(NewWebhook request, RequestOptions options) {
        return transport.json(ApiCall.post(WireFormat.newWebhook(request), options, "v1", "webhooks"),
                WireFormat::createdWebhook).value();
    }

    /**
     * @param id     the endpoint's id
     * @param update enable, disable, or new event types
     * @return the endpoint
     */
    public Webhook update(String id, WebhookUpdate update) {
        return transport.json(ApiCall.write("PATCH", WireFormat.webhookUpdate(update), RequestOptions.none(),
                "v1", "webhooks", id), WireFormat::webhook).value();
    }

    /**
     * Deletes an endpoint; nothing more is delivered to it.
     *
     * @param id the endpoint's id
     */
    public void delete(String id) {
        transport.json(ApiCall.delete(RequestOptions.none(), "v1", "webhooks", id), null);
    }

    /**
     * @param id the endpoint's id
     * @return its current signing secret
     */
    public WebhookSecret secret(String id) {
        return transport.json(ApiCall.get("v1", "webhooks", id, "secret"), WireFormat::webhookSecret).value();
    }

    /**
     * Rotates the signing secret. For the grace period both secrets sign every delivery (several
     * {@code v1,} signatures), so receivers can switch without losing one: give the
     * {@link WebhookVerifier} both until it ends.
     *
     * @param id the endpoint's id
     * @return the new secret
     */
    public WebhookSecret rotateSecret(String id) {
        return transport.json(ApiCall.post(null, RequestOptions.none(), "v1", "webhooks", id, "rotate-secret"),
                WireFormat::webhookSecret).value();
    }

    /**
     * Sends a {@code webhook.test} event to the endpoint.
     *
     * @param id the endpoint's id
     * @return the queued message, if the server names it
     */
    public java.util.Optional<WebhookMessage> test(String id) {
        return transport.json(ApiCall.post(null, RequestOptions.none(), "v1", "webhooks", id, "test"),
                WireFormat::webhookMessage).value();
    }

    /**
     * @param id the endpoint's id
     * @return every delivery attempt, newest first, fetched lazily
     */
    public Paged<WebhookDelivery> deliveries(String id) {
        return new Paged<>(cursor -> transport.json(ApiCall.get("v1", "webhooks", id, "deliveries").query("cursor", cursor),
                WireFormat.page(WireFormat::delivery)).value());
    }

    /**
     * Delivers a message again, now (it keeps its {@code webhook-id}).
     *
     * @param id        the endpoint's id
     * @param messageId the message ({@code msg_…})
     * @return the queued message, if the server names it
     */
    public java.util.Optional<WebhookMessage> redeliver(String id, String messageId) {
        return transport.json(ApiCall.post(null, RequestOptions.none(), "v1", "webhooks", id, "deliveries", messageId,
                "redeliver"), WireFormat::webhookMessage).value();
    }
}
