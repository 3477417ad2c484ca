package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.FieldError;
import com.smsverifyo.engine.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details: the one shape of every error the API sends. */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Map<String, Object> body(DomainException problem) {
        ErrorCode code = problem.code();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/docs/problems#" + code.code());
        body.put("title", code.title());
        body.put("status", code.status());
        body.put("detail", problem.detail());
        body.put("code", code.code());
        if (!problem.errors().isEmpty()) {
            List<Map<String, Object>> errors = problem.errors().stream().map(Problems::fieldError).toList();
            body.put("errors", errors);
        }
        problem.extras().forEach(body::putIfAbsent);
        return body;
    }

    public static byte[] bytes(DomainException problem) {
        return Json.bytes(body(problem));
    }

    private static Map<String, Object> fieldError(FieldError error) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pointer", error.pointer());
        json.put("detail", error.detail());
        return json;
    }
}
