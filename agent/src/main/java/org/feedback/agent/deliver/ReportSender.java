package org.feedback.agent.deliver;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedback.report.Report;
import org.feedback.report.ReportWriter;

/**
 * Posts reports as {@code multipart/form-data} with one part named {@code data} and file name {@code -},
 * in one body with a Content-Length and without chunked encoding, as {@code curl -F data=@-} and MariaDB's
 * feedback plugin send it, so a receiver written for the plugin can read it. Uses the Vert.x Web Client
 * over http or https (certificates and host names checked), directly or through an HTTP proxy (CONNECT for
 * https). The URL's port, path and query are kept as given.
 *
 * <p>Each post has one deadline, the send timeout, from connecting to the end of the reply; a server that
 * trickles its reply byte by byte is cut off there. Close the sender to release its threads.
 */
public final class ReportSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReportSender.class.getName());
    private static final Pattern FIRST_H1 = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MAX_MESSAGE_CHARS = 200;

    private final HttpSettings settings;
    private final String userAgent;
    private final SecureRandom random = new SecureRandom();
    private final Vertx vertx;

    /**
     * @param settings      proxy, trust store and send timeout
     * @param agentVersion  version sent in the User-Agent header as {@code feedback-agent/VERSION}
     */
    public ReportSender(HttpSettings settings, String agentVersion) {
        this.settings = settings;
        this.userAgent = "feedback-agent/" + agentVersion;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
    }

    /** Posts {@code report} to every URL in turn and returns one outcome per URL, in the same order. */
    public List<Delivery> sendToAll(Report report, List<URI> urls) {
        byte[] body = ReportWriter.toBytes(report);
        List<Delivery> deliveries = new ArrayList<>();
        for (URI url : urls) {
            deliveries.add(send(body, url));
        }
        return deliveries;
    }

    /** Posts a written report to one URL, logs the reply, and returns the outcome. */
    public Delivery send(byte[] report, URI url) {
        return send(report, url, settings.sendTimeout());
    }

    /** Posts a written report to one URL within {@code timeout} instead of the send timeout, for the shutdown notice. */
    public Delivery send(byte[] report, URI url, Duration timeout) {
        WebClient client = WebClient.create(vertx, clientOptions(timeout));
        try {
            Delivery delivery = post(client, MultipartBody.of(report, random), url, timeout);
            log(delivery);
            return delivery;
        } finally {
            // Closing the client also closes a connection still open after the deadline.
            client.close();
        }
    }

    private Delivery post(WebClient client, MultipartBody body, URI url, Duration timeout) {
        long timeoutMillis = timeout.toMillis();
        // sendBuffer writes the Content-Length of the whole buffer, while sendMultipartForm would stream the form chunked.
        Future<HttpResponse<Buffer>> reply = client.postAbs(url.toString())
                .timeout(timeoutMillis)
                .putHeader("Accept", "text/html, */*;q=0.5")
                .putHeader("Content-Type", body.contentType())
                .sendBuffer(Buffer.buffer(body.bytes()));
        try {
            return toDelivery(url, reply.toCompletionStage().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return new Delivery(url, 0, "", describe(e.getCause()));
        } catch (TimeoutException e) {
            return new Delivery(url, 0, "", "no complete reply within " + timeout.toSeconds() + " seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(url, 0, "", "interrupted while sending");
        }
    }

    private WebClientOptions clientOptions(Duration timeout) {
        WebClientOptions options = new WebClientOptions()
                .setUserAgent(userAgent)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setKeepAlive(false)
                .setVerifyHost(true);
        settings.proxy().ifPresent(proxy -> options.setProxyOptions(
                new ProxyOptions().setType(ProxyType.HTTP).setHost(proxy.host()).setPort(proxy.port())));
        settings.caFile().ifPresent(file -> options.setTrustOptions(new PemTrustOptions().addCertPath(file.toString())));
        return options;
    }

    private static Delivery toDelivery(URI url, HttpResponse<Buffer> response) {
        String message = firstHeading(response.bodyAsString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Delivery(url, status, message, null);
        }
        String reason = "server replied HTTP " + status + (message.isEmpty() ? "" : ": " + message);
        return new Delivery(url, status, message, reason);
    }

    /** Returns the text of the first {@code <h1>} element, tags removed, or empty when there is none. */
    static String firstHeading(String html) {
        if (html == null) {
            return "";
        }
        Matcher matcher = FIRST_H1.matcher(html);
        if (!matcher.find()) {
            return "";
        }
        String text = matcher.group(1).replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
        return text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) + "..." : text;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** Logs a 2xx reply; the caller logs failures, at WARN when it retries and at ERROR when it gives up. */
    private static void log(Delivery delivery) {
        if (!delivery.succeeded()) {
            return;
        }
        LOG.info("report to '" + delivery.url() + "' was sent");
        if (delivery.serverMessage().isEmpty()) {
            LOG.info("server at '" + delivery.url() + "' replied HTTP " + delivery.statusCode() + " without an <h1> message");
        } else {
            LOG.info("server at '" + delivery.url() + "' replied '" + delivery.serverMessage() + "'");
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
