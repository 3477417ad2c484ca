package com.smsverifyo.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite database of a data directory: WAL mode, foreign keys on, a busy timeout so that a
 * second process (the {@code keys} command beside a running server) waits instead of failing.
 * Writes go through the single {@link GroupCommitWriter}; reads use a small pool of their own
 * connections and never wait for a writer.
 */
public final class Database implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final String url;
    private final GroupCommitWriter writer;
    private final BlockingQueue<PooledConnection> readers;
    private final int readerCount;
    private volatile boolean closed;

    private Database(Path file, int readerCount) throws SQLException {
        this.file = file;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.readerCount = readerCount;
        Connection writerConnection = open(false);
        // The writer manages its transactions itself (BEGIN IMMEDIATE … COMMIT per batch).
        writerConnection.setAutoCommit(true);
        this.writer = new GroupCommitWriter(new PooledConnection(writerConnection));
        this.readers = new ArrayBlockingQueue<>(readerCount);
        for (int i = 0; i < readerCount; i++) {
            readers.add(new PooledConnection(open(true)));
        }
    }

    /** Opens (creating owner-only if new) and migrates the database file. */
    public static Database open(Path file) {
        return open(file, Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
    }

    public static Database open(Path file, int readers) {
        try {
            createOwnerOnly(file);
            migrate(file);
            return new Database(file, readers);
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in a write transaction and waits for it to commit. */
    public <T> T write(TxWork<T> work) {
        try {
            return submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a write", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StoreException("write failed", cause);
        }
    }

    /** Queues {@code work} for the writer; the future completes once it is durable (or failed). */
    public <T> CompletableFuture<T> submit(TxWork<T> work) {
        return writer.submit(work);
    }

    /** Runs {@code work} on a consistent read snapshot. */
    public <T> T read(TxWork<T> work) {
        PooledConnection connection = borrowReader();
        try {
            try {
                T result = work.apply(new Tx(connection, false));
                connection.jdbc().commit();
                return result;
            } catch (RuntimeException | Error e) {
                connection.jdbc().rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("read failed: " + e.getMessage(), e);
        } finally {
            readers.add(connection);
        }
    }

    /**
     * Writes a consistent copy of the whole database to {@code target} (which must not exist), while
     * readers and the writer go on. The copy is owner-only.
     */
    public static void backup(Path source, Path target) {
        backup(source, target, fraction -> { });
    }

    /**
     * The same, telling {@code progress} (0 to 1) how far the copy has come: VACUUM INTO reads one
     * snapshot (so the copy is consistent however busy the server is) while the target file grows
     * towards the size of the source.
     */
    public static void backup(Path source, Path target, java.util.function.DoubleConsumer progress) {
        long expected;
        try {
            expected = Math.max(1, Files.size(source));
        } catch (IOException e) {
            throw new StoreException("cannot read " + source + ": " + e.getMessage(), e);
        }
        java.util.concurrent.ScheduledExecutorService watcher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                runnable -> {
                    Thread thread = new Thread(runnable, "backup-progress");
                    thread.setDaemon(true);
                    return thread;
                });
        watcher.scheduleAtFixedRate(() -> {
            try {
                progress.accept(Math.min(0.99, (double) Files.size(target) / expected));
            } catch (IOException | RuntimeException ignored) {
                // the file may not exist yet
            }
        }, 0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            copy(source, target);
        } finally {
            watcher.shutdownNow();
        }
        progress.accept(1.0);
    }

    private static void copy(Path source, Path target) {
        try {
            if (Files.exists(target) && Files.size(target) > 0) {
                throw new StoreException("the backup target already exists: " + target);
            }
            createOwnerOnly(target);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath(), config(true).toProperties());
                 var statement = connection.prepareStatement("VACUUM INTO ?")) {
                statement.setString(1, target.toAbsolutePath().toString());
                statement.execute();
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("backup failed: " + e.getMessage(), e);
        }
    }

    /** What a database file holds, in counts: to check that a backup is whole. */
    public record Summary(long accounts, long rentals, long messages, long ledgerEntries, long balanceMicros) {
    }

    /** Counts the rows of a database file (a backup, or the live one), read-only. */
    public static Summary summarize(Path file) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config(true).toProperties());
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT (SELECT count(*) FROM accounts), (SELECT count(*) FROM rentals), "
                     + "(SELECT count(*) FROM messages), (SELECT count(*) FROM ledger), "
                     + "(SELECT coalesce(sum(balance_micros), 0) FROM accounts)")) {
            rows.next();
            return new Summary(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5));
        } catch (SQLException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Read connections free right now (a long export holds one until it ends). */
    public int idleReaders() {
        return readers.size();
    }

    /** Read connections in the pool. */
    public int readerCount() {
        return readerCount;
    }

    public long commits() {
        return writer.commits();
    }

    public long writes() {
        return writer.jobs();
    }

    public int queuedWrites() {
        return writer.queued();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.close();
        for (int i = 0; i < readerCount; i++) {
            try {
                PooledConnection reader = readers.poll(5, java.util.concurrent.TimeUnit.SECONDS);
                if (reader != null) {
                    reader.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    private PooledConnection borrowReader() {
        if (closed) {
            throw new StoreException("the database is closed");
        }
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a read connection", e);
        }
    }

    private Connection open(boolean readOnly) throws SQLException {
        Connection connection = DriverManager.getConnection(url, config(readOnly).toProperties());
        if (readOnly) {
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA query_only = 1");
            }
        }
        connection.setAutoCommit(false);
        return connection;
    }

    private static SQLiteConfig config(boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return config;
    }

    private static void migrate(Path file) {
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load()
                .migrate();
    }

    static void createOwnerOnly(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.notExists(file)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        }
    }
}
