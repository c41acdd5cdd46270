package org.feedback.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.feedback.report.Report;
import org.feedback.report.ReportWriter;
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
        try (ReportSender sender = new ReportSender(HttpSettings.direct(Duration.ofSeconds(10)), "1.0-test")) {
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
    void send_wholeBodyWithContentLength_notChunked() throws Exception {
        byte[] written = ReportWriter.toBytes(report);
        try (TestReceiver receiver = TestReceiver.http();
             ReportSender sender = new ReportSender(HttpSettings.direct(Duration.ofSeconds(10)), "1.0-test")) {
            assertThat(sender.send(written, receiver.url("/post")).succeeded()).isTrue();

            TestReceiver.Request request = receiver.requests().get(0);
            assertThat(request.header("Transfer-Encoding")).isNull();
            assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(request.body().length));
            assertThat(request.header("User-Agent")).isEqualTo("feedback-agent/1.0-test");
            assertThat(dataPart(request)).isEqualTo(written);
        }
    }

    /**
     * Compares the request with the one {@code curl -F 'data=@-;type=application/octet-stream'} makes of the
     * same bytes, boundaries aside. Without {@code ;type=}, curl 7.88 leaves out the part's Content-Type
     * for standard input. MariaDB's feedback plugin and the agent send that header.
     */
    @Test
    void send_sameFramingAsCurl() throws Exception {
        Path curl = Path.of("/usr/bin/curl");
        assumeTrue(Files.isExecutable(curl), "no curl at /usr/bin/curl");
        byte[] written = ReportWriter.toBytes(report);
        try (TestReceiver receiver = TestReceiver.http();
             ReportSender sender = new ReportSender(HttpSettings.direct(Duration.ofSeconds(10)), "1.0-test")) {
            Process process = new ProcessBuilder(curl.toString(), "--silent", "--noproxy", "*", "--output", "/dev/null",
                    "-F", "data=@-;type=application/octet-stream", receiver.url("/post").toString()).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(written);
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("curl finished").isTrue();
            assertThat(process.exitValue()).as("curl exit code").isZero();
            sender.send(written, receiver.url("/post"));

            TestReceiver.Request fromCurl = receiver.requests().get(0);
            TestReceiver.Request fromAgent = receiver.requests().get(1);
            assertThat(withoutBoundary(fromAgent.header("Content-Type"), fromAgent))
                    .isEqualTo(withoutBoundary(fromCurl.header("Content-Type"), fromCurl));
            assertThat(fromAgent.header("Content-Length")).isEqualTo(fromCurl.header("Content-Length"));
            assertThat(fromCurl.header("Transfer-Encoding")).isNull();
            assertThat(fromAgent.header("Transfer-Encoding")).isNull();
        }
    }

    /** Returns the Content-Type header and the body, as text with the boundary replaced by {@code BOUNDARY}. */
    private static String withoutBoundary(String contentType, TestReceiver.Request request) {
        String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
        return (contentType + "\n" + new String(request.body(), StandardCharsets.UTF_8)).replace(boundary, "BOUNDARY");
    }

    /** Returns the bytes between the part's header block and the closing boundary line. */
    private static byte[] dataPart(TestReceiver.Request request) {
        String contentType = request.header("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        String boundary = contentType.substring("multipart/form-data; boundary=".length());
        String body = new String(request.body(), StandardCharsets.ISO_8859_1);
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"-\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        assertThat(body).startsWith(head).endsWith(tail);
        return body.substring(head.length(), body.length() - tail.length()).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void sendToAll_serverError_failsWithStatusAndMessage() {
        try (ReportSender sender = new ReportSender(HttpSettings.direct(Duration.ofSeconds(10)), "1.0-test")) {
            Delivery delivery = sender.sendToAll(report, List.of(url("/broken"))).get(0);

            assertThat(delivery.succeeded()).isFalse();
            assertThat(delivery.failureReason()).isEqualTo("server replied HTTP 503: Report rejected: database unavailable");
        }
    }

    @Test
    void sendToAll_oneUrlRefusing_otherStillServed() throws IOException {
        URI refusing = URI.create("http://127.0.0.1:" + unusedPort() + "/post");

        try (ReportSender sender = new ReportSender(HttpSettings.direct(Duration.ofSeconds(10)), "1.0-test")) {
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
