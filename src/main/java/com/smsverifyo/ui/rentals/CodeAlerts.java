package com.smsverifyo.ui.rentals;

import com.smsverifyo.client.CodeReceived;
import com.smsverifyo.ui.common.Notifier;
import com.smsverifyo.ui.session.LiveListener;
import com.smsverifyo.ui.session.ServiceNames;
import com.smsverifyo.ui.session.Session;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;

/**
 * One desktop notification per code that arrives, whichever page is shown and also while the
 * window is in the background; clicking it copies the code. Registered once per session (never per
 * row or per page), and a code told twice (a reconnect, polling after streaming) is shown once.
 */
public final class CodeAlerts implements LiveListener {
    private static final int REMEMBERED = 1024;

    private final Notifier notifier;
    private final ServiceNames serviceNames;
    private final Map<String, String> told = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    public CodeAlerts(Session session, Notifier notifier) {
        this.notifier = notifier;
        this.serviceNames = session.serviceNames();
        serviceNames.load();
    }

    @Override
    public void codeArrived(CodeReceived code) {
        String key = code.rentalId() + "|" + code.code();
        if (told.put(key, code.code()) != null) {
            return;
        }
        String service = code.service().isBlank() ? "" : serviceNames.name(code.service()) + " ";
        notifier.codeArrived(service + "code " + code.code(),
                PhoneNumbers.display(code.phoneNumber()) + " · click to copy the code",
                () -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, code.code())));
    }
}
