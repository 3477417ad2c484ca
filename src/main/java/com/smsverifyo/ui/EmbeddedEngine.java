package com.smsverifyo.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * The engine running inside this app, as the UI may see it: where it listens, the owner's key, and
 * the few things only the machine it runs on can do (bind to the network, back up the database,
 * read its log). The launcher implements it; the UI reaches the engine's API only over HTTP with
 * the Java client, like any remote server.
 */
public interface EmbeddedEngine {

    /** The base URL while running, e.g. {@code http://127.0.0.1:43117}. */
    Optional<String> baseUrl();

    /** The owner's admin key, kept owner-only in the data directory. */
    String ownerKey();

    boolean running();

    /** Starts the engine if stopped; blocking, call off the FX thread. */
    void start();

    /** Stops the engine (requests in flight finish); blocking, call off the FX thread. */
    void stop();

    /** Whether other computers of the network may connect (bound to every address, not only 127.0.0.1). */
    default boolean lanAccess() {
        return false;
    }

    /** Rebinds the engine (same port) for this computer only or the whole network; blocking. */
    default void setLanAccess(boolean allow) {
        throw new UnsupportedOperationException("this engine cannot be rebound");
    }

    /** The addresses other computers use while LAN access is on (e.g. {@code http://192.168.1.20:43117}). */
    default List<String> lanUrls() {
        return List.of();
    }

    /** The engine's log file, for the Server page's live tail. */
    default Optional<Path> logFile() {
        return Optional.empty();
    }

    /** Where backups go. */
    default Optional<Path> backupsDirectory() {
        return Optional.empty();
    }

    /** Backs the database up now (consistent, while running) and checks the copy; blocking. */
    default BackupReport backup(DoubleConsumer progress) {
        throw new UnsupportedOperationException("this engine cannot be backed up from here");
    }

    /** A finished backup and what its check found: the copy opens and holds the same rows. */
    record BackupReport(Path file, long bytes, long rentals, long ledgerEntries, boolean matchesLive) {
    }
}
