package com.smsverifyo.engine;

import com.smsverifyo.store.Database;
import com.smsverifyo.store.WebhookEndpoint;
import com.smsverifyo.store.WebhookMessage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due webhook messages with OkHttp: signed by the Standard Webhooks library, 15 s to answer
 * with a 2xx, redirects never followed, every connection checked by the {@link UrlPolicy}. A fixed
 * pool of senders bounds the work in flight overall, and a per-endpoint bound keeps one slow or dead
 * receiver from holding up the others. Outcomes are written through the single writer, never from
 * inside it; nothing but the database remembers what is pending, so a restart simply carries on.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String USER_AGENT = "SMSVerifyo-Webhooks/1";
    private static final int ENDPOINTS_PER_SCAN = 500;

    private final Database db;
    private final WebhookService service;
    private final WebhookSettings settings;
    private final Clock clock;
    private final Clock signingClock;
    private final Signal work;
    private final OkHttpClient http;
    private final ExecutorService senders;
    private final Thread loop;
    private final Map<String, Integer> activeByEndpoint = new HashMap<>();
    private final Map<String, Set<String>> unsettledByEndpoint = new HashMap<>();
    private final Set<Call> calls = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int active;
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;

    /**
     * @param signingClock the time written in {@code webhook-timestamp}: receivers compare it with
     *                     their own clock, so it is the wall clock even when tests move the engine's
     */
    WebhookDispatcher(Database db, WebhookService service, WebhookSettings settings, UrlPolicy policy, Clock clock,
                      Clock signingClock, Signal work) {
        this.db = db;
        this.service = service;
        this.settings = settings;
        this.clock = clock;
        this.signingClock = signingClock;
        this.work = work;
        this.http = new OkHttpClient.Builder()
                .dns(new PolicyDns(policy))
                .socketFactory(new PolicySocketFactory(policy))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .callTimeout(settings.timeout())
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .connectionPool(new ConnectionPool(settings.maxConcurrent(), 1, TimeUnit.MINUTES))
                .build();
        AtomicInteger number = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(settings.maxConcurrent(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.loop = new Thread(this::run, "webhook-dispatcher");
        this.loop.setDaemon(true);
    }

    void start() {
        running = true;
        loop.start();
    }

    /** Looks for due messages now (after a change, or when a test has moved the clock). */
    public void wake() {
        work.raise();
    }

    /** Attempts that got a 2xx, since start. */
    public long succeededAttempts() {
        return succeeded.get();
    }

    /** Attempts that did not, since start. */
    public long failedAttempts() {
        return failed.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    private void run() {
        while (running) {
            try {
                scan();
            } catch (RuntimeException e) {
                log.warn("webhook scan failed; it runs again shortly: {}", e.getMessage());
            }
            try {
                work.await(settings.pollInterval());
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    /** Starts as many due messages as the bounds allow, endpoint by endpoint, the longest-waiting first. */
    private void scan() {
        Instant now = clock.instant();
        List<String> endpoints = db.read(tx -> service.endpointsWithDue(tx, now, ENDPOINTS_PER_SCAN));
        for (String endpointId : endpoints) {
            int free;
            Set<String> unsettled;
            synchronized (this) {
                if (active >= settings.maxConcurrent()) {
                    return;
                }
                free = Math.min(settings.maxPerEndpoint() - activeByEndpoint.getOrDefault(endpointId, 0),
                        settings.maxConcurrent() - active);
                unsettled = Set.copyOf(unsettledByEndpoint.getOrDefault(endpointId, Set.of()));
            }
            if (free <= 0) {
                continue;
            }
            List<WebhookService.Outgoing> due = db.read(tx -> service.due(tx, endpointId, now, free + unsettled.size()));
            int started = 0;
            for (WebhookService.Outgoing outgoing : due) {
                if (started == free || !running) {
                    break;
                }
                if (!unsettled.contains(outgoing.message().id()) && begin(outgoing)) {
                    started++;
                }
            }
        }
    }

    private boolean begin(WebhookService.Outgoing outgoing) {
        String endpointId = outgoing.endpoint().id();
        synchronized (this) {
            if (!unsettledByEndpoint.computeIfAbsent(endpointId, id -> new HashSet<>()).add(outgoing.message().id())) {
                return false;
            }
            activeByEndpoint.merge(endpointId, 1, Integer::sum);
            active++;
        }
        inFlight.incrementAndGet();
        try {
            senders.execute(() -> send(outgoing));
            return true;
        } catch (RejectedExecutionException stopping) {
            callEnded(endpointId);
            settle(endpointId, outgoing.message().id());
            return false;
        }
    }

    private void send(WebhookService.Outgoing outgoing) {
        WebhookEndpoint endpoint = outgoing.endpoint();
        WebhookMessage message = outgoing.message();
        WebhookService.AttemptResult result;
        try {
            result = attempt(endpoint, message);
        } finally {
            callEnded(endpoint.id());
        }
        if (!running) {
            // Cut short by shutdown: not an attempt. It is still due, and goes out after the restart.
            settle(endpoint.id(), message.id());
            return;
        }
        (result.outcome() == WebhookService.Outcome.DELIVERED ? succeeded : failed).incrementAndGet();
        try {
            db.submit(tx -> {
                service.recordAttempt(tx, result);
                return null;
            }).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    log.warn("could not record a webhook attempt of {}; it will be sent again: {}", message.id(),
                            failure.getMessage());
                }
                settle(endpoint.id(), message.id());
            });
        } catch (RuntimeException e) {
            settle(endpoint.id(), message.id());
        }
    }

    /** One HTTP attempt; never throws. */
    private WebhookService.AttemptResult attempt(WebhookEndpoint endpoint, WebhookMessage message) {
        Instant attemptedAt = clock.instant();
        long timestamp = signingClock.instant().getEpochSecond();
        List<String> secrets = new ArrayList<>(2);
        secrets.add(endpoint.secret());
        if (endpoint.previousSecretActive(attemptedAt)) {
            secrets.add(endpoint.previousSecret());
        }
        Request request = new Request.Builder()
                .url(endpoint.url())
                .header("webhook-id", message.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.signature(secrets, message.id(), timestamp, message.body()))
                .header("User-Agent", USER_AGENT)
                .post(RequestBody.create(message.body().getBytes(StandardCharsets.UTF_8), JSON))
                .build();
        long started = System.nanoTime();
        Call call = http.newCall(request);
        calls.add(call);
        try (Response response = call.execute()) {
            long latency = elapsedMillis(started);
            int code = response.code();
            if (code >= 200 && code < 300) {
                return result(message, attemptedAt, code, latency, null, null, WebhookService.Outcome.DELIVERED);
            }
            Duration retryAfter = code == 429 || code == 503 ? retryAfter(response.header("Retry-After")) : null;
            return result(message, attemptedAt, code, latency, describe(code, response), retryAfter,
                    code == 410 ? WebhookService.Outcome.GONE : WebhookService.Outcome.FAILED);
        } catch (IOException | RuntimeException e) {
            return result(message, attemptedAt, null, elapsedMillis(started), describe(e), null,
                    WebhookService.Outcome.FAILED);
        } finally {
            calls.remove(call);
        }
    }

    private static WebhookService.AttemptResult result(WebhookMessage message, Instant at, Integer code, long latency,
                                                       String error, Duration retryAfter, WebhookService.Outcome outcome) {
        return new WebhookService.AttemptResult(message.id(), at, code, latency, error, retryAfter, outcome);
    }

    private String describe(int code, Response response) {
        if (code >= 300 && code < 400) {
            String location = response.header("Location");
            return "HTTP " + code + ": redirects are not followed" + (location == null ? "" : " (to " + location + ")")
                    + "; register the final URL";
        }
        if (code == 410) {
            return "HTTP 410 Gone: the endpoint is disabled";
        }
        return "HTTP " + code + (response.message().isEmpty() ? "" : " " + response.message());
    }

    private String describe(Exception e) {
        String text = e.getMessage();
        if (text == null || text.isBlank()) {
            text = e.getClass().getSimpleName();
        }
        if (text.length() > 500) {
            text = text.substring(0, 500) + "…";
        }
        if (e instanceof InterruptedIOException) {
            // OkHttp's call, connect and read timeouts all end here.
            Duration limit = settings.timeout();
            String within = limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
            return "no answer within " + within + " (" + text + ")";
        }
        return text;
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(signingClock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private synchronized void callEnded(String endpointId) {
        active--;
        activeByEndpoint.merge(endpointId, -1, (a, b) -> a + b == 0 ? null : a + b);
        work.raise();
    }

    private void settle(String endpointId, String messageId) {
        synchronized (this) {
            Set<String> unsettled = unsettledByEndpoint.get(endpointId);
            if (unsettled != null) {
                unsettled.remove(messageId);
                if (unsettled.isEmpty()) {
                    unsettledByEndpoint.remove(endpointId);
                }
            }
        }
        inFlight.decrementAndGet();
        work.raise();
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** Stops sending; calls in flight are cancelled and, not being recorded, go out again after a restart. */
    @Override
    public void close() {
        running = false;
        work.raise();
        loop.interrupt();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        calls.forEach(Call::cancel);
        senders.shutdown();
        try {
            if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.connectionPool().evictAll();
    }
}
