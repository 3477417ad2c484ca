package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsverifyo.store.Database;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server-side failure in the middle of an export: before the first byte left, the client gets an
 * ordinary error reply; after it, a broken download, never a short file that looks complete. Either
 * way the read connection goes back to the pool.
 */
class CsvExportFailureTest {
    @TempDir
    Path dir;
    Database db;
    Javalin app;

    @BeforeEach
    void start() {
        db = Database.open(dir.resolve("test.db"), 2);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/rows/{n}", ctx -> {
                int failAfter = Integer.parseInt(ctx.pathParam("n"));
                CsvExport.send(ctx, db, List.of("n", "text"), tx -> new CsvExport.Download("rows.csv", csv -> {
                    for (int i = 0; ; i++) {
                        if (i == failAfter) {
                            throw new IllegalStateException("the disk caught fire");
                        }
                        csv.row(List.of(Integer.toString(i), "row number " + i + " with some text to fill the line"));
                    }
                }));
            });
            config.routes.exception(IllegalStateException.class,
                    (e, ctx) -> ctx.status(503).contentType("application/problem+json").result("{\"code\":\"fire\"}"));
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        db.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFailureBeforeTheFirstByteIsAnOrdinaryErrorReply() throws Exception {
        HttpResponse<String> response = get("/rows/3");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"code\":\"fire\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(db.idleReaders()).isEqualTo(db.readerCount());
    }

    @Test
    void aFailureAfterTheFirstByteBreaksTheDownload() throws Exception {
        assertThatThrownBy(() -> get("/rows/200000")).isInstanceOf(IOException.class);
        assertThat(db.idleReaders()).isEqualTo(db.readerCount());
        // The server goes on: the next request is answered as usual.
        assertThat(get("/rows/3").statusCode()).isEqualTo(503);
    }
}
