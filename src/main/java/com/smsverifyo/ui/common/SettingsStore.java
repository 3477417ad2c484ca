package com.smsverifyo.ui.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json} and the remote server's key ({@code remote.key}, owner-only)
 * in the data directory. A damaged settings file is set aside, never fatal.
 */
public final class SettingsStore {
    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;

    public SettingsStore(Path directory) {
        this.directory = directory;
    }

    public DeskSettings load() {
        Path file = directory.resolve("settings.json");
        if (!Files.exists(file)) {
            return DeskSettings.defaults();
        }
        try {
            DeskSettings settings = JSON.readValue(file.toFile(), DeskSettings.class);
            return settings.theme() == null ? settings.withTheme(Theme.LIGHT) : settings;
        } catch (IOException e) {
            log.warn("settings.json could not be read ({}); starting with defaults", e.getMessage());
            try {
                Files.move(file, directory.resolve("settings.json.broken"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // defaults are fine
            }
            return DeskSettings.defaults();
        }
    }

    public void save(DeskSettings settings) {
        try {
            write(directory.resolve("settings.json"), JSON.writeValueAsString(settings));
        } catch (IOException e) {
            log.warn("settings.json could not be written: {}", e.getMessage());
        }
    }

    public Optional<String> remoteKey() {
        Path file = directory.resolve("remote.key");
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void saveRemoteKey(String key) throws IOException {
        write(directory.resolve("remote.key"), key);
    }

    private static void write(Path file, String content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
