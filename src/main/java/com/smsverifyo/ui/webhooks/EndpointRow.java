package com.smsverifyo.ui.webhooks;

import com.smsverifyo.client.Webhook;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One endpoint of the list: a stable item whose health is updated in place, so a refresh never
 * replaces list items (which would drop the list's selection and rebuild its cells).
 */
public final class EndpointRow {
    private final String id;
    private final ReadOnlyObjectWrapper<EndpointHealth> health;

    EndpointRow(EndpointHealth health) {
        this.id = health.webhook().id();
        this.health = new ReadOnlyObjectWrapper<>(health);
    }

    /** {@code whk_…}. */
    public String id() {
        return id;
    }

    public ReadOnlyObjectProperty<EndpointHealth> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public EndpointHealth health() {
        return health.get();
    }

    public Webhook webhook() {
        return health.get().webhook();
    }

    public EndpointHealth.State state() {
        return health.get().state();
    }

    public String summary() {
        return health.get().summary();
    }

    public int failureStreak() {
        return health.get().failureStreak();
    }

    void update(EndpointHealth fresh) {
        if (!fresh.webhook().id().equals(id)) {
            throw new IllegalArgumentException("another endpoint: " + fresh.webhook().id());
        }
        health.set(fresh);
    }
}
