package org.feedback.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.feedback.report.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sends reports to an HTTP server started on the loopback interface by each test. */
class ReportSenderTest {

    private final Report report = Report.builder().add("FEEDBACK_SERVER_UID", "abc=").add("Uptime", "42").build();
    private final AtomicReference<String> receivedBody = new AtomicReference<>();
    private final AtomicReference<String> receivedContentType = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/post", exchange -> {
            receivedContentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] reply = "<html><body><h1>Report stored: 2 entries</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            byte[] reply = "<h1>Report rejected: database unavailable</h1>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void sendToAll_postsMultipartDataPartNamedLikeCurl() {
        try (ReportSender sender = new ReportSender(HttpSettings.direct(Duration.ofSeconds(10)))) {
            List<Delivery> deliveries = sender.sendToAll(report, List.of(url("/post")));

            assertThat(deliveries).singleElement().satisfies(delivery -> {
                assertThat(delivery.succeeded()).isTrue();
                assertThat(delivery.serverMessage()).isEqualTo("Report stored: 2 entries");
            });
        }
        assertThat(receivedContentType.get()).startsWith("multipart/form-data; boundary=");
        assertThat(receivedBody.get())
                .containsIgnoringCase("Content-Disposition: form-data; name=\"data\"; filename=\"-\"")
                .contains("FEEDBACK_SERVER_UID\tabc=\nUptime\t42\n\n");
    }

    @Test
    void sendToAll_serverError_failsWithStatusAndMessage() {
        try (ReportSender sender = new ReportSender(HttpSettings.direct(Duration.ofSeconds(10)))) {
            Delivery delivery = sender.sendToAll(report, List.of(url("/broken"))).get(0);

            assertThat(delivery.succeeded()).isFalse();
            assertThat(delivery.failureReason()).isEqualTo("server replied HTTP 503: Report rejected: database unavailable");
        }
    }

    @Test
    void sendToAll_oneUrlRefusing_otherStillServed() throws IOException {
        URI refusing = URI.create("http://127.0.0.1:" + unusedPort() + "/post");

        try (ReportSender sender = new ReportSender(HttpSettings.direct(Duration.ofSeconds(10)))) {
            List<Delivery> deliveries = sender.sendToAll(report, List.of(refusing, url("/post")));

            assertThat(deliveries.get(0).succeeded()).isFalse();
            assertThat(deliveries.get(0).failureReason()).containsIgnoringCase("refused");
            assertThat(deliveries.get(1).succeeded()).isTrue();
        }
    }

    @Test
    void firstHeading_stripsTagsAndSpace() {
        assertThat(ReportSender.firstHeading("<p>x</p><H1 class=\"a\">Report <b>stored</b>\n now</H1><h1>second</h1>"))
                .isEqualTo("Report stored now");
        assertThat(ReportSender.firstHeading("no heading")).isEmpty();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
