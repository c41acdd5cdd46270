package org.feedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Stops the packaged server with SIGTERM while an upload of MariaDB's feedback plugin is under way. The plugin
 * logs "failed to read server reply" when the connection closes before the first byte of the reply
 * (plugin/feedback/url_http.cc, {@code Url_http::send}), even if the report was stored, and does not resend
 * a shutdown notice.
 *
 * <p>The server runs as its own process here, unlike in the {@code @QuarkusIntegrationTest} classes, because the
 * test must send it SIGTERM in the middle of a request.
 */
class ShutdownIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    /** Logged by Quarkus's graceful shutdown filter when SIGTERM finds requests under way. */
    private static final String WAITING_FOR_REQUESTS = "Waiting for HTTP requests to complete";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void sigterm_pluginUploadUnderWay_repliedAndStored() throws Exception {
        int port = freePort();
        Path log = Path.of("target", "shutdown-it-" + UUID.randomUUID() + ".log").toAbsolutePath();
        Process server = startServer(port, log);
        try {
            awaitCondition(() -> isReady(port) || !server.isAlive(), START_TIMEOUT);
            assertThat(server.isAlive()).as("the server is running; see %s", log).isTrue();
            byte[] notice = ("FEEDBACK_SERVER_UID\t" + PostResourceTest.uniqueUid()
                    + "\nFEEDBACK_WHEN\tshutdown\nFEEDBACK_USER_INFO\t\n\n").getBytes(StandardCharsets.UTF_8);

            String reply;
            try (Uploads.PluginUpload upload = Uploads.startAsFeedbackPlugin(port, notice)) {
                // The metrics request counts itself, so a gauge of 2 means the server has dispatched the upload.
                assertThat(awaitCondition(() -> activeRequests(port) >= 2, STEP_TIMEOUT))
                        .as("the upload's request is under way").isTrue();
                server.destroy();
                assertThat(awaitCondition(() -> logContains(log, WAITING_FOR_REQUESTS) || !server.isAlive(), STEP_TIMEOUT))
                        .as("the server began its shutdown; see %s", log).isTrue();
                reply = finishOrDescribeFailure(upload);
            }

            assertThat(reply).as("reply to the upload under way at SIGTERM").startsWith("HTTP/1.0 200");
            assertThat(reply).contains("<h1>Report stored: 3 entries</h1>");
            assertThat(server.waitFor(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the server exited").isTrue();
        } finally {
            if (server.isAlive()) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts the artifact the build packaged (the jar, or the native executable with -Pnative). */
    private static Process startServer(int port, Path log) throws IOException {
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target", "quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        String type = artifact.getProperty("type", "");
        Path path = Path.of("target").resolve(artifact.getProperty("path", "")).toAbsolutePath();
        List<String> settings = List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dfeedback.data-dir=" + Path.of("target", "shutdown-it-data-" + UUID.randomUUID()).toAbsolutePath(),
                "-Dfeedback.rate-limit.enabled=false");
        List<String> command = new ArrayList<>();
        if (type.equals("jar")) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(settings);
            command.add("-jar");
            command.add(path.toString());
        } else if (type.equals("native")) {
            command.add(path.toString());
            command.addAll(settings);
        } else {
            Assumptions.abort("runs only a packaged jar or native executable, not a '" + type + "' artifact");
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String finishOrDescribeFailure(Uploads.PluginUpload upload) {
        try {
            return upload.finish();
        } catch (IOException e) {
            return "no reply: " + e.getMessage();
        }
    }

    private boolean isReady(int port) {
        try {
            return client.send(get(port, "/q/health/ready"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Returns the {@code http_server_active_requests} gauge of the server's Prometheus metrics, or 0 when unreadable. */
    private int activeRequests(int port) {
        String metrics;
        try {
            metrics = client.send(get(port, "/q/metrics"), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        return metrics.lines().filter(line -> line.startsWith("http_server_active_requests{"))
                .mapToInt(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build();
    }

    private static boolean logContains(Path log, String text) {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Checks {@code condition} every 100 ms and returns whether it held before {@code timeout}. */
    private static boolean awaitCondition(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
