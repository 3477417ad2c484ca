package com.smsverifyo.ui.session;

import com.smsverifyo.client.ServiceOffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * What people call each service ({@code whatsapp} → WhatsApp), from the server's catalog, read once
 * per session and shared by every page that names services. A code without a name shows as itself.
 */
public final class ServiceNames {
    private final Session session;
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private boolean requested;

    ServiceNames(Session session) {
        this.session = session;
    }

    /** Reads the catalog the first time it is asked for (again after a failure). Call on the FX thread. */
    public void load() {
        if (requested) {
            return;
        }
        requested = true;
        session.call(() -> session.client().services().list()).whenComplete((offers, failure) -> {
            if (failure != null) {
                requested = false;
                return;
            }
            for (ServiceOffer offer : offers) {
                names.put(offer.service(), offer.name());
            }
            revision.set(revision.get() + 1);
        });
    }

    /** The service's name, or its code until the catalog has been read (or when it is not in it). */
    public String name(String code) {
        return names.getOrDefault(code, code);
    }

    /** Goes up each time names arrive, so lists showing names can redraw. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
