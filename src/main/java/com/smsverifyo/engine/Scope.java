package com.smsverifyo.engine;

import java.util.Locale;
import java.util.Optional;

/** What a key may do: {@code rentals} (rent, read own account) or {@code admin} (everything). */
public enum Scope {
    RENTALS, ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> parse(String value) {
        for (Scope scope : values()) {
            if (scope.code().equals(value)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
