package com.smsverifyo.api;

import com.smsverifyo.engine.Json;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * One reply of the SMS-Activate protocol: always HTTP 200, as its clients expect; plain text (no
 * trailing newline) for the classic actions and refusals, JSON for the actions that return JSON.
 */
record SmsActivateReply(String contentType, byte[] body) {
    /**
     * The original (a PHP script) sends its text replies as {@code text/html; charset=UTF-8}; this is
     * the same media type in the canonical spelling Jetty puts on the wire.
     */
    static final String TEXT = "text/html;charset=utf-8";
    static final String JSON = "application/json;charset=utf-8";

    // The protocol's reply words, spelled exactly as its clients compare them.
    static final String BAD_KEY = "BAD_KEY";
    static final String BAD_ACTION = "BAD_ACTION";
    static final String BAD_SERVICE = "BAD_SERVICE";
    static final String BAD_COUNTRY = "BAD_COUNTRY";
    static final String BAD_STATUS = "BAD_STATUS";
    static final String NO_NUMBERS = "NO_NUMBERS";
    static final String NO_BALANCE = "NO_BALANCE";
    static final String NO_ACTIVATION = "NO_ACTIVATION";
    static final String NO_ACTIVATIONS = "NO_ACTIVATIONS";
    static final String WRONG_MAX_PRICE = "WRONG_MAX_PRICE";
    static final String ACCOUNT_INACTIVE = "ACCOUNT_INACTIVE";
    static final String ERROR_SQL = "ERROR_SQL";
    static final String ACCESS_BALANCE = "ACCESS_BALANCE";
    static final String ACCESS_NUMBER = "ACCESS_NUMBER";
    static final String ACCESS_READY = "ACCESS_READY";
    static final String ACCESS_RETRY_GET = "ACCESS_RETRY_GET";
    static final String ACCESS_ACTIVATION = "ACCESS_ACTIVATION";
    static final String ACCESS_CANCEL = "ACCESS_CANCEL";
    static final String STATUS_WAIT_CODE = "STATUS_WAIT_CODE";
    static final String STATUS_WAIT_RETRY = "STATUS_WAIT_RETRY";
    static final String STATUS_OK = "STATUS_OK";
    static final String STATUS_CANCEL = "STATUS_CANCEL";

    /**
     * A request the protocol refuses with one of its words: thrown from deep in an action and turned
     * into the reply once, so no action has to thread refusals back by hand.
     */
    static final class Refusal extends RuntimeException {
        private final String word;

        Refusal(String word) {
            super(word, null, false, false);
            this.word = word;
        }

        SmsActivateReply reply() {
            return text(word);
        }
    }

    static SmsActivateReply text(String text) {
        return new SmsActivateReply(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A word with its parameters: {@code ACCESS_NUMBER:123:79991234567}. */
    static SmsActivateReply text(String word, Object... parameters) {
        StringBuilder text = new StringBuilder(word);
        for (Object parameter : parameters) {
            text.append(':').append(parameter);
        }
        return text(text.toString());
    }

    static SmsActivateReply json(Object body) {
        return new SmsActivateReply(JSON, Json.bytes(body));
    }

    static Refusal refuse(String word) {
        return new Refusal(word);
    }

    void write(Context ctx) {
        ctx.status(200).contentType(contentType).result(body);
    }
}
