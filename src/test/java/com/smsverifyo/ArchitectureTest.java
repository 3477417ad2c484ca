package com.smsverifyo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of DEVELOPERS.md: arrows only point down the list. */
class ArchitectureTest {
    private static final String ROOT = "com.smsverifyo";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    private static String layer(String name) {
        return ROOT + "." + name + "..";
    }

    private static void mustNotUse(String layer, String... others) {
        for (String other : others) {
            noClasses().that().resideInAPackage(layer(layer))
                    .should().dependOnClassesThat().resideInAPackage(layer(other))
                    .because(layer + " sits below " + other)
                    .check(classes);
        }
    }

    @Test
    void storeIsTheBottom() {
        mustNotUse("store", "engine", "sources", "api", "client", "ui", "cli");
    }

    @Test
    void engineUsesOnlyTheStore() {
        mustNotUse("engine", "sources", "api", "client", "ui", "cli");
    }

    @Test
    void sourcesFeedTheEngine() {
        mustNotUse("sources", "api", "ui", "cli");
    }

    @Test
    void apiCallsTheEngine() {
        mustNotUse("api", "client", "ui", "cli", "sources");
    }

    @Test
    void clientStandsAlone() {
        mustNotUse("client", "store", "engine", "sources", "api", "ui", "cli");
    }

    @Test
    void uiTalksOnlyToTheClient() {
        mustNotUse("ui", "store", "engine", "sources", "api", "cli");
    }

    @Test
    void sqlLivesOnlyInTheStore() {
        noClasses().that().resideOutsideOfPackage(layer("store"))
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.flywaydb..")
                .because("the store is the only place with SQL").check(classes);
    }

    @Test
    void javaFxOnlyInTheDesktopFace() {
        noClasses().that().resideInAnyPackage(layer("store"), layer("engine"), layer("api"), layer("client"), layer("sources"))
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the engine and server run headless").check(classes);
    }

    @Test
    void everyPackageSaysWhatItOwns() throws IOException {
        Path source = Path.of("src/main/java/com/smsverifyo");
        List<Path> packages;
        try (Stream<Path> dirs = Files.list(source)) {
            packages = dirs.filter(Files::isDirectory).toList();
        }
        assertThat(packages).extracting(p -> p.getFileName().toString())
                .contains("cli", "ui", "client", "api", "sources", "engine", "store");
        for (Path dir : packages) {
            assertThat(dir.resolve("package-info.java")).as("package-info of %s", dir).exists();
        }
    }
}
