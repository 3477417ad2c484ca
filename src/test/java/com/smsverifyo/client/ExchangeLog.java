package com.smsverifyo.client;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Records the exchanges of one client (method, path, status) as they reach the network: a stream's
 * exchange is recorded once its response headers arrive, so a test can tell when the server has it
 * open.
 */
final class ExchangeLog implements Interceptor {
    private record Exchange(String method, String path, int status) {
    }

    private final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

    /** @return {@code http} with this log on it (sharing its connection pool and dispatcher) */
    OkHttpClient on(OkHttpClient http) {
        return http.newBuilder().addNetworkInterceptor(this).build();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        exchanges.add(new Exchange(chain.request().method(), chain.request().url().encodedPath(), response.code()));
        return response;
    }

    /** @return how many {@code method path} exchanges were answered with {@code status} */
    long count(String method, String path, int status) {
        return exchanges.stream().filter(e -> e.method().equals(method) && e.path().equals(path) && e.status() == status)
                .count();
    }
}
