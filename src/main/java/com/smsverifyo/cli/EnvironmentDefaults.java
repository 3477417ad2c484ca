package com.smsverifyo.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * Lets every option be set from the environment: {@code --rental-ttl} is read from
 * {@code SMSVERIFYO_RENTAL_TTL} when the command line does not give it.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    private final Map<String, String> environment;

    EnvironmentDefaults() {
        this(System.getenv());
    }

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = environment;
    }

    static String variable(String longOption) {
        return "SMSVERIFYO_" + longOption.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argument) {
        if (argument instanceof CommandLine.Model.OptionSpec option) {
            String value = environment.get(variable(option.longestName()));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return argument.defaultValue();
    }
}
