package com.smsverifyo.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs other languages' programs (the docs' examples) as a user would: by name from the PATH, with
 * an environment, a time limit, and their output (stdout and stderr together) kept.
 */
public final class Programs {
    /** How a program ended. */
    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    private Programs() {
    }

    /** Whether {@code command} is on the PATH. */
    public static boolean available(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Whether PHP is here with its curl extension (Debian: php-curl), which the PHP examples use. */
    public static boolean phpHasCurl() {
        return available("php") && run(List.of("php", "-r", "exit(function_exists('curl_init') ? 0 : 1);"), Map.of(), null,
                Duration.ofSeconds(30)).ok();
    }

    /** Skips the test, saying so, when {@code command} is not on this machine. */
    public static void assumeAvailable(String command, String what) {
        Assumptions.assumeTrue(available(command),
                command + " is not on this machine (PATH): " + what + " skipped; CI machines have it");
    }

    /** Runs {@code command} and waits for it, killing it after {@code limit}. */
    public static Result run(List<String> command, Map<String, String> environment, Path workDir, Duration limit) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, output.getNow("") + "\n[killed after " + limit + "]");
            }
            return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("running " + command, e);
        }
    }

    /** Starts {@code command} without waiting; read its output with {@link Running#output()}. */
    public static Running start(List<String> command, Map<String, String> environment, Path workDir) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        try {
            return new Running(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A program that runs while the test goes on. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final Thread reader;

        private Running(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    byte[] buffer = new byte[4096];
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        output.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    output.append("\n[output lost: ").append(e.getMessage()).append(']');
                }
            }, "program-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** What it printed so far. */
        public String output() {
            return output.toString();
        }

        /** Waits for it to end, up to {@code limit}; then kills it. */
        public Result await(Duration limit) throws InterruptedException {
            boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                close();
            }
            reader.join(5_000);
            return new Result(ended ? process.exitValue() : -1, output() + (ended ? "" : "\n[killed after " + limit + "]"));
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
