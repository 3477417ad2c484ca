package com.smsverifyo.ui;

import com.smsverifyo.cli.DataDirectory;
import com.smsverifyo.cli.DesktopBackups;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * A {@link TestServer} presented to the UI as its embedded engine. Backups and the log file are the
 * real ones of its data directory; the LAN switch only remembers its state (rebinding a test server
 * would move it under the test's feet) and names a documentation address (RFC 5737) while on.
 */
public final class TestEngine implements EmbeddedEngine {
    private final TestServer server;
    private volatile boolean lan;

    public TestEngine(TestServer server) {
        this.server = server;
    }

    public TestServer server() {
        return server;
    }

    private DataDirectory directory() {
        return server.runtime().settings().dataDirectory();
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

    @Override
    public boolean lanAccess() {
        return lan;
    }

    @Override
    public void setLanAccess(boolean allow) {
        lan = allow;
    }

    @Override
    public List<String> lanUrls() {
        return lan ? List.of("http://192.0.2.10:" + server.runtime().port()) : List.of();
    }

    @Override
    public Optional<Path> logFile() {
        return Optional.of(directory().logs().resolve("smsverifyo.log"));
    }

    @Override
    public Optional<Path> backupsDirectory() {
        return Optional.of(directory().backups());
    }

    @Override
    public BackupReport backup(DoubleConsumer progress) {
        return DesktopBackups.backUp(directory(), progress);
    }
}
