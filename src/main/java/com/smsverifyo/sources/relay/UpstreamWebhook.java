package com.smsverifyo.sources.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.client.CreatedWebhook;
import com.smsverifyo.client.NewWebhook;
import com.smsverifyo.client.RequestOptions;
import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.client.SmsVerifyoException;
import com.smsverifyo.client.WebhookVerifier;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.Json;
import com.smsverifyo.store.MetaRepository;
import java.util.Optional;

/**
 * The relay's webhook endpoint on the upstream server: registered once (its secret kept in this
 * server's database, like every webhook secret), so the upstream tells this server at once when a
 * code arrives or a rental ends there.
 */
final class UpstreamWebhook {
    static final String[] EVENTS = {"rental.code_received", "rental.cancelled", "rental.expired", "rental.completed"};

    private final Engine engine;
    private final String sourceId;
    private final String url;
    private final MetaRepository meta = new MetaRepository();
    private volatile WebhookVerifier verifier;

    UpstreamWebhook(Engine engine, String sourceId, String callbackBaseUrl) {
        this.engine = engine;
        this.sourceId = sourceId;
        this.url = callbackBaseUrl == null ? null : callbackBaseUrl + "/v1/inbound/upstream/" + sourceId;
    }

    String url() {
        return url;
    }

    /** The verifier of the upstream's deliveries, once registered. */
    Optional<WebhookVerifier> verifier() {
        return Optional.ofNullable(verifier);
    }

    /**
     * Registers this server's endpoint upstream, unless it was registered at this URL before. The
     * Idempotency-Key makes a registration that crashed halfway come back with the same secret.
     *
     * @throws SmsVerifyoException when the upstream refuses it (a URL it may not reach, a key without admin scope)
     */
    void register(SmsVerifyoClient client) {
        Optional<JsonNode> kept = engine.db().read(tx -> meta.get(tx, metaName())).map(Json::tree);
        if (kept.isPresent() && url.equals(kept.get().path("url").asText())) {
            verifier = WebhookVerifier.of(kept.get().path("secret").asText());
            return;
        }
        kept.ifPresent(old -> forget(client, old.path("id").asText()));
        CreatedWebhook created = client.webhooks().create(NewWebhook.of(url, EVENTS),
                RequestOptions.idempotencyKey("relay-webhook-" + sourceId + "-" + Integer.toHexString(url.hashCode())));
        ObjectNode record = Json.MAPPER.createObjectNode().put("id", created.webhook().id()).put("url", url)
                .put("secret", created.secret());
        engine.db().write(tx -> {
            meta.put(tx, metaName(), record.toString());
            return null;
        });
        verifier = WebhookVerifier.of(created.secret());
    }

    /** An endpoint registered at an older URL: removed upstream, as far as the upstream lets us. */
    private static void forget(SmsVerifyoClient client, String webhookId) {
        try {
            client.webhooks().delete(webhookId);
        } catch (SmsVerifyoException gone) {
            // Already gone, or the upstream cannot be told now: it disables endpoints that fail for long.
        }
    }

    private String metaName() {
        return "relay_webhook:" + sourceId;
    }
}
