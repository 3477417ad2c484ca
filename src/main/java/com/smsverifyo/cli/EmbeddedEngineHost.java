package com.smsverifyo.cli;

import com.smsverifyo.engine.ApiKeyService;
import com.smsverifyo.engine.Scope;
import com.smsverifyo.store.Account;
import com.smsverifyo.ui.EmbeddedEngine;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * The desktop app's own engine: a {@link ServerRuntime} on 127.0.0.1 and a free port over the data
 * directory, with the owner's admin key kept owner-only in that directory so the app (through the
 * Java client, like any remote server) can always reach it.
 */
final class EmbeddedEngineHost implements EmbeddedEngine {
    private ServerRuntime.Settings settings;
    private final DataDirectory directory;
    private volatile ServerRuntime runtime;
    private volatile String ownerKey;

    EmbeddedEngineHost(ServerRuntime.Settings settings) {
        this.settings = settings;
        this.directory = settings.dataDirectory();
    }

    @Override
    public synchronized void start() {
        if (runtime != null) {
            return;
        }
        ServerRuntime started = ServerRuntime.start(settings);
        runtime = started;
        String key = started.firstOwnerKey().map(ApiKeyService.CreatedKey::plaintext)
                .or(() -> directory.ownerKey().filter(saved -> works(started, saved)))
                .orElseGet(() -> mintOwnerKey(started));
        if (!key.equals(directory.ownerKey().orElse(null))) {
            directory.writeSecret(directory.ownerKeyFile(), key);
        }
        ownerKey = key;
    }

    /** Whether a saved key still opens the engine (someone may have revoked it). */
    private static boolean works(ServerRuntime runtime, String key) {
        try {
            return runtime.engine().keys().authenticateKey(key).has(Scope.ADMIN);
        } catch (com.smsverifyo.engine.DomainException e) {
            return false;
        }
    }

    /** A data directory made by {@code serve} has no key file: give the app its own admin key. */
    private static String mintOwnerKey(ServerRuntime runtime) {
        var engine = runtime.engine();
        return engine.db().write(tx -> {
            Account owner = engine.accounts().owner(tx).orElseThrow();
            return engine.keys().create(tx, new ApiKeyService.NewKey(owner.id(), "Desktop app (this computer)",
                    EnumSet.of(Scope.ADMIN, Scope.RENTALS), ApiKeyService.DEFAULT_RATE_LIMIT * 10, null)).plaintext();
        });
    }

    @Override
    public synchronized void stop() {
        if (runtime != null) {
            // A later start keeps the address, so the app's client (and the customers given it) still reach it.
            settings = settings.withPort(runtime.port());
            runtime.close();
            runtime = null;
        }
    }

    @Override
    public Optional<String> baseUrl() {
        ServerRuntime current = runtime;
        return current == null ? Optional.empty() : Optional.of(current.baseUrl());
    }

    @Override
    public String ownerKey() {
        return ownerKey;
    }

    @Override
    public boolean running() {
        return runtime != null;
    }

    ServerRuntime runtime() {
        return runtime;
    }

    @Override
    public boolean lanAccess() {
        return !settings.host().equals("127.0.0.1");
    }

    @Override
    public synchronized void setLanAccess(boolean allow) {
        int port = runtime != null ? runtime.port() : settings.port();
        boolean wasRunning = runtime != null;
        stop();
        settings = settings.withHost(allow ? "0.0.0.0" : "127.0.0.1").withPort(port);
        if (wasRunning) {
            start();
        }
    }

    @Override
    public List<String> lanUrls() {
        ServerRuntime current = runtime;
        if (current == null || !lanAccess()) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp() || network.isLoopback() || network.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        urls.add("http://" + address.getHostAddress() + ":" + current.port());
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        return urls;
    }

    @Override
    public Optional<Path> logFile() {
        return Optional.of(directory.logs().resolve("smsverifyo.log"));
    }

    @Override
    public Optional<Path> backupsDirectory() {
        return Optional.of(directory.backups());
    }

    @Override
    public BackupReport backup(DoubleConsumer progress) {
        return DesktopBackups.backUp(directory, progress);
    }
}
