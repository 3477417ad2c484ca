package com.smsverifyo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesWhatPeopleType() {
        assertThat(Durations.parse("20m")).isEqualTo(Duration.ofMinutes(20));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse(" 5S ")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("0")).isZero();
        assertThat(Durations.range("5s-30s")).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertThat(Durations.range("2s")).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void refusesNonsenseWithAnExample() {
        assertThatThrownBy(() -> Durations.parse("20 minutes")).hasMessageContaining("examples");
        assertThatThrownBy(() -> Durations.parse("m20")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.range("30s-5s")).hasMessageContaining("longer to a shorter");
    }

    @Test
    void environmentVariablesAreNamedAfterTheOption() {
        assertThat(EnvironmentDefaults.variable("--rental-ttl")).isEqualTo("SMSVERIFYO_RENTAL_TTL");
        assertThat(EnvironmentDefaults.variable("--port")).isEqualTo("SMSVERIFYO_PORT");
        var spec = picocli.CommandLine.Model.OptionSpec.builder("--sim-success").defaultValue("0.9").build();
        assertThat(new EnvironmentDefaults(Map.of("SMSVERIFYO_SIM_SUCCESS", "0.5")).defaultValue(spec)).isEqualTo("0.5");
        assertThat(new EnvironmentDefaults(Map.of()).defaultValue(spec)).isEqualTo("0.9");
    }
}
