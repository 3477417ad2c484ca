package com.smsverifyo.sources.android;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.SmsSource;
import com.smsverifyo.engine.SourceSettings;
import com.smsverifyo.engine.SourceType;
import com.smsverifyo.store.SourceRecord;
import java.util.Set;

/**
 * The {@code android-gateway} type. Settings: {@code {"signing_key": "…"}}, the key the app shows
 * in Settings → Webhooks (write-only: never shown again). Numbers are registered with the phone's
 * {@code device_id} and, on dual-SIM phones, the {@code sim_number} of their slot.
 */
public final class AndroidGatewayType implements SourceType {
    public static final String TYPE = "android-gateway";
    static final String SIGNING_KEY = "signing_key";

    private final Engine engine;

    public AndroidGatewayType(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean inbound() {
        return true;
    }

    @Override
    public Set<String> secretSettings() {
        return Set.of(SIGNING_KEY);
    }

    @Override
    public ObjectNode check(SourceSettings settings) {
        settings.text(SIGNING_KEY, true, 512);
        return settings.done();
    }

    @Override
    public SmsSource create(SourceRecord source, ObjectNode settings) {
        return new AndroidGatewaySource(engine, source.id(), settings.path(SIGNING_KEY).asText());
    }
}
