package com.smsverifyo.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real webhook receiver on loopback (the JDK's HTTP server): records every request and answers
 * with scripted responses, per path, then with its default (200).
 */
public final class Receiver implements AutoCloseable {

    /** A request as it arrived. */
    public record Hit(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** A scripted answer. */
    public record Reply(int status, Map<String, String> headers, Duration delay) {
        public static Reply status(int status) {
            return new Reply(status, Map.of(), Duration.ZERO);
        }

        public Reply header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, delay);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Hit> hits = new ArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private volatile Reply fallback = Reply.status(200);

    private Receiver(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A receiver on 127.0.0.1 on a free port. */
    public static Receiver start() {
        return start("127.0.0.1", 0);
    }

    public static Receiver start(String host, int port) {
        try {
            return new Receiver(HttpServer.create(new InetSocketAddress(host, port), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on (yet): for a receiver that is down. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The next requests to {@code path} get these answers, in order. */
    public Receiver script(String path, Reply... replies) {
        Deque<Reply> queue = scripts.computeIfAbsent(path, p -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(List.of(replies));
        }
        return this;
    }

    /** The answer once the script of a path has run out. */
    public Receiver fallback(Reply reply) {
        this.fallback = reply;
        return this;
    }

    public synchronized List<Hit> hits() {
        return List.copyOf(hits);
    }

    public List<Hit> hits(String path) {
        return hits().stream().filter(hit -> hit.path().equals(path)).toList();
    }

    /** Waits until {@code path} has had at least {@code count} requests, and returns them. */
    public List<Hit> await(String path, int count) {
        Await.until(count + " request(s) to " + path + " (have " + hits(path).size() + ")",
                () -> hits(path).size() >= count);
        return hits(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            String path = exchange.getRequestURI().getPath();
            synchronized (this) {
                hits.add(new Hit(path, headers, body));
            }
            Reply reply = next(path);
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Reply next(String path) {
        Deque<Reply> queue = scripts.get(path);
        if (queue != null) {
            synchronized (queue) {
                Reply scripted = queue.poll();
                if (scripted != null) {
                    return scripted;
                }
            }
        }
        return fallback;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
