package com.smsverifyo.ui.billing;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Passes a CSV download through to a file, counting bytes and rows as they go, and stops it when
 * asked: the next write after {@code cancelled} turns true throws {@link CancellationException},
 * which ends the download (the client closes the connection; the server stops reading).
 *
 * <p>Rows are counted by the line breaks outside quoted fields, so a note with a line break in it
 * is still one row. A failure to write the file is an {@link UncheckedIOException}, so it is not
 * mistaken for a network failure.
 */
final class CsvProgressStream extends FilterOutputStream {
    /** Told the totals so far (bytes, lines) after every chunk; called on the writing thread. */
    interface Progress {
        void update(long bytes, long lines);
    }

    private final BooleanSupplier cancelled;
    private final Progress progress;
    private long bytes;
    private long lines;
    private boolean inQuotes;

    CsvProgressStream(OutputStream file, BooleanSupplier cancelled, Progress progress) {
        super(file);
        this.cancelled = cancelled;
        this.progress = progress;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("export cancelled");
        }
        try {
            out.write(buffer, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = offset; i < offset + length; i++) {
            byte b = buffer[i];
            if (b == '"') {
                inQuotes = !inQuotes;
            } else if (b == '\n' && !inQuotes) {
                lines++;
            }
        }
        bytes += length;
        progress.update(bytes, lines);
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long bytes() {
        return bytes;
    }

    long lines() {
        return lines;
    }
}
