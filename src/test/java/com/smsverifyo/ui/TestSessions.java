package com.smsverifyo.ui;

import com.smsverifyo.client.SmsVerifyoClient;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.session.Session;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Sessions on a real engine for view-model tests (no JavaFX toolkit needed). */
public final class TestSessions {
    private TestSessions() {
    }

    public static Session open(TestServer server, String key, UiExecutors executors) {
        SmsVerifyoClient client = SmsVerifyoClient.builder().baseUrl(server.baseUrl()).apiKey(key).build();
        Session session = new Session(client, Session.Kind.EMBEDDED, "test", server.baseUrl(), executors);
        session.start();
        await(() -> session.accountProperty().get() != null, "the account loads");
        return session;
    }

    /** Polls until {@code condition} holds, for up to 10 s. */
    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
