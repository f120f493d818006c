package com.whatsappflux.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Graph API's send endpoint for the benchmark, as cheap as an HTTP answer gets: the app, PostgreSQL, the load
 * generator and this stub share two cores, and WireMock's matching and templating took more CPU than the sender it
 * answered (about 30 % of the samples in the sending benchmark against 13 % for the sender). The real Graph API's
 * cost is not on this machine, so it should not be here either. It still answers like Graph does: a unique wamid
 * per accepted message, 401 without the bearer token, 404 off the {@code /{version}/{phone-number-id}/messages}
 * path. The tests use WireMock, which checks the exact requests. {@code latencyMillis} holds each answer back like
 * the real API's round trip (100–400 ms from India), which is what a sending job thread mostly waits for.
 */
final class LeanGraphStub implements AutoCloseable {

    private static final Pattern MESSAGES_PATH = Pattern.compile("/v[0-9.]+/[0-9]+/messages");

    private final HttpServer server;
    /** Names the stub's threads, so that the benchmark can tell their CPU from the app's. */
    static final String THREAD_PREFIX = "graph-stub-";
    private final java.util.concurrent.atomic.AtomicInteger threadCount = new java.util.concurrent.atomic.AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(256,
            r -> new Thread(r, THREAD_PREFIX + threadCount.incrementAndGet()));
    private final AtomicLong accepted = new AtomicLong();
    private volatile long latencyMillis;

    LeanGraphStub(long latencyMillis) throws IOException {
        this.latencyMillis = latencyMillis;
        // the JDK server leaves Nagle's algorithm on: its answer's headers and body go out in two writes, and the
        // body then waits for the client's delayed ACK (~40 ms per send here, which no real Graph API adds)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on every answer waits this long (0: at once). */
    void holdAnswersBack(long millis) {
        latencyMillis = millis;
    }

    long latencyMillis() {
        return latencyMillis;
    }

    long accepted() {
        return accepted.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream()); // read to the end: keep-alive needs it
            long latency = latencyMillis;
            if (latency > 0) {
                try {
                    Thread.sleep(latency);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!"POST".equals(exchange.getRequestMethod()) || !MESSAGES_PATH.matcher(exchange.getRequestURI().getPath()).matches()) {
                reply(exchange, 404, "{\"error\":{\"message\":\"Unknown path\",\"code\":100}}");
            } else if (auth == null || !auth.startsWith("Bearer ")) {
                reply(exchange, 401, "{\"error\":{\"message\":\"Invalid OAuth access token\",\"code\":190}}");
            } else {
                reply(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.bench."
                        + accepted.incrementAndGet() + "\"}]}");
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
