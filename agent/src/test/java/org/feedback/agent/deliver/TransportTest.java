package org.feedback.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.feedback.report.Report;
import org.feedback.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, https and proxies, each against servers started on 127.0.0.1 by the test. */
class TransportTest {

    private static final byte[] REPORT = ReportWriter.toBytes(Report.builder().add("FEEDBACK_SERVER_UID", "abc=").build());

    @TempDir
    static Path dir;

    private static TestTls tls;

    @org.junit.jupiter.api.BeforeAll
    static void makeCertificate() throws Exception {
        tls = TestTls.create(dir);
    }

    @Test
    void send_slowLorisReply_cutOffAtDeadline() throws Exception {
        try (TestReceiver receiver = TestReceiver.http().plan(new TestReceiver.Trickle(100, Duration.ofMillis(200)));
             ReportSender sender = new ReportSender(HttpSettings.direct(Duration.ofSeconds(2)), "1.0-test")) {
            Delivery delivery = sender.send(REPORT, receiver.url("/post"));

            assertThat(delivery.succeeded()).isFalse();
            assertThat(delivery.failureReason()).isEqualTo("no complete reply within 2 seconds");
        }
    }

    @Test
    void send_noReply_failsAfterTimeout() throws Exception {
        try (TestReceiver receiver = TestReceiver.http().plan(new TestReceiver.Hang());
             ReportSender sender = new ReportSender(HttpSettings.direct(Duration.ofSeconds(1)), "1.0-test")) {
            Delivery delivery = sender.send(REPORT, receiver.url("/post"));

            assertThat(delivery.succeeded()).isFalse();
            assertThat(delivery.statusCode()).isZero();
        }
    }

    @Test
    void send_portPathAndQuery_keptAsGiven() throws Exception {
        try (TestReceiver receiver = TestReceiver.http();
             ReportSender sender = new ReportSender(HttpSettings.direct(Duration.ofSeconds(5)), "1.0-test")) {
            Delivery delivery = sender.send(REPORT, receiver.url("/feedback/post?site=a&x=1"));

            assertThat(delivery.succeeded()).isTrue();
            assertThat(receiver.requestUris()).containsExactly("/feedback/post?site=a&x=1");
        }
    }

    @Test
    void send_httpsWithCaFile_verifiedAndSent() throws Exception {
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(10), Optional.empty(), Optional.of(tls.caFile));
        try (TestReceiver receiver = TestReceiver.https(tls.serverContext); ReportSender sender = new ReportSender(settings, "1.0-test")) {
            Delivery delivery = sender.send(REPORT, receiver.url("/post"));

            assertThat(delivery.succeeded()).as(String.valueOf(delivery.failureReason())).isTrue();
            assertThat(receiver.bodies()).singleElement().asString().contains("FEEDBACK_SERVER_UID\tabc=");
        }
    }

    @Test
    void send_httpsSelfSignedWithoutCaFile_rejected() throws Exception {
        try (TestReceiver receiver = TestReceiver.https(tls.serverContext);
             ReportSender sender = new ReportSender(HttpSettings.direct(Duration.ofSeconds(10)), "1.0-test")) {
            Delivery delivery = sender.send(REPORT, receiver.url("/post"));

            assertThat(delivery.succeeded()).isFalse();
            assertThat(receiver.bodies()).isEmpty();
        }
    }

    @Test
    void send_httpsThroughProxy_usesConnect() throws Exception {
        try (TestReceiver receiver = TestReceiver.https(tls.serverContext); TestProxy proxy = new TestProxy()) {
            HttpSettings settings = new HttpSettings(Duration.ofSeconds(10),
                    Optional.of(new HttpSettings.ProxyAddress("127.0.0.1", proxy.port())), Optional.of(tls.caFile));
            try (ReportSender sender = new ReportSender(settings, "1.0-test")) {
                Delivery delivery = sender.send(REPORT, receiver.url("/post?q=1"));

                assertThat(delivery.succeeded()).as(String.valueOf(delivery.failureReason())).isTrue();
            }
            assertThat(proxy.requestLines()).singleElement().asString().startsWith("CONNECT 127.0.0.1:" + receiver.port());
            assertThat(receiver.requestUris()).containsExactly("/post?q=1");
        }
    }

    @Test
    void send_httpThroughProxy_sendsAbsoluteUri() throws Exception {
        try (TestReceiver receiver = TestReceiver.http(); TestProxy proxy = new TestProxy()) {
            HttpSettings settings = new HttpSettings(Duration.ofSeconds(10),
                    Optional.of(new HttpSettings.ProxyAddress("127.0.0.1", proxy.port())), Optional.empty());
            try (ReportSender sender = new ReportSender(settings, "1.0-test")) {
                Delivery delivery = sender.send(REPORT, receiver.url("/post"));

                assertThat(delivery.succeeded()).as(String.valueOf(delivery.failureReason())).isTrue();
            }
            assertThat(proxy.requestLines()).singleElement().asString()
                    .isEqualTo("POST http://127.0.0.1:" + receiver.port() + "/post HTTP/1.1");
        }
    }
}
