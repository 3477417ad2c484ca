package com.smsverifyo.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes RFC 4180 CSV (UTF-8, CRLF line ends) through a fixed-size buffer: rows go out as they come,
 * so an export of any length holds at most one buffer of text. A field holding a comma, a double
 * quote, CR or LF is quoted, its quotes doubled; a null field is empty.
 */
final class CsvWriter {
    static final int BUFFER_CHARS = 16 * 1024;

    private final Writer out;

    CsvWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER_CHARS);
    }

    /**
     * Writes one row.
     *
     * @throws UncheckedIOException when the client is gone: it must end the export (and, through the
     *                              database read that produces the rows, free its connection)
     */
    void row(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                field(fields.get(i));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("the client stopped reading the export", e);
        }
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the client stopped reading the export", e);
        }
    }

    private void field(String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }

    static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * Free text a spreadsheet could take for a formula ({@code =}, {@code +}, {@code -}, {@code @},
     * tab, CR) gets a leading apostrophe, so a note someone typed is shown, never run (OWASP's advice
     * for CSV injection). Only free-text columns pass through here; numbers stay numbers.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
