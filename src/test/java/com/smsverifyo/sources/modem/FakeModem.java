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
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A scripted modem on a pseudo-terminal, played by {@code fake_modem.py} (Python's {@code pty}
 * module: no socat, nothing to install). The source under test opens {@link #path()}, a symbolic
 * link to the terminal, as it would open {@code /dev/ttyUSB0}.
 */
final class FakeModem implements AutoCloseable {
    /** How long the modem must hear nothing after the script's end before {@link #awaitDone} judges. */
    private static final Duration QUIET = Duration.ofMillis(300);

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

    /** Every event so far: {@code RX AT+CMGR=3}, {@code UNEXPECTED …}, {@code HANGUP}, {@code DONE}, {@code EXTRA …}… */
    List<String> transcript() {
        try {
            return Files.exists(transcript) ? Files.readAllLines(transcript) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every command the source sent, in order: those the script expected ({@code RX}), those it did not
     * ({@code UNEXPECTED}, answered ERROR) and those after the script ended ({@code EXTRA}, answered OK).
     */
    List<String> received() {
        return transcript().stream().map(FakeModem::command).filter(Objects::nonNull).toList();
    }

    private static String command(String line) {
        if (line.startsWith("RX ")) {
            return line.substring("RX ".length());
        }
        if (line.startsWith("EXTRA ")) {
            return line.substring("EXTRA ".length());
        }
        if (line.startsWith("UNEXPECTED ")) {
            int wanted = line.lastIndexOf(" (wanted ");
            return line.substring("UNEXPECTED ".length(), wanted < 0 ? line.length() : wanted);
        }
        return null;
    }

    /** The commands sent after the script ended. */
    List<String> extras() {
        return transcript().stream().filter(line -> line.startsWith("EXTRA "))
                .map(line -> line.substring("EXTRA ".length())).toList();
    }

    /**
     * Waits until the whole script was played, and checks nothing unexpected was asked, during the
     * script or after it: any command after the script's end fails, except those in {@code allowedExtras}
     * (the idle commands a test knowingly lets the source repeat, such as a sweep's {@code AT+CMGL=4}).
     */
    void awaitDone(String... allowedExtras) {
        Await.until("the modem script to finish; transcript so far: " + transcript(), Duration.ofSeconds(30),
                () -> transcript().contains("DONE") || !process.isAlive());
        settle();
        List<String> transcript = transcript();
        assertThat(transcript).as("transcript").contains("DONE")
                .noneMatch(line -> line.startsWith("UNEXPECTED") || line.startsWith("TIMEOUT"));
        assertThat(extras()).as("commands sent after the script ended; transcript: " + transcript)
                .allMatch(List.of(allowedExtras)::contains);
    }

    /**
     * Gives a command the source sends right after the script's last step the time to arrive, so
     * it is seen (as EXTRA): returns once the transcript has not grown for {@link #QUIET}.
     */
    private void settle() {
        int[] size = {transcript().size()};
        long[] since = {System.nanoTime()};
        Await.until("the modem to fall quiet; transcript so far: " + transcript(), Duration.ofSeconds(10), () -> {
            int now = transcript().size();
            if (now != size[0]) {
                size[0] = now;
                since[0] = System.nanoTime();
            }
            return System.nanoTime() - since[0] >= QUIET.toNanos();
        });
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
