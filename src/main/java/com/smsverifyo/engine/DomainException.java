package com.smsverifyo.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the engine explains to the caller: a stable code, a sentence for a person, field errors
 * and extra members (such as {@code balance_usd}). The API maps it once to problem+json.
 */
public class DomainException extends RuntimeException {
    /** At most this many field errors are listed in one reply. */
    public static final int MAX_FIELD_ERRORS = 100;

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

    /**
     * One {@code invalid_request} naming every invalid field. A large body can be wrong in many
     * places: the sentence names the first five and the list stops at {@value #MAX_FIELD_ERRORS},
     * so the reply stays small.
     */
    public static DomainException invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no field errors");
        }
        List<FieldError> reported = errors.size() > MAX_FIELD_ERRORS ? errors.subList(0, MAX_FIELD_ERRORS) : errors;
        String detail;
        if (errors.size() == 1) {
            detail = errors.get(0).detail();
        } else {
            List<String> named = errors.stream().limit(5).map(FieldError::detail).toList();
            detail = errors.size() + " fields are invalid: " + String.join(" ", named)
                    + (errors.size() > named.size() ? " (and " + (errors.size() - named.size()) + " more)" : "");
        }
        return new DomainException(ErrorCode.INVALID_REQUEST, detail, reported, Map.of());
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
