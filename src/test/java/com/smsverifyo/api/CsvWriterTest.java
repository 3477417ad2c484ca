package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsverifyo.testing.Csv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private static String write(List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvWriter csv = new CsvWriter(bytes);
        rows.forEach(csv::row);
        csv.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quotesOnlyWhatRfc4180Requires() {
        String text = write(List.of(List.of("plain", "with,comma", "with \"quotes\"", "two\r\nlines", "bare\nLF", "é ✓"),
                Arrays.asList(null, "", "0.45", "-2.5")));
        assertThat(text).isEqualTo("plain,\"with,comma\",\"with \"\"quotes\"\"\",\"two\r\nlines\",\"bare\nLF\",é ✓\r\n"
                + ",,0.45,-2.5\r\n");
        assertThat(Csv.parse(text).get(0)).containsExactly("plain", "with,comma", "with \"quotes\"", "two\r\nlines",
                "bare\nLF", "é ✓");
    }

    @Test
    void freeTextThatLooksLikeAFormulaIsDefused() {
        assertThat(CsvWriter.text("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvWriter.text("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.text("-1")).isEqualTo("'-1");
        assertThat(CsvWriter.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.text("\tx")).isEqualTo("'\tx");
        assertThat(CsvWriter.text("top-up")).isEqualTo("top-up");
        assertThat(CsvWriter.text(null)).isNull();
    }

    @Test
    void aClientThatIsGoneEndsTheExportWithAnUncheckedFailure() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        CsvWriter csv = new CsvWriter(broken);
        String wide = "x".repeat(CsvWriter.BUFFER_CHARS);
        assertThatThrownBy(() -> {
            csv.row(List.of(wide));
            csv.flush();
        }).isInstanceOf(UncheckedIOException.class);
    }
}
