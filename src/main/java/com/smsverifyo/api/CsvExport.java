package com.smsverifyo.api;

import com.smsverifyo.engine.Days;
import com.smsverifyo.store.Database;
import com.smsverifyo.store.Tx;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a list as a CSV download ({@code Accept: text/csv}), streamed row by row from one database
 * read straight into the response: memory stays flat whatever the number of rows.
 *
 * <p>The export holds one pooled read connection (and its snapshot) for as long as it runs. Every
 * way it can end gives the connection back: the rows run out; the client disconnects (the write
 * fails, the failure leaves the row loop and the read); or the server fails. A failure before the
 * first byte went out is an ordinary problem+json reply; after that the connection is aborted, so
 * the client sees a broken download rather than a short file that looks complete.
 */
final class CsvExport {
    private static final Logger log = LoggerFactory.getLogger(CsvExport.class);

    /**
     * Prepares the export inside its read transaction: checks what must be checked (visibility:
     * {@code 404} is still possible here, nothing has been sent) and names the download and its rows.
     */
    @FunctionalInterface
    interface Plan {
        Download open(Tx tx);
    }

    /** What to send: the file name and the writer of every row. */
    record Download(String filename, RowSource rows) {
    }

    /** Writes every row to the CSV. */
    @FunctionalInterface
    interface RowSource {
        void writeTo(CsvWriter csv);
    }

    private CsvExport() {
    }

    /** Whether the request asks for CSV rather than JSON. */
    static boolean wanted(Context ctx) {
        return MediaTypes.prefersCsv(ctx.header("Accept"));
    }

    static void send(Context ctx, Database db, List<String> header, Plan plan) {
        HttpServletResponse response = ctx.res();
        String[] filename = {"export.csv"};
        try {
            db.read(tx -> {
                Download download = plan.open(tx);
                filename[0] = download.filename();
                response.setStatus(200);
                response.setContentType(MediaTypes.CSV + "; charset=utf-8; header=present");
                response.setHeader("Content-Disposition", "attachment; filename=\"" + download.filename() + "\"");
                response.setHeader("Cache-Control", "no-store");
                CsvWriter csv = new CsvWriter(outputStream(response));
                csv.row(header);
                download.rows().writeTo(csv);
                csv.flush();
                return null;
            });
        } catch (UncheckedIOException clientGone) {
            // Only the response stream throws this here: the client disconnected. No one is left to tell.
            log.debug("CSV export {} ended early: the client went away", filename[0]);
        } catch (RuntimeException failure) {
            if (!response.isCommitted()) {
                // Nothing has left the server: drop the partial buffer and answer with problem+json.
                response.reset();
                throw failure;
            }
            log.error("CSV export {} failed after it began; the connection is aborted", filename[0], failure);
            abort(ctx, failure);
        }
    }

    private static void abort(Context ctx, Throwable failure) {
        ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(failure);
    }

    /**
     * A download's file name: {@code ledger-acc_…-from-2026-11-01-to-2026-11-30.csv} (the dates of
     * the range's first and last day; ids and dates are plain ASCII, safe in the header).
     */
    static String filename(String what, String accountId, TimeRange range) {
        StringBuilder name = new StringBuilder(what).append('-').append(accountId);
        if (range.from() != null) {
            name.append("-from-").append(Days.of(range.from()));
        }
        if (range.to() != null) {
            name.append("-to-").append(Days.of(range.to().minusMillis(1)));
        }
        return name.append(".csv").toString();
    }

    private static OutputStream outputStream(HttpServletResponse response) {
        try {
            return response.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("the response cannot be written", e);
        }
    }
}
