package com.smsverifyo.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the packaged runtime honest, with jdeps over what {@code package} left in {@code target/}
 * (so it runs as an integration test, in {@code verify}, after {@code package}):
 * <ul>
 *   <li>the JDK modules of {@code jlink.conf}'s first {@code --add-modules} line are exactly what jdeps
 *       finds the code and its jars need; the further lines (what jdeps cannot see) each say why;</li>
 *   <li>{@code packaging/jvm-options} exports every JavaFX-internal package that a class-path jar or our
 *       code refers to, JavaFX being a named module in that runtime.</li>
 * </ul>
 */
class JlinkModulesIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path LIB = ROOT.resolve("target/lib");
    private static final Path CLASSES = ROOT.resolve("target/classes");
    private static final Pattern INTERNAL_USE = Pattern.compile("->\\s+(com\\.sun\\.javafx\\S*)\\s+(javafx\\.\\w+)");

    /** The jars of target/lib that hold classes (not the empty JavaFX and Kotlin-metadata jars). */
    private static List<Path> jars;

    @BeforeAll
    static void jars() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(LIB) && Files.isDirectory(CLASSES),
                "target/lib and target/classes are made by `./mvnw package`; run this through `./mvnw verify`");
        try (Stream<Path> files = Files.list(LIB)) {
            jars = files.filter(file -> file.toString().endsWith(".jar")).filter(JlinkModulesIT::holdsClasses)
                    .sorted().toList();
        }
    }

    @Test
    void jlinkConfListsExactlyTheModulesJdepsFinds() throws IOException {
        List<String> args = new ArrayList<>(List.of("--multi-release", "17", "--ignore-missing-deps",
                "--print-module-deps", "--module-path", modulePath(jars), "--add-modules", "ALL-MODULE-PATH"));
        args.add(CLASSES.toString());
        String printed = jdeps(args).strip();
        Set<String> needed = modules(printed.substring(printed.lastIndexOf('\n') + 1));

        List<String> conf = Files.readAllLines(ROOT.resolve("jlink.conf"));
        List<Set<String>> lines = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        for (int i = 0; i < conf.size(); i++) {
            String line = conf.get(i).strip();
            if (line.startsWith("--add-modules")) {
                lines.add(modules(line.substring("--add-modules".length())));
                if (lines.size() > 1 && !conf.get(i - 1).strip().startsWith("#")) {
                    undocumented.add(line);
                }
            }
        }
        assertThat(lines).as("jlink.conf has no --add-modules line").isNotEmpty();
        assertThat(lines.get(0))
                .as("jlink.conf's first --add-modules line must be what jdeps prints; make it:%n--add-modules %s",
                        String.join(",", needed))
                .isEqualTo(needed);
        Set<String> extras = new TreeSet<>();
        lines.subList(1, lines.size()).forEach(extras::addAll);
        assertThat(extras).as("run-time modules that jdeps already finds belong on the first line only")
                .doesNotContainAnyElementsOf(needed);
        assertThat(undocumented).as("each run-time module line needs a comment above it saying why").isEmpty();
    }

    @Test
    void launcherOptionsExportEveryJavaFxInternalTheClassPathUses() throws IOException {
        List<String> args = new ArrayList<>(List.of("--multi-release", "17", "--ignore-missing-deps",
                "-verbose:package", "--module-path", modulePath(jars)));
        jars.stream().filter(jar -> !jar.getFileName().toString().startsWith("javafx-"))
                .forEach(jar -> args.add(jar.toString()));
        args.add(CLASSES.toString());
        Set<String> used = new TreeSet<>();
        Matcher matcher = INTERNAL_USE.matcher(jdeps(args));
        while (matcher.find()) {
            used.add("--add-exports=" + matcher.group(2) + "/" + matcher.group(1) + "=ALL-UNNAMED");
        }
        assertThat(used).as("sanity: ControlsFX uses JavaFX internals").isNotEmpty();

        Set<String> options;
        try (Stream<String> lines = Files.lines(ROOT.resolve("packaging/jvm-options"))) {
            options = lines.map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(options).as("packaging/jvm-options must export what the class path uses").containsAll(used);
    }

    // ---------------------------------------------------------------------------------------------

    private static String jdeps(List<String> args) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("jdeps is missing: run the build with a full JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        assertThat(status).as("jdeps %s%n%s%s", args, out, err).isZero();
        return out.toString();
    }

    private static Set<String> modules(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String modulePath(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static boolean holdsClasses(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(entry -> entry.getName())
                    .anyMatch(name -> name.endsWith(".class") && !name.endsWith("module-info.class"));
        } catch (IOException e) {
            throw new UncheckedIOException(jar + " is no jar", e);
        }
    }
}
