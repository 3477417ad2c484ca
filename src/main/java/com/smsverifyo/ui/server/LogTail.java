package com.smsverifyo.ui.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Follows the engine's log file like {@code tail -f}: its last lines first, then every line
 * appended, read on a timer thread and handed to the FX thread in one batch per read. Only the
 * last {@value #MAX_LINES} lines are kept. A file that shrinks (rotated) is read again from its start.
 */
public final class LogTail implements AutoCloseable {
    /** Lines kept on screen. */
    public static final int MAX_LINES = 500;
    /** How far back the first read starts: enough for the last lines, never the whole file. */
    private static final int FIRST_READ = 128 * 1024;
    /** The most one read takes (a burst of logging is caught up over several reads). */
    private static final int MAX_READ = 1024 * 1024;

    private final Path file;
    private final Executor fx;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long position = -1;
    private boolean skipFirstLine;
    private ScheduledExecutorService timer;

    public LogTail(Path file, Executor fx) {
        this.file = file;
        this.fx = fx;
    }

    /** Starts following (reads at once, then twice a second). */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ui-log-tail");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::poll, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** Stops following (the lines stay). */
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** Reads what was appended since the last read; runs on the timer (tests call it directly). */
    void poll() {
        List<String> fresh;
        String now;
        synchronized (partial) {
            try {
                if (!Files.exists(file)) {
                    post(List.of(), "No log yet: " + file + " appears once the engine writes to it.");
                    return;
                }
                fresh = readAppended();
                now = "Following " + file;
            } catch (IOException e) {
                post(List.of(), "Cannot read " + file + ": " + e.getMessage());
                return;
            }
        }
        post(fresh, now);
    }

    private List<String> readAppended() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (position < 0) {
                position = Math.max(0, size - FIRST_READ);
                skipFirstLine = position > 0;
            } else if (size < position) {
                position = 0;
                partial.reset();
            }
            if (size == position) {
                return List.of();
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(MAX_READ, size - position));
            while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
                // read until full or the end
            }
            position += buffer.position();
            return split(buffer.array(), buffer.position());
        }
    }

    /** Whole lines of the bytes read (the last, unfinished one waits for its end). */
    private List<String> split(byte[] bytes, int length) {
        List<String> found = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, start, i - start);
                String line = partial.toString(StandardCharsets.UTF_8);
                partial.reset();
                if (skipFirstLine) {
                    skipFirstLine = false;
                } else {
                    found.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                }
                start = i + 1;
            }
        }
        partial.write(bytes, start, length - start);
        return found.size() > MAX_LINES ? found.subList(found.size() - MAX_LINES, found.size()) : found;
    }

    private void post(List<String> fresh, String now) {
        fx.execute(() -> {
            if (!now.equals(state.get())) {
                state.set(now);
            }
            if (fresh.isEmpty()) {
                return;
            }
            lines.addAll(fresh);
            if (lines.size() > MAX_LINES) {
                lines.remove(0, lines.size() - MAX_LINES);
            }
        });
    }

    /** The last lines, oldest first. */
    public ObservableList<String> lines() {
        return lines;
    }

    /** What the tail is doing ({@code Following …}), or why it cannot. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    @Override
    public void close() {
        stop();
    }
}
