package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.TestResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Speaks the SMS-Activate protocol over real HTTP the way its clients do: GET with query parameters,
 * or POST with a form body; the key as {@code api_key} or in an {@code X-ApiKey} header.
 */
final class SmsActivateClient {
    /** The original's {@code text/html; charset=UTF-8}, exactly as it arrives (Jetty's canonical spelling). */
    static final String TEXT = "text/html;charset=utf-8";
    static final String JSON = "application/json;charset=utf-8";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    private final String url;
    private final String key;

    SmsActivateClient(String baseUrl, String key) {
        this.url = baseUrl + "/stubs/handler_api.php";
        this.key = key;
    }

    /** {@code GET ?api_key=…&action=…&k=v…}. */
    TestResponse get(String action, String... params) {
        Map<String, String> query = params(action, params);
        if (key != null) {
            query.put("api_key", key);
        }
        return send(HttpRequest.newBuilder(URI.create(url + "?" + encode(query))).GET());
    }

    /** {@code POST} with everything in an {@code application/x-www-form-urlencoded} body. */
    TestResponse post(String action, String... params) {
        Map<String, String> form = params(action, params);
        if (key != null) {
            form.put("api_key", key);
        }
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** {@code GET} with the key in the {@code X-ApiKey} header instead of a parameter. */
    TestResponse getWithHeader(String action, String... params) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + "?" + encode(params(action, params)))).GET();
        if (key != null) {
            builder.header("X-ApiKey", key);
        }
        return send(builder);
    }

    /** Any raw request to the protocol path (for bodies and query strings built by hand). */
    TestResponse raw(String method, String query, String contentType, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + (query == null ? "" : "?" + query)));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(builder);
    }

    /** Asserts a plain-text protocol reply: HTTP 200, the original's Content-Type, exactly these bytes. */
    static void assertText(TestResponse response, String expected) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).as(response.toString()).contains(TEXT);
        assertThat(response.body()).as("body of " + response).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts a JSON protocol reply: HTTP 200, JSON Content-Type, exactly these bytes. */
    static void assertJson(TestResponse response, String expected) {
        assertJson(response);
        assertThat(response.text()).isEqualTo(expected);
    }

    static void assertJson(TestResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).as(response.toString()).contains(JSON);
        assertThat(response.text()).doesNotEndWith("\n");
    }

    private static Map<String, String> params(String action, String... params) {
        if (params.length % 2 != 0) {
            throw new IllegalArgumentException("params come in name, value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        if (action != null) {
            map.put("action", action);
        }
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return map;
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static TestResponse send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new TestResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
