package com.smsverifyo.ui.server;

import com.smsverifyo.ui.EmbeddedEngine;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.session.Session;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Back up now": a consistent copy of the database while the engine runs, with its progress, then
 * what the copy holds and whether its check found the same rentals.
 */
public final class BackupRunner {
    private final EmbeddedEngine engine;
    private final Session session;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyObjectWrapper<EmbeddedEngine.BackupReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper check = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checkFailed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public BackupRunner(EmbeddedEngine engine, Session session) {
        this.engine = engine;
        this.session = session;
    }

    /** Backs up now, unless a backup is already running. */
    public void backup() {
        if (running.get()) {
            return;
        }
        running.set(true);
        progress.set(0);
        error.set("");
        // The copy reports progress per page; the FX thread gets at most one update waiting at a time.
        AtomicLong latest = new AtomicLong();
        AtomicBoolean queued = new AtomicBoolean();
        session.call(() -> engine.backup(fraction -> {
            latest.set(Double.doubleToLongBits(fraction));
            if (queued.compareAndSet(false, true)) {
                session.executors().fx().execute(() -> {
                    queued.set(false);
                    progress.set(Double.longBitsToDouble(latest.get()));
                });
            }
        })).whenComplete((done, failure) -> {
            running.set(false);
            if (failure != null) {
                error.set("The backup failed: " + ErrorMessages.describe(failure));
                return;
            }
            progress.set(1);
            report.set(done);
            summary.set(String.format(Locale.US, "%s · %s · %,d rentals · %,d ledger entries",
                    done.file().getFileName(), Formats.bytes(done.bytes()), done.rentals(), done.ledgerEntries()));
            checkFailed.set(!done.matchesLive());
            check.set(done.matchesLive() ? "Copy checked: it opens and holds the same rentals."
                    : "Warning: the copy does not hold what the live database holds. Keep your previous backup "
                    + "and back up again; if it happens again, check the disk.");
        });
    }

    /**
     * Opens the backups folder in the system's file manager, in the background (creating it first).
     *
     * @param cannot run on the FX thread when this system cannot open folders from here (headless,
     *               no desktop integration): show or copy the path instead
     */
    public void openFolder(Runnable cannot) {
        java.util.Optional<java.nio.file.Path> folder = engine.backupsDirectory();
        if (folder.isEmpty()) {
            cannot.run();
            return;
        }
        session.call(() -> {
            try {
                java.nio.file.Files.createDirectories(folder.get());
                if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                    java.awt.Desktop.getDesktop().open(folder.get().toFile());
                    return true;
                }
                return false;
            } catch (java.io.IOException | RuntimeException e) {
                return false;
            }
        }).thenAccept(opened -> {
            if (!opened) {
                cannot.run();
            }
        });
    }

    /** Where backups go, or empty when this engine cannot say. */
    public String folder() {
        return engine.backupsDirectory().map(Object::toString).orElse("");
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EmbeddedEngine.BackupReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** {@code smsverifyo-….db · 1.2 MB · 42 rentals · 87 ledger entries}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the copy's check found, in words. */
    public ReadOnlyStringProperty checkProperty() {
        return check.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkFailedProperty() {
        return checkFailed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
