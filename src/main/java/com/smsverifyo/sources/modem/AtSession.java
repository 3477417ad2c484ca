package com.smsverifyo.sources.modem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One conversation with a modem over a serial link: a command is written, the lines up to its
 * final result ({@code OK}, {@code ERROR}, {@code +CMS ERROR: n}, {@code +CME ERROR: n}) are its
 * response. Unsolicited result codes ({@code +CMTI: "SM",3}) can come at any moment, even in the
 * middle of a response; they are set aside and handed out by {@link #unsolicited}. An echo of the
 * command (before {@code ATE0} takes effect) is skipped.
 */
final class AtSession {
    /** The modem answered a command with an error result. */
    static final class AtError extends Exception {
        private static final long serialVersionUID = 1L;
        private final String result;

        AtError(String command, String result) {
            super(command + " → " + result);
            this.result = result;
        }

        String result() {
            return result;
        }
    }

    /** The modem did not finish a response in time. */
    static final class NoAnswer extends IOException {
        private static final long serialVersionUID = 1L;

        NoAnswer(String command, Duration timeout) {
            super("no answer to " + command + " within " + timeout.toMillis() + " ms");
        }
    }

    private final SerialLink link;
    private final Duration timeout;
    private final StringBuilder partial = new StringBuilder();
    private final Deque<String> lines = new ArrayDeque<>();
    private final Deque<String> unsolicited = new ArrayDeque<>();
    private final byte[] buffer = new byte[2048];

    AtSession(SerialLink link, Duration timeout) {
        this.link = link;
        this.timeout = timeout;
    }

    /**
     * Sends a command and waits for its final result.
     *
     * @return the response's lines before the final {@code OK}
     * @throws AtError  for an error result
     * @throws NoAnswer when the result does not come within the timeout
     * @throws IOException when the port is gone
     */
    List<String> command(String command) throws AtError, IOException {
        link.write((command + "\r").getBytes(StandardCharsets.US_ASCII));
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> response = new ArrayList<>();
        while (true) {
            String line = nextLine(deadline);
            if (line == null) {
                throw new NoAnswer(command, timeout);
            }
            if (line.equals(command)) {
                continue;
            }
            if (unsolicited(line)) {
                unsolicited.add(line);
            } else if (line.equals("OK")) {
                return response;
            } else if (line.equals("ERROR") || line.startsWith("+CMS ERROR") || line.startsWith("+CME ERROR")) {
                throw new AtError(command, line);
            } else {
                response.add(line);
            }
        }
    }

    /**
     * The next unsolicited result code, waiting up to {@code wait} for one; other stray lines are
     * dropped.
     */
    Optional<String> unsolicited(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (unsolicited.isEmpty()) {
            String line = nextLine(deadline);
            if (line == null) {
                return Optional.empty();
            }
            if (unsolicited(line)) {
                unsolicited.add(line);
            }
        }
        return Optional.of(unsolicited.poll());
    }

    private static boolean unsolicited(String line) {
        return line.startsWith("+CMTI:") || line.startsWith("+CDSI:") || line.startsWith("+CREG:")
                || line.startsWith("+CMT:") || line.equals("RING") || line.startsWith("^");
    }

    /** The next non-empty line, or null at the deadline. */
    private String nextLine(long deadline) throws IOException {
        while (lines.isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                return null;
            }
            int read = link.read(buffer);
            if (read > 0) {
                partial.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                split();
            }
        }
        return lines.poll();
    }

    private void split() {
        int end;
        while ((end = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, end).strip();
            partial.delete(0, end + 1);
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
    }
}
