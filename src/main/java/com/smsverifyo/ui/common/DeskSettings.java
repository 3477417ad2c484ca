package com.smsverifyo.ui.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Optional;

/**
 * What the app remembers between runs: the window, the theme, the last connection. A remote
 * connection's key is not here but in its own owner-only file.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeskSettings(Double x, Double y, Double width, Double height, boolean maximized, Theme theme,
                           Connection lastConnection) {

    /** How the app last reached an engine: the embedded one, or a remote server by URL. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Connection(Kind kind, String url, String keyPrefix) {
        public enum Kind { EMBEDDED, REMOTE }

        public static Connection embedded() {
            return new Connection(Kind.EMBEDDED, null, null);
        }

        public static Connection remote(String url, String keyPrefix) {
            return new Connection(Kind.REMOTE, url, keyPrefix);
        }
    }

    public static DeskSettings defaults() {
        return new DeskSettings(null, null, 1280.0, 820.0, false, Theme.LIGHT, null);
    }

    public Optional<Connection> last() {
        return Optional.ofNullable(lastConnection);
    }

    public DeskSettings withWindow(double newX, double newY, double newWidth, double newHeight, boolean isMaximized) {
        return new DeskSettings(newX, newY, newWidth, newHeight, isMaximized, theme, lastConnection);
    }

    public DeskSettings withTheme(Theme newTheme) {
        return new DeskSettings(x, y, width, height, maximized, newTheme, lastConnection);
    }

    public DeskSettings withConnection(Connection connection) {
        return new DeskSettings(x, y, width, height, maximized, theme, connection);
    }
}
