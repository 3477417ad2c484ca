package com.smsverifyo.cli;

import com.smsverifyo.store.Database;
import com.smsverifyo.ui.EmbeddedEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.DoubleConsumer;

/**
 * The desktop app's "Back up now": a consistent copy of a data directory's database into its
 * backups folder, then opened read-only and counted to check it holds what the live one held.
 */
public final class DesktopBackups {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private DesktopBackups() {
    }

    /**
     * @param directory the data directory (its database may be in use)
     * @param progress  told the fraction copied, 0 to 1
     * @return the copy and what its check found
     */
    public static EmbeddedEngine.BackupReport backUp(DataDirectory directory, DoubleConsumer progress) {
        try {
            Files.createDirectories(directory.backups());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory.backups(), e);
        }
        Path target = freshName(directory.backups(), "smsverifyo-" + STAMP.format(Instant.now()));
        Database.backup(directory.database(), target, progress);
        Database.Summary copy = Database.summarize(target);
        Database.Summary live = Database.summarize(directory.database());
        // The live database may have moved on since the snapshot; the copy may never have more.
        boolean whole = copy.rentals() <= live.rentals() && copy.ledgerEntries() <= live.ledgerEntries()
                && copy.accounts() > 0;
        return new EmbeddedEngine.BackupReport(target, target.toFile().length(), copy.rentals(), copy.ledgerEntries(), whole);
    }

    /** Two backups within one second get distinct files. */
    private static Path freshName(Path folder, String stem) {
        Path candidate = folder.resolve(stem + ".db");
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = folder.resolve(stem + "-" + i + ".db");
        }
        return candidate;
    }
}
