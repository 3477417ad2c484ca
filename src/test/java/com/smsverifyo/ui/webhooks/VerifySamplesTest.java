package com.smsverifyo.ui.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java receiver the Webhooks page shows compiles against this client as it is. */
class VerifySamplesTest {
    @TempDir
    Path dir;

    @Test
    void theJavaSampleCompilesAgainstTheClient() throws Exception {
        Path source = dir.resolve("Receiver.java");
        Files.writeString(source, VerifySamples.JAVA.code());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();

        boolean compiled = compiler.getTask(errors, null, null,
                List.of("-classpath", clientClasses(), "-d", dir.toString(), "-proc:none"),
                null, compiler.getStandardFileManager(null, null, null).getJavaFileObjects(source.toFile())).call();

        assertThat(compiled).as(errors.toString()).isTrue();
        assertThat(dir.resolve("Receiver.class")).exists();
    }

    /** Where the client's classes are (target/classes): all the sample needs besides the JDK. */
    private static String clientClasses() throws Exception {
        return Path.of(com.smsverifyo.client.WebhookVerifier.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    @Test
    void everySampleVerifiesTheRawBodyWithTheEndpointSecret() {
        assertThat(VerifySamples.ALL).extracting(VerifySamples.Sample::language).containsExactly("Java", "Node", "Python");
        assertThat(VerifySamples.ALL).allSatisfy(sample -> assertThat(sample.code()).contains("WEBHOOK_SECRET")
                .contains("verify(").contains("400"));
    }
}
