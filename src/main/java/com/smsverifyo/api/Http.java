package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.IdempotencyService.Reply;
import com.smsverifyo.engine.Json;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Small request and response chores every route shares. */
final class Http {
    static final String JSON = "application/json; charset=utf-8";
    static final int MAX_BODY = 64 * 1024;
    private static final String BODY_ATTRIBUTE = "smsverifyo.body";

    private Http() {
    }

    static void json(Context ctx, int status, Object body) {
        write(ctx, new Reply(status, JSON, null, Json.bytes(body)));
    }

    static void write(Context ctx, Reply reply) {
        ctx.status(reply.status());
        ctx.contentType(reply.contentType());
        if (reply.location() != null) {
            ctx.header("Location", reply.location());
        }
        if (reply.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.result(reply.body());
    }

    static Reply jsonReply(int status, Object body, String location) {
        return new Reply(status, JSON, location, Json.bytes(body));
    }

    /** The request body, at most 64 KiB; larger bodies are refused before they are read whole. */
    static byte[] body(Context ctx) {
        byte[] cached = ctx.attribute(BODY_ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
            byte[] buffer = new byte[8192];
            int total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > MAX_BODY) {
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
            byte[] body = out.toByteArray();
            ctx.attribute(BODY_ATTRIBUTE, body);
            return body;
        } catch (IOException e) {
            throw new DomainException(ErrorCode.INVALID_REQUEST, "The request body could not be read.");
        }
    }

    static JsonBody jsonBody(Context ctx) {
        return JsonBody.parse(body(ctx));
    }

    private static DomainException tooLarge() {
        return new DomainException(ErrorCode.PAYLOAD_TOO_LARGE,
                "Request bodies are limited to " + (MAX_BODY / 1024) + " KiB.");
    }
}
