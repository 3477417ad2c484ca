package com.smsverifyo.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer. Every write of the process runs on this thread, so the engine's rules (balance,
 * number leases, spend caps) are checked and changed without races. Work that queued up while a
 * transaction was committing is run together in the next one (group commit): one fsync-bound COMMIT
 * serves many requests, and each piece of work runs inside its own savepoint, so one that fails is
 * rolled back alone while the others commit.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 256;

    private final PooledConnection connection;
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong jobs = new AtomicLong();
    private volatile boolean closing;

    GroupCommitWriter(PooledConnection connection) {
        this.connection = connection;
        this.thread = new Thread(this::loop, "db-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    <T> CompletableFuture<T> submit(TxWork<T> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a write may not wait for another write from inside the writer");
        }
        if (closing) {
            CompletableFuture<T> refused = new CompletableFuture<>();
            refused.completeExceptionally(new StoreException("the database is closing"));
            return refused;
        }
        Job<T> job = new Job<>(work);
        queue.add(job);
        return job.future;
    }

    long commits() {
        return commits.get();
    }

    long jobs() {
        return jobs.get();
    }

    int queued() {
        return queue.size();
    }

    private void loop() {
        List<Job<?>> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                Job<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                if (closing) {
                    return;
                }
            } catch (Throwable unexpected) {
                log.error("writer loop failure", unexpected);
                for (Job<?> job : batch) {
                    job.future.completeExceptionally(new StoreException("write failed", unexpected));
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void runBatch(List<Job<?>> batch) {
        try (Statement control = connection.jdbc().createStatement()) {
            // BEGIN IMMEDIATE takes the write lock now, so a second process (keys create) waits on the
            // busy timeout rather than failing midway; between batches no lock is held at all.
            control.execute("BEGIN IMMEDIATE");
            for (Job<?> job : batch) {
                Tx tx = new Tx(connection, true);
                control.execute("SAVEPOINT job");
                try {
                    job.run(tx);
                    control.execute("RELEASE job");
                    job.hooks = tx.takeAfterCommit();
                } catch (Throwable failure) {
                    control.execute("ROLLBACK TO job");
                    control.execute("RELEASE job");
                    job.failure = failure;
                }
            }
            control.execute("COMMIT");
        } catch (SQLException | RuntimeException commitFailure) {
            rollbackQuietly();
            StoreException failure = new StoreException("commit failed; nothing of it was stored", commitFailure);
            log.error("group commit of {} jobs failed", batch.size(), commitFailure);
            for (Job<?> job : batch) {
                job.future.completeExceptionally(failure);
            }
            return;
        }
        commits.incrementAndGet();
        jobs.addAndGet(batch.size());
        for (Job<?> job : batch) {
            job.complete();
        }
    }

    private void rollbackQuietly() {
        try (Statement control = connection.jdbc().createStatement()) {
            control.execute("ROLLBACK");
        } catch (SQLException e) {
            // No transaction was open (BEGIN itself failed): nothing to undo.
            log.debug("rollback after failed batch: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Job<?> left;
        while ((left = queue.poll()) != null) {
            left.future.completeExceptionally(new StoreException("the database closed"));
        }
        // Closing the last connection checkpoints the WAL into the database file.
        connection.close();
    }

    private static final class Job<T> {
        final TxWork<T> work;
        final CompletableFuture<T> future = new CompletableFuture<>();
        T result;
        Throwable failure;
        List<Runnable> hooks = List.of();

        Job(TxWork<T> work) {
            this.work = work;
        }

        void run(Tx tx) {
            result = work.apply(tx);
        }

        void complete() {
            if (failure != null) {
                future.completeExceptionally(failure);
                return;
            }
            for (Runnable hook : hooks) {
                try {
                    hook.run();
                } catch (RuntimeException e) {
                    log.error("after-commit hook failed", e);
                }
            }
            future.complete(result);
        }
    }
}
