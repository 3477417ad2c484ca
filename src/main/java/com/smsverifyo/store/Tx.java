package com.smsverifyo.store;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The handle repositories work through. Engine code holds it without seeing SQL; hooks registered
 * with {@link #afterCommit} run only once the work is durable, so nothing is announced that a
 * rollback could take back.
 */
public final class Tx {
    private final PooledConnection connection;
    private final boolean writable;
    private final long startedAtNanos = System.nanoTime();
    private List<Runnable> afterCommit;
    private int savepoints;

    Tx(PooledConnection connection, boolean writable) {
        this.connection = connection;
        this.writable = writable;
    }

    PooledConnection conn() {
        return connection;
    }

    Connection jdbc() {
        return connection.jdbc();
    }

    public boolean writable() {
        return writable;
    }

    long startedAtNanos() {
        return startedAtNanos;
    }

    /** Runs {@code hook} after the transaction commits; dropped if it rolls back. */
    public void afterCommit(Runnable hook) {
        if (!writable) {
            throw new IllegalStateException("afterCommit needs a write transaction");
        }
        if (afterCommit == null) {
            afterCommit = new ArrayList<>(2);
        }
        afterCommit.add(hook);
    }

    /**
     * Runs {@code work} inside a nested savepoint: if it throws, everything it wrote (and every
     * after-commit hook it registered) is undone before the exception leaves, and the rest of the
     * transaction carries on.
     */
    public <T> T attempt(TxWork<T> work) {
        requireWritable();
        int hooksBefore = afterCommit == null ? 0 : afterCommit.size();
        String name = "nested" + (++savepoints);
        execute("SAVEPOINT " + name);
        try {
            T result = work.apply(this);
            execute("RELEASE " + name);
            return result;
        } catch (RuntimeException | Error failure) {
            execute("ROLLBACK TO " + name);
            execute("RELEASE " + name);
            if (afterCommit != null) {
                afterCommit.subList(hooksBefore, afterCommit.size()).clear();
            }
            throw failure;
        }
    }

    private void execute(String sql) {
        try (java.sql.Statement statement = connection.jdbc().createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new StoreException("savepoint failed: " + e.getMessage(), e);
        }
    }

    List<Runnable> takeAfterCommit() {
        List<Runnable> hooks = afterCommit == null ? List.of() : afterCommit;
        afterCommit = null;
        return hooks;
    }

    void requireWritable() {
        if (!writable) {
            throw new IllegalStateException("this statement needs a write transaction");
        }
    }
}
