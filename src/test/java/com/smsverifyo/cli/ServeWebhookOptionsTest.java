package com.smsverifyo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsverifyo.engine.Cidr;
import com.smsverifyo.engine.WebhookSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeWebhookOptionsTest {

    private static ServeCommand parse(Map<String, String> environment, String... args) {
        ServeCommand serve = new ServeCommand();
        CommandLine line = new CommandLine(serve);
        line.setDefaultValueProvider(new EnvironmentDefaults(environment));
        line.parseArgs(args);
        return serve;
    }

    @Test
    void defaultsAreApiMdsScheduleAndNothingPrivate() {
        WebhookSettings settings = parse(Map.of()).webhookSettings();
        assertThat(settings.retrySchedule()).isEqualTo(WebhookSettings.DEFAULT_SCHEDULE);
        assertThat(settings.allowedCidrs()).isEmpty();
    }

    @Test
    void scheduleAndRepeatableAllowedRangesFromTheCommandLine() {
        WebhookSettings settings = parse(Map.of(), "--webhook-retry-schedule", "0s,250ms,2m",
                "--webhook-allow-cidr", "127.0.0.0/8", "--webhook-allow-cidr", "10.0.0.0/8,fd00::/8").webhookSettings();
        assertThat(settings.retrySchedule()).containsExactly(Duration.ZERO, Duration.ofMillis(250), Duration.ofMinutes(2));
        assertThat(settings.allowedCidrs()).containsExactly(Cidr.parse("127.0.0.0/8"), Cidr.parse("10.0.0.0/8"),
                Cidr.parse("fd00::/8"));
    }

    @Test
    void orFromTheEnvironment() {
        WebhookSettings settings = parse(Map.of("SMSVERIFYO_WEBHOOK_RETRY_SCHEDULE", "0s,1s",
                "SMSVERIFYO_WEBHOOK_ALLOW_CIDR", "192.168.0.0/16,127.0.0.1")).webhookSettings();
        assertThat(settings.retrySchedule()).containsExactly(Duration.ZERO, Duration.ofSeconds(1));
        assertThat(settings.allowedCidrs()).containsExactly(Cidr.parse("192.168.0.0/16"), Cidr.parse("127.0.0.1/32"));
    }

    @Test
    void nonsenseIsAUsageErrorNamingTheOption() {
        assertThatThrownBy(() -> parse(Map.of(), "--webhook-allow-cidr", "intranet").webhookSettings())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--webhook-allow-cidr");
        assertThatThrownBy(() -> parse(Map.of(), "--webhook-retry-schedule", "0s,soon").webhookSettings())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--webhook-retry-schedule");
    }
}
