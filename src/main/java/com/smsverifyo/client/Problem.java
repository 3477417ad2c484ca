package com.smsverifyo.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 9457 problem detail as the server sent it (or as the client made it up for a response
 * that was not one).
 *
 * @param status the HTTP status
 * @param code   the contract's stable snake_case code, such as {@code insufficient_balance}; for a
 *               response that carried no problem, {@code http_<status>}
 * @param type   the problem type URI reference, or an empty string
 * @param title  a short summary
 * @param detail the explanation for people
 * @param errors field errors (empty unless the request had invalid fields)
 * @param extras every other member of the problem object ({@code balance_usd}, {@code price_usd},
 *               {@code violated-policies}…): numbers as {@link BigDecimal}, arrays as lists,
 *               objects as maps
 */
public record Problem(int status, String code, String type, String title, String detail,
                      List<FieldError> errors, Map<String, Object> extras) {
    /**
     * Copies the lists so the record stays immutable.
     *
     * @param status the HTTP status
     * @param code the contract's stable snake_case code, such as {@code insufficient_balance}; for a response that carried no problem, {@code http_<status>}
     * @param type the problem type URI reference, or an empty string
     * @param title a short summary
     * @param detail the explanation for people
     * @param errors field errors (empty unless the request had invalid fields)
     * @param extras every other member of the problem object ({@code balance_usd}, {@code price_usd}, {@code violated-policies}…): numbers as {@link BigDecimal}, arrays as lists, objects as maps
     */
    public Problem {
        errors = List.copyOf(errors);
        extras = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extras));
    }

    /**
     * @param name an extra member's name
     * @return its value if the problem carries it as a number
     */
    public Optional<BigDecimal> decimal(String name) {
        return extras.get(name) instanceof BigDecimal value ? Optional.of(value) : Optional.empty();
    }

    /**
     * @param name an extra member's name
     * @return its items as text, if the problem carries it as an array
     */
    public List<String> strings(String name) {
        return extras.get(name) instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }
}
