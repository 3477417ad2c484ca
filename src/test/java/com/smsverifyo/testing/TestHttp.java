package com.smsverifyo.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Real HTTP on loopback with the JDK client: what a customer's program does, nothing mocked. */
public final class TestHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    private final String baseUrl;

    public TestHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public TestResponse get(String path, String key) {
        return send("GET", path, key, null, Map.of());
    }

    public TestResponse post(String path, String key, String json) {
        return send("POST", path, key, json, Map.of());
    }

    public TestResponse post(String path, String key, String json, Map<String, String> headers) {
        return send("POST", path, key, json, headers);
    }

    public TestResponse patch(String path, String key, String json) {
        return send("PATCH", path, key, json, Map.of());
    }

    public TestResponse delete(String path, String key) {
        return send("DELETE", path, key, null, Map.of());
    }

    public TestResponse send(String method, String path, String key, String json, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        if (json != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new TestResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
