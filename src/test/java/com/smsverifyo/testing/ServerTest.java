package com.smsverifyo.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of integration tests that need one fresh server per test, and its owner's admin key. */
public abstract class ServerTest {
    @TempDir
    protected Path dir;
    protected TestServer server;
    protected String key;

    @BeforeEach
    void startServer() {
        server = TestServer.start(dir);
        key = server.ownerKey();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
