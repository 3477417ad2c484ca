package com.smsverifyo.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the engine explains to the caller: a stable code, a sentence for a person, field errors
 * and extra members (such as {@code balance_usd}). The API maps it once to problem+json.
 */
public class DomainException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldError> errors;
    private final Map<String, Object> extras;

    public DomainException(ErrorCode code, String detail) {
        this(code, detail, List.of(), Map.of());
    }

    public DomainException(ErrorCode code, String detail, List<FieldError> errors, Map<String, Object> extras) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.extras = new LinkedHashMap<>(extras);
    }

    public static DomainException invalid(String field, String detail) {
        return new DomainException(ErrorCode.INVALID_REQUEST, detail, List.of(FieldError.of(field, detail)), Map.of());
    }

    public static DomainException notFound(String what) {
        return new DomainException(ErrorCode.NOT_FOUND, what + " was not found.");
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extras() {
        return extras;
    }

    /** A copy with one more extra member. */
    public DomainException with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extras);
        more.put(member, value);
        return new DomainException(code, getMessage(), errors, more);
    }
}
