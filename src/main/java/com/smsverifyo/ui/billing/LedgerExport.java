package com.smsverifyo.ui.billing;

import com.smsverifyo.client.LedgerQuery;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.session.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A CSV export of the ledger into a file the user chose: streamed by the server and written as it
 * arrives (memory stays flat however long the ledger), with the bytes and rows written so far, and
 * a cancel that stops it. The file appears under its name only once complete; a cancelled or failed
 * export leaves nothing behind.
 */
public final class LedgerExport {
    /** Where an export is. */
    public enum State { IDLE, RUNNING, DONE, CANCELLED, FAILED }

    private final Session session;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyLongWrapper bytes = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper rows = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final StringBinding progressText;
    private final BooleanBinding running;
    private volatile AtomicBoolean cancel = new AtomicBoolean();
    /** The newest totals not yet shown, handed to the FX thread one pulse at a time. */
    private final AtomicBoolean progressQueued = new AtomicBoolean();
    private volatile long pendingBytes;
    private volatile long pendingLines;

    public LedgerExport(Session session) {
        this.session = session;
        this.progressText = Bindings.createStringBinding(() -> describe(rows.get(), bytes.get()), rows, bytes);
        this.running = state.isEqualTo(State.RUNNING);
    }

    /**
     * Starts exporting the entries {@code query} selects (all of them: paging does not apply) into
     * {@code target}. Does nothing while an export runs.
     */
    public void start(LedgerQuery query, Path target) {
        if (running.get()) {
            return;
        }
        LedgerQuery whole = new LedgerQuery(query.accountId(), query.kind(), query.from(), query.to(), null);
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        bytes.set(0);
        rows.set(0);
        message.set("");
        state.set(State.RUNNING);
        UiExecutors executors = session.executors();
        executors.background().execute(() -> {
            Path part = target.resolveSibling(target.getFileName() + ".part");
            State outcome;
            String words;
            try {
                long written;
                try (OutputStream file = Files.newOutputStream(part);
                     CsvProgressStream counting = new CsvProgressStream(file, stop::get, this::offerProgress)) {
                    session.client().ledger().exportCsv(whole, counting);
                    written = counting.lines();
                }
                moveIntoPlace(part, target);
                outcome = State.DONE;
                words = "Saved " + rowsText(Math.max(0, written - 1)) + " to " + target.getFileName() + ".";
            } catch (CancellationException e) {
                deleteQuietly(part);
                outcome = State.CANCELLED;
                words = "Export cancelled; no file was saved.";
            } catch (UncheckedIOException | IOException e) {
                deleteQuietly(part);
                outcome = State.FAILED;
                IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
                words = "The file could not be written: " + cause.getMessage();
            } catch (RuntimeException e) {
                deleteQuietly(part);
                outcome = State.FAILED;
                words = "The export failed: " + ErrorMessages.describe(e);
            }
            State finalOutcome = outcome;
            String finalWords = words;
            executors.fx().execute(() -> {
                applyProgress();
                message.set(finalWords);
                state.set(finalOutcome);
            });
        });
    }

    /** Stops the running export at its next chunk. */
    public void cancel() {
        cancel.set(true);
    }

    private void offerProgress(long totalBytes, long lines) {
        pendingBytes = totalBytes;
        pendingLines = lines;
        if (progressQueued.compareAndSet(false, true)) {
            session.executors().fx().execute(() -> {
                progressQueued.set(false);
                applyProgress();
            });
        }
    }

    private void applyProgress() {
        bytes.set(pendingBytes);
        // The first line is the header.
        rows.set(Math.max(0, pendingLines - 1));
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the partial file is harmless; its name says so
        }
    }

    /** {@code 1,234 rows · 96.5 KB}. */
    static String describe(long rowCount, long byteCount) {
        return rowsText(rowCount) + " · " + size(byteCount);
    }

    private static String rowsText(long count) {
        return String.format(Locale.US, "%,d %s", count, count == 1 ? "row" : "rows");
    }

    static String size(long byteCount) {
        if (byteCount < 1024) {
            return byteCount + " B";
        }
        if (byteCount < 1024 * 1024) {
            return String.format(Locale.US, "%.1f KB", byteCount / 1024.0);
        }
        return String.format(Locale.US, "%.1f MB", byteCount / (1024.0 * 1024));
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public BooleanBinding running() {
        return running;
    }

    /** Bytes written to the file so far. */
    public ReadOnlyLongProperty bytesProperty() {
        return bytes.getReadOnlyProperty();
    }

    /** Ledger rows written so far (the header not counted). */
    public ReadOnlyLongProperty rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** "1,234 rows · 96.5 KB". */
    public StringBinding progressText() {
        return progressText;
    }

    /** How the last export ended, in words (empty while none has). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
