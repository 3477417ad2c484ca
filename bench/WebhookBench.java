import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook load test driver (run by bench/webhooks.sh against a running `serve`): three receivers on
 * loopback — healthy, slow (2 s per request) and failing (500) — 1,000 rentals, then 1,000 codes
 * handed in as one burst. It reports how long each code took from being stored to reaching the
 * healthy receiver, and checks that every message arrived there, signed, at least once.
 *
 * Usage: java -cp 'target/lib/*' bench/WebhookBench.java BASE_URL OWNER_KEY [CODES] [healthy-only]
 * ("healthy-only" registers just the healthy endpoint: the baseline to compare with.)
 */
public final class WebhookBench {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern STRING_FIELD = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]*)\"");

    record Delivery(String messageId, String receivedAt, long arrivedMillis, String body, Map<String, List<String>> headers) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String ownerKey = args[1];
        int codes = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        boolean healthyOnly = args.length > 3 && args[3].equals("healthy-only");

        ConcurrentLinkedQueue<Delivery> healthy = new ConcurrentLinkedQueue<>();
        AtomicInteger slowHits = new AtomicInteger();
        AtomicInteger failingHits = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        receiver.setExecutor(Executors.newFixedThreadPool(64));
        receiver.createContext("/healthy", exchange -> {
            long arrived = System.currentTimeMillis();
            String body = read(exchange);
            healthy.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"), field(body, "received_at"),
                    arrived, body, Map.copyOf(exchange.getRequestHeaders())));
            reply(exchange, 200);
        });
        receiver.createContext("/slow", exchange -> {
            read(exchange);
            slowHits.incrementAndGet();
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200);
        });
        receiver.createContext("/failing", exchange -> {
            read(exchange);
            failingHits.incrementAndGet();
            reply(exchange, 500);
        });
        receiver.start();
        String hooks = "http://127.0.0.1:" + receiver.getAddress().getPort();

        String account = field(call("GET", base + "/v1/account", ownerKey, null).body(), "id");
        call("POST", base + "/v1/accounts/" + account + "/credits", ownerKey, "{\"amount_usd\": " + codes + "}");
        String key = field(call("POST", base + "/v1/keys", ownerKey,
                "{\"name\":\"bench\",\"scopes\":[\"admin\"],\"rate_limit_per_minute\":1000000}").body(), "key");
        String secret = null;
        for (String path : healthyOnly ? List.of("/healthy") : List.of("/slow", "/failing", "/healthy")) {
            String created = call("POST", base + "/v1/webhooks", key,
                    "{\"url\":\"" + hooks + path + "\",\"events\":[\"rental.code_received\"]}").body();
            secret = field(created, "secret");
        }

        System.out.printf("renting %d numbers…%n", codes);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<String>> phones = new ArrayList<>();
        for (int i = 0; i < codes; i++) {
            phones.add(clients.submit(() -> field(call("POST", base + "/v1/rentals", key,
                    "{\"service\":\"whatsapp\",\"country\":\"US\"}").body(), "phone_number")));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<String> phone : phones) {
            numbers.add(phone.get());
        }

        System.out.printf("handing in %d codes as one burst (16 concurrent senders)…%n", codes);
        long burstStart = System.currentTimeMillis();
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < codes; i++) {
            String phone = numbers.get(i);
            String code = String.format("%06d", i);
            sent.add(clients.submit(() -> call("POST", base + "/v1/inbound/messages", ownerKey, "{\"to\":\"" + phone
                    + "\",\"from\":\"WhatsApp\",\"text\":\"Your WhatsApp code: " + code.substring(0, 3) + "-"
                    + code.substring(3) + "\"}")));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        long burstEnd = System.currentTimeMillis();

        long deadline = System.currentTimeMillis() + 120_000;
        while (distinct(healthy) < codes && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        long allArrived = healthy.stream().mapToLong(Delivery::arrivedMillis).max().orElse(burstEnd);

        List<Long> latencies = new ArrayList<>();
        Map<String, Integer> perMessage = new ConcurrentHashMap<>();
        int unverified = 0;
        Webhook verifier = new Webhook(secret);
        for (Delivery delivery : healthy) {
            perMessage.merge(delivery.messageId(), 1, Integer::sum);
            latencies.add(delivery.arrivedMillis() - Instant.parse(delivery.receivedAt()).toEpochMilli());
            try {
                verifier.verify(delivery.body(), delivery.headers());
            } catch (Exception e) {
                unverified++;
            }
        }
        Collections.sort(latencies);
        long duplicates = perMessage.values().stream().filter(n -> n > 1).count();
        int lost = codes - perMessage.size();

        System.out.println();
        System.out.printf("burst: %d codes handed in over %d ms (%.0f codes/s)%n", codes, burstEnd - burstStart,
                codes * 1000.0 / Math.max(1, burstEnd - burstStart));
        System.out.printf("healthy endpoint: %d distinct messages, %d deliveries, %d lost, %d delivered more than once, "
                + "%d failing verification%n", perMessage.size(), healthy.size(), lost, duplicates, unverified);
        System.out.printf("code stored → delivered (healthy): median %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
        System.out.printf("all %d at the healthy endpoint %d ms after the burst began%n", perMessage.size(),
                allArrived - burstStart);
        System.out.printf("meanwhile: slow endpoint got %d requests (2 s each), failing endpoint %d (all 500)%n",
                slowHits.get(), failingHits.get());
        receiver.stop(0);
        clients.shutdownNow();
        System.exit(lost == 0 && unverified == 0 ? 0 : 1);
    }

    private static long distinct(ConcurrentLinkedQueue<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::messageId).distinct().count();
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static HttpResponse<String> call(String method, String url, String key, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + url + " → " + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile(String.format(STRING_FIELD.pattern(), Pattern.quote(name))).matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no '" + name + "' in " + json);
        }
        return matcher.group(1);
    }

    private static String read(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
