package com.smsverifyo.sources.modem;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A scripted modem on a pseudo-terminal, played by {@code fake_modem.py} (Python's {@code pty}
 * module: no socat, nothing to install). The source under test opens {@link #path()}, a symbolic
 * link to the terminal, as it would open {@code /dev/ttyUSB0}.
 */
final class FakeModem implements AutoCloseable {
    private final Process process;
    private final Path link;
    private final Path transcript;

    private FakeModem(Process process, Path link, Path transcript) {
        this.process = process;
        this.link = link;
        this.transcript = transcript;
    }

    /** Skips the calling test, saying why, where the OS offers no pseudo-terminals (or no Python). */
    static void assumePseudoTerminals() {
        boolean available;
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import os, pty; os.openpty()")
                    .redirectErrorStream(true).start();
            available = probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            available = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            available = false;
        }
        Assumptions.assumeTrue(available, "skipped: this machine offers no pseudo-terminals to python3 "
                + "(python3 -c 'import pty; os.openpty()' failed), so no modem can be emulated");
    }

    /** The path the source should open (the link exists once the modem has started). */
    static Path linkIn(Path dir) {
        return dir.resolve("ttyFAKE0");
    }

    /** Starts the modem on {@code linkIn(dir)}; returns once its terminal is there. */
    static FakeModem start(Path dir, ModemScript script) {
        try {
            Path program = dir.resolve("fake_modem.py");
            try (InputStream in = FakeModem.class.getResourceAsStream("/modem/fake_modem.py")) {
                Files.copy(in, program, StandardCopyOption.REPLACE_EXISTING);
            }
            Path scriptFile = Files.writeString(dir.resolve("script.json"), script.json());
            Path transcript = dir.resolve("transcript.txt");
            Path link = linkIn(dir);
            Process process = new ProcessBuilder("python3", program.toString(), link.toString(), scriptFile.toString(),
                    transcript.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("the fake modem's first word").isEqualTo("READY");
            return new FakeModem(process, link, transcript);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String path() {
        return link.toString();
    }

    /** Every event so far: {@code RX AT+CMGR=3}, {@code UNEXPECTED …}, {@code HANGUP}, {@code DONE}… */
    List<String> transcript() {
        try {
            return Files.exists(transcript) ? Files.readAllLines(transcript) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commands the modem received, in order. */
    List<String> received() {
        return transcript().stream().filter(line -> line.startsWith("RX ")).map(line -> line.substring(3)).toList();
    }

    /** Waits until the whole script was played, and checks nothing unexpected was asked. */
    void awaitDone() {
        Await.until("the modem script to finish; transcript so far: " + transcript(), Duration.ofSeconds(30),
                () -> transcript().contains("DONE") || !process.isAlive());
        assertThat(transcript()).as("transcript").contains("DONE")
                .noneMatch(line -> line.startsWith("UNEXPECTED") || line.startsWith("TIMEOUT"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
