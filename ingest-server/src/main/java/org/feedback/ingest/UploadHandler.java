package org.feedback.ingest;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.feedback.report.ReportParseException;
import org.jboss.logging.Logger;

/** The steps every upload endpoint shares once it has the report bytes: ingest, count, reply. */
@ApplicationScoped
class UploadHandler {

    /** How long a request waits for its report's commit before it gets 503; the report may still be stored. */
    static final long COMMIT_TIMEOUT_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(UploadHandler.class);
    /** At most one log line per second for rejected uploads, so that a flood of bad uploads cannot fill the log. */
    private static final long REJECTION_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong lastRejectionLogNanos = new AtomicLong();
    private final AtomicLong unloggedRejections = new AtomicLong();

    @Inject
    ReportIngestor ingestor;

    @Inject
    IngestMetrics metrics;

    @Inject
    IngestConfig config;

    /**
     * Ingests {@code report} and returns the reply: {@code onStored} for a stored report, 400 for a body that
     * is not a report, 413 above the size limit, 503 when the database is unavailable.
     */
    CompletionStage<Response> handle(byte[] report, Replies replies, Function<StoredReport, Response> onStored) {
        if (report.length > maxUploadBytes()) {
            return CompletableFuture.completedFuture(tooLarge(replies, report.length));
        }
        CompletableFuture<StoredReport> stored;
        try {
            stored = ingestor.ingest(report);
        } catch (ReportParseException | InvalidReportException e) {
            rejected(IngestMetrics.RejectReason.INVALID_REPORT, "not a valid report: " + e.getMessage());
            return CompletableFuture.completedFuture(
                    replies.rejected(Response.Status.BAD_REQUEST, "not a valid report: " + e.getMessage()));
        }
        // The store completes the future on its writer thread; the reply is built back on the request's
        // event loop, so that the writers only commit.
        Context requestContext = Vertx.currentContext();
        CompletableFuture<Response> reply = new CompletableFuture<>();
        stored.orTimeout(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((result, failure) -> {
            if (requestContext == null) {
                reply.complete(reply(result, failure, replies, onStored));
            } else {
                requestContext.runOnContext(ignored -> reply.complete(reply(result, failure, replies, onStored)));
            }
        });
        return reply;
    }

    private Response reply(StoredReport result, Throwable failure, Replies replies,
                           Function<StoredReport, Response> onStored) {
        if (failure == null) {
            metrics.accepted(result);
            return onStored.apply(result);
        }
        return unavailable(replies, failure);
    }

    /** Returns the upload size limit, {@code feedback.max-upload-size}, in bytes. */
    long maxUploadBytes() {
        return config.maxUploadSize().asLongValue();
    }

    /** Returns 413 naming the size and the limit. */
    Response tooLarge(Replies replies, long bytes) {
        rejected(IngestMetrics.RejectReason.TOO_LARGE, "the upload is " + bytes + " bytes, above the limit of "
                + maxUploadBytes() + " bytes");
        return replies.rejected(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the upload is " + bytes
                + " bytes, above the limit of " + maxUploadBytes()
                + " bytes; a full report is 25 to 35 KB, so send one report per upload");
    }

    /** Returns 400 for an upload whose framing (not its report) is wrong. */
    Response malformed(Replies replies, String message) {
        rejected(IngestMetrics.RejectReason.MALFORMED_UPLOAD, message);
        return replies.rejected(Response.Status.BAD_REQUEST, message);
    }

    /** Returns 415 naming the content types the endpoint accepts. */
    Response unsupported(Replies replies, String contentType, String accepted) {
        String sent = contentType == null || contentType.isBlank() ? "no Content-Type" : "Content-Type '" + contentType + "'";
        rejected(IngestMetrics.RejectReason.UNSUPPORTED_MEDIA_TYPE, sent + " is not supported");
        return replies.rejected(Response.Status.UNSUPPORTED_MEDIA_TYPE, sent + " is not supported; send " + accepted);
    }

    /**
     * Counts a rejected upload and logs it: at most one line per second, with the number of rejections
     * left out of the log since the last line. The line names no client address.
     */
    void rejected(IngestMetrics.RejectReason reason, String message) {
        metrics.rejected(reason);
        long now = System.nanoTime();
        long last = lastRejectionLogNanos.get();
        if (last != 0 && now - last < REJECTION_LOG_INTERVAL_NANOS || !lastRejectionLogNanos.compareAndSet(last, now)) {
            unloggedRejections.incrementAndGet();
            return;
        }
        long unlogged = unloggedRejections.getAndSet(0);
        LOG.infof("rejected an upload (%s): %s%s", reason.tag(), message,
                unlogged == 0 ? "" : " (" + unlogged + (unlogged == 1 ? " more rejection" : " more rejections")
                        + " since the last line)");
    }

    private Response unavailable(Replies replies, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        metrics.rejected(IngestMetrics.RejectReason.UNAVAILABLE);
        String message = cause instanceof TimeoutException
                ? "the database did not commit within " + COMMIT_TIMEOUT_SECONDS + " seconds"
                : cause instanceof StorageUnavailableException ? cause.getMessage() : "the server failed to store it";
        return replies.retryLater(Response.Status.SERVICE_UNAVAILABLE, message, config.retryAfter().toSeconds());
    }
}
