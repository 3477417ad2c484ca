package com.smsverifyo.ui;

import com.smsverifyo.testing.TestServer;
import java.util.Optional;

/** A {@link TestServer} presented to the UI as its embedded engine. */
public final class TestEngine implements EmbeddedEngine {
    private final TestServer server;

    public TestEngine(TestServer server) {
        this.server = server;
    }

    public TestServer server() {
        return server;
    }

    @Override
    public Optional<String> baseUrl() {
        return Optional.of(server.baseUrl());
    }

    @Override
    public String ownerKey() {
        return server.ownerKey();
    }

    @Override
    public boolean running() {
        return true;
    }

    @Override
    public void start() {
        // already running
    }

    @Override
    public void stop() {
        // the test closes the server
    }
}
