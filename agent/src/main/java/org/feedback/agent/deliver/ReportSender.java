package org.feedback.agent.deliver;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;
import java.net.URI;
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
 * which is what {@code curl -F data=@-} sends and what MariaDB's feedback plugin sends. Uses the Vert.x
 * Web Client; close the sender to release its threads.
 */
public final class ReportSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReportSender.class.getName());
    private static final Pattern FIRST_H1 = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MAX_MESSAGE_CHARS = 200;

    private final Duration sendTimeout;
    private final Vertx vertx;
    private final WebClient client;

    /** @param sendTimeout  how long one URL may take to connect, take the report and reply */
    public ReportSender(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("feedback-agent")
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, sendTimeout.toMillis()))
                .setKeepAlive(false));
    }

    /** Posts {@code report} to every URL in turn and returns one outcome per URL, in the same order. */
    public List<Delivery> sendToAll(Report report, List<URI> urls) {
        Buffer body = Buffer.buffer(ReportWriter.toBytes(report));
        List<Delivery> deliveries = new ArrayList<>();
        for (URI url : urls) {
            Delivery delivery = send(body, url);
            log(delivery);
            deliveries.add(delivery);
        }
        return deliveries;
    }

    private Delivery send(Buffer body, URI url) {
        MultipartForm form = MultipartForm.create().binaryFileUpload("data", "-", body, "application/octet-stream");
        Future<HttpResponse<Buffer>> reply = client.postAbs(url.toString())
                .timeout(sendTimeout.toMillis())
                .putHeader("Accept", "text/html, */*;q=0.5")
                .sendMultipartForm(form);
        try {
            HttpResponse<Buffer> response = reply.toCompletionStage().toCompletableFuture()
                    .get(sendTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return toDelivery(url, response);
        } catch (ExecutionException e) {
            return new Delivery(url, 0, "", describe(e.getCause()));
        } catch (TimeoutException e) {
            return new Delivery(url, 0, "", "no reply within " + sendTimeout.toSeconds() + " seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(url, 0, "", "interrupted while sending");
        }
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

    private static void log(Delivery delivery) {
        if (delivery.statusCode() == 0) {
            return;
        }
        LOG.info("report to '" + delivery.url() + "' was sent");
        if (delivery.serverMessage().isEmpty()) {
            LOG.warning("server at '" + delivery.url() + "' replied HTTP " + delivery.statusCode() + " without an <h1> message");
        } else {
            LOG.info("server at '" + delivery.url() + "' replied '" + delivery.serverMessage() + "'");
        }
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
