package com.smsverifyo.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends one {@link ApiCall} with the {@link RetryPolicy}: the same request (and so the same
 * Idempotency-Key and body bytes) on every attempt; network errors and 5xx after backoff, 429 after
 * its Retry-After, in-progress conflicts after a short wait; everything else final.
 */
final class Transport {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** Reads a successful response's body. */
    private interface BodyHandler<T> {
        T handle(Response response) throws IOException;

        /** Whether a failure while reading may be retried (not once output was written somewhere). */
        default boolean retryable() {
            return true;
        }
    }

    /** The settings every call shares. */
    record Settings(HttpUrl baseUrl, String apiKey, RetryPolicy policy, Sleeper sleeper, Clock clock,
                    DoubleSupplier random, String userAgent) {
        @Override
        public String toString() {
            return "Settings[baseUrl=" + baseUrl + ", apiKey=" + ApiKeys.mask(apiKey) + "]";
        }
    }

    private final OkHttpClient http;
    private final Settings settings;

    Transport(OkHttpClient http, Settings settings) {
        this.http = http;
        this.settings = settings;
    }

    OkHttpClient http() {
        return http;
    }

    Settings settings() {
        return settings;
    }

    /** Sends the call and decodes its JSON body ({@code decoder == null}: the body is ignored). */
    <T> ApiResponse<T> json(ApiCall call, Function<JsonFields, T> decoder) {
        return exchange(call, response -> decoder == null ? null : decode(call, response, decoder));
    }

    /**
     * Sends the call and copies its body to {@code out} (CSV exports). A failure once bytes were
     * written is not retried: the caller's stream would hold a partial copy.
     *
     * @return the number of bytes copied
     */
    long download(ApiCall call, String expectedType, OutputStream out) {
        boolean[] wrote = {false};
        return exchange(call, new BodyHandler<Long>() {
            @Override
            public Long handle(Response response) throws IOException {
                String type = response.header("Content-Type");
                if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(expectedType)) {
                    throw new MalformedResponseException(response.code(), call.method(), call.path(),
                            "Expected " + expectedType + " but the server sent " + (type == null ? "no content type" : type)
                                    + "; it may not support exports yet.", null);
                }
                long total = 0;
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = response.body().byteStream()) {
                    int read;
                    while ((read = in.read(buffer)) != -1) {
                        wrote[0] = true;
                        out.write(buffer, 0, read);
                        total += read;
                    }
                }
                return total;
            }

            @Override
            public boolean retryable() {
                return !wrote[0];
            }
        }).value();
    }

    /** The URL of a call: the base URL's path, then the call's encoded segments and query. */
    HttpUrl url(ApiCall call) {
        HttpUrl.Builder url = settings.baseUrl().newBuilder();
        call.segments().forEach(url::addPathSegment);
        call.queryParameters().forEach(url::addQueryParameter);
        return url.build();
    }

    /** A request with the client's authentication and user agent. */
    Request.Builder authorized(HttpUrl url) {
        return new Request.Builder().url(url)
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("User-Agent", settings.userAgent());
    }

    private Request build(ApiCall call) {
        Request.Builder request = authorized(url(call)).header("Accept", call.accept());
        if (call.idempotencyKey() != null) {
            request.header("Idempotency-Key", call.idempotencyKey());
        }
        RequestBody body = call.body() == null ? null : RequestBody.create(call.body(), JSON);
        return request.method(call.method(), body).build();
    }

    private <T> ApiResponse<T> exchange(ApiCall call, BodyHandler<T> handler) {
        Request request = build(call);
        RetryPolicy policy = settings.policy();
        int attempts = 0;
        int failures = 0;
        int rateLimitWaits = 0;
        int inProgressWaits = 0;
        while (true) {
            attempts++;
            Duration wait;
            try (Response response = http.newCall(request).execute()) {
                Optional<RateLimit> rateLimit = RateLimit.parse(response.header("RateLimit"), response.header("RateLimit-Policy"));
                if (response.isSuccessful()) {
                    T value = handler.handle(response);
                    return new ApiResponse<>(value, response.code(), "true".equalsIgnoreCase(response.header("Idempotent-Replayed")),
                            Optional.ofNullable(call.idempotencyKey()), rateLimit, attempts);
                }
                if (response.code() >= 300 && response.code() < 400) {
                    throw Problems.redirect(call, response.code(), response.header("Location"));
                }
                Optional<Duration> retryAfter = Problems.retryAfter(response.header("Retry-After"), settings.clock());
                ApiException error = Problems.from(call, response.code(), response.header("Content-Type"),
                        response.body().bytes(), retryAfter, rateLimit);
                if (error instanceof RateLimitedException limited && rateLimitWaits < policy.maxRateLimitRetries()
                        && limited.retryAfter().compareTo(policy.maxRateLimitWait()) <= 0) {
                    rateLimitWaits++;
                    wait = rateLimitWait(limited.retryAfter());
                } else if (error instanceof IdempotencyConflictException conflict && conflict.inProgress()
                        && inProgressWaits < policy.maxInProgressRetries()) {
                    inProgressWaits++;
                    wait = policy.inProgressDelay();
                } else if (error instanceof ServerException && failures < policy.maxRetries()
                        && retryAfter.orElse(Duration.ZERO).compareTo(policy.maxRateLimitWait()) <= 0) {
                    failures++;
                    Duration backoff = policy.backoff(failures, settings.random().getAsDouble());
                    wait = retryAfter.filter(ra -> ra.compareTo(backoff) > 0).orElse(backoff);
                } else {
                    throw error;
                }
            } catch (IOException e) {
                if (!handler.retryable() || failures >= policy.maxRetries() || Thread.currentThread().isInterrupted()) {
                    throw new ConnectionException(call.method() + " " + call.path() + " failed after " + attempts
                            + (attempts == 1 ? " attempt: " : " attempts: ") + describe(e)
                            + (call.idempotencyKey() == null ? "" : "; retry with the same Idempotency-Key to get its outcome"),
                            attempts, call.idempotencyKey(), e);
                }
                failures++;
                wait = policy.backoff(failures, settings.random().getAsDouble());
            }
            sleep(call, wait);
        }
    }

    /** Exactly the server's wait, plus up to a tenth more (at most a second) so waiting callers spread out. */
    private Duration rateLimitWait(Duration retryAfter) {
        long spreadMillis = Math.min(1000, retryAfter.toMillis() / 10);
        return retryAfter.plusMillis((long) (spreadMillis * settings.random().getAsDouble()));
    }

    private void sleep(ApiCall call, Duration wait) {
        try {
            settings.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsVerifyoException("Interrupted while waiting to retry " + call.method() + " " + call.path(), e);
        }
    }

    private static <T> T decode(ApiCall call, Response response, Function<JsonFields, T> decoder) throws IOException {
        String type = response.header("Content-Type");
        byte[] bytes = response.body().bytes();
        if (bytes.length == 0 && (response.code() == 202 || response.code() == 204)) {
            // "Accepted" or "No Content" without a body: read as an empty object, so required fields still fail clearly.
            return decodeTree(call, response, JsonFields.MAPPER.createObjectNode(), decoder);
        }
        if (!Problems.isJson(type)) {
            throw new MalformedResponseException(response.code(), call.method(), call.path(),
                    "Expected JSON but the server sent " + (type == null ? "no content type" : type)
                            + " (" + bytes.length + " bytes); is the base URL the API's?", null);
        }
        JsonNode node;
        try {
            node = JsonFields.parse(bytes);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException(response.code(), call.method(), call.path(),
                    "The server's response is not valid JSON: " + e.getOriginalMessage(), null);
        }
        return decodeTree(call, response, node, decoder);
    }

    private static <T> T decodeTree(ApiCall call, Response response, JsonNode node, Function<JsonFields, T> decoder) {
        try {
            return decoder.apply(JsonFields.of(node, "response"));
        } catch (JsonFields.Malformed e) {
            throw new MalformedResponseException(response.code(), call.method(), call.path(),
                    "The server's response does not have the expected shape: " + e.getMessage(), null);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + Problems.redact(message) + ")");
    }
}
