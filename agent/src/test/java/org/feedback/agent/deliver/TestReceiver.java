package org.feedback.agent.deliver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;

/**
 * An HTTP (or HTTPS) server on 127.0.0.1 for delivery tests. Each request to {@code /post} takes the next
 * planned reply, or 200 when none is planned, and its body is kept.
 */
public final class TestReceiver implements AutoCloseable {

    /** What the server does with one request. */
    public sealed interface Reply permits Status, Hang, Trickle {
    }

    /** Replies with a status and an {@code <h1>} message. */
    public record Status(int code, String message) implements Reply {
    }

    /** Reads the request and never replies, until the server stops. */
    public record Hang() implements Reply {
    }

    /** Sends 200 headers, then one byte of body every {@code pause}, for {@code bytes} bytes. */
    public record Trickle(int bytes, Duration pause) implements Reply {
    }

    /** One request as received: its headers (names as the JDK server spells them) and its body bytes. */
    public record Request(Map<String, List<String>> headers, byte[] body) {
        /** Returns the first value of header {@code name}, matched ignoring case, or {@code null}. */
        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Reply> planned = new LinkedBlockingQueue<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> requestUris = new CopyOnWriteArrayList<>();

    private TestReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "test-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static TestReceiver http() throws IOException {
        return new TestReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    public static TestReceiver https(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new TestReceiver(server);
    }

    /** Plans the replies of the next requests, in order. */
    public TestReceiver plan(Reply... replies) {
        planned.addAll(List.of(replies));
        return this;
    }

    /** Drops the replies planned but not yet used, so later requests get 200. */
    public void clearPlan() {
        planned.clear();
    }

    public URI url(String pathAndQuery) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns the bodies received so far, multipart framing included. */
    public List<String> bodies() {
        return bodies;
    }

    /** Returns the requests received so far, with their headers. */
    public List<Request> requests() {
        return requests;
    }

    /** Returns the request URIs as the server saw them: path and query, or the absolute URI from a proxy. */
    public List<String> requestUris() {
        return requestUris;
    }

    /** Waits up to {@code seconds} for {@code condition}; returns whether it came true. */
    public static boolean await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requestUris.add(exchange.getRequestURI().toString());
        byte[] body = exchange.getRequestBody().readAllBytes();
        bodies.add(new String(body, StandardCharsets.UTF_8));
        requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
        Reply reply = planned.poll();
        if (reply == null) {
            reply = new Status(200, "Report stored");
        }
        try {
            if (reply instanceof Status status) {
                respond(exchange, status);
            } else if (reply instanceof Trickle trickle) {
                trickle(exchange, trickle);
            } else {
                Thread.sleep(Long.MAX_VALUE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, Status status) throws IOException {
        byte[] html = ("<html><body><h1>" + status.message() + "</h1></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status.code(), html.length);
        exchange.getResponseBody().write(html);
    }

    private static void trickle(HttpExchange exchange, Trickle trickle) throws IOException, InterruptedException {
        exchange.sendResponseHeaders(200, trickle.bytes());
        OutputStream body = exchange.getResponseBody();
        for (int i = 0; i < trickle.bytes(); i++) {
            body.write('x');
            body.flush();
            Thread.sleep(trickle.pause().toMillis());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
