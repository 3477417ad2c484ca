package com.smsverifyo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;

/**
 * The data directory: the SQLite database, settings, logs, backups and the embedded app's owner
 * key. Created owner-only; files holding secrets are readable by the owner alone.
 */
public record DataDirectory(Path root) {
    public static final String DATABASE = "smsverifyo.db";
    public static final String OWNER_KEY = "owner.key";

    /** The OS convention: {@code $XDG_DATA_HOME/smsverifyo}, else {@code ~/.local/share/smsverifyo}. */
    public static Path defaultRoot() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "SMSVerifyo");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "SMSVerifyo");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("smsverifyo");
    }

    public static DataDirectory open(Path root) {
        DataDirectory directory = new DataDirectory(root.toAbsolutePath().normalize());
        directory.ensure();
        return directory;
    }

    public Path database() {
        return root.resolve(DATABASE);
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path backups() {
        return root.resolve("backups");
    }

    public Path ownerKeyFile() {
        return root.resolve(OWNER_KEY);
    }

    public Optional<String> ownerKey() {
        try {
            return Files.exists(ownerKeyFile())
                    ? Optional.of(Files.readString(ownerKeyFile(), StandardCharsets.US_ASCII).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a secret to a file only its owner can read. */
    public void writeSecret(Path file, String secret) {
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (posix()) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temp);
            }
            Files.writeString(temp, secret + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void ensure() {
        try {
            if (Files.notExists(root)) {
                if (posix()) {
                    Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(root);
                }
            }
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException(root + " is not a directory");
            }
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + root + ": " + e.getMessage(), e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
