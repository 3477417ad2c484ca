package com.smsverifyo.ui;

import java.nio.file.Path;

/**
 * What the launcher hands the desktop app: the data directory (settings, remote keys) and the
 * embedded engine.
 */
public record DesktopContext(Path dataDirectory, EmbeddedEngine embedded) {
}
