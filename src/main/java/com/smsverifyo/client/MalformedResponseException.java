package com.smsverifyo.client;

import java.util.List;
import java.util.Map;

/**
 * The server answered, but not with what the contract promises: a body that is not JSON, a JSON
 * shape without a required field, or an unexpected content type. Usually a proxy in the way or a
 * server of another version. Its {@link #code()} is {@code malformed_response}.
 */
public final class MalformedResponseException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** The code of every malformed response. */
    public static final String CODE = "malformed_response";

    MalformedResponseException(int status, String method, String path, String detail, Throwable cause) {
        super(new Problem(status, CODE, "", "Malformed response", detail, List.of(), Map.of()), method, path);
        if (cause != null) {
            initCause(cause);
        }
    }
}
