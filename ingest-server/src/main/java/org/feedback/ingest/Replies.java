package org.feedback.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.net.URI;
import java.util.List;
import org.feedback.reporting.DashboardPage;

/**
 * Builds the replies of the upload endpoints: a small HTML page whose first {@code <h1>} states what
 * happened, because MariaDB's feedback plugin writes that text to the server's error log; or JSON when the
 * client prefers {@code application/json}. No reply carries a stack trace or a class name.
 *
 * <p>MaxScale's feedback sender counts an upload as delivered only when the reply is 302 and its body
 * contains {@code <h1>ok</h1>}; any other reply makes it log an error and send again later. So a request
 * whose {@code User-Agent} starts with {@value #MAXSCALE_AGENT} gets that reply for a stored report.
 */
final class Replies {

    private static final List<Variant> VARIANTS = Variant.mediaTypes(
            MediaType.TEXT_HTML_TYPE, MediaType.APPLICATION_JSON_TYPE).build();
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    /** Start of the {@code User-Agent} that MaxScale's feedback sender sends. */
    static final String MAXSCALE_AGENT = "MaxScale-agent";
    /** Location of the 302 reply to MaxScale: the dashboard, which MaxScale does not follow. */
    private static final URI MAXSCALE_LOCATION = URI.create("/");

    private final boolean json;
    private final boolean maxScale;

    private Replies(boolean json, boolean maxScale) {
        this.json = json;
        this.maxScale = maxScale;
    }

    /**
     * Returns replies in the format the request's {@code Accept} header prefers, HTML when it has none, in
     * the form MaxScale expects when {@code userAgent} is MaxScale's.
     */
    static Replies forRequest(Request request, String userAgent) {
        Variant chosen = request.selectVariant(VARIANTS);
        boolean json = chosen != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(chosen.getMediaType());
        return new Replies(json, !json && userAgent != null && userAgent.startsWith(MAXSCALE_AGENT));
    }

    /** Returns replies that are always JSON, for the REST endpoints. */
    static Replies json() {
        return new Replies(true, false);
    }

    /** Returns 200 for a stored report, or for a resend of one. */
    Response stored(StoredReport stored) {
        if (json) {
            return Response.ok(new Outcome("stored", null, stored), MediaType.APPLICATION_JSON_TYPE).build();
        }
        String heading = (stored.duplicate() ? "Report already stored: " : "Report stored: ") + stored.entries()
                + " entries" + (stored.withheld() > 0 ? ", " + stored.withheld() + " withheld for privacy" : "");
        if (maxScale) {
            String detail = heading + ". " + storedAs(stored);
            return Response.status(Response.Status.FOUND).location(MAXSCALE_LOCATION).entity(page("ok", detail))
                    .type(HTML).build();
        }
        return Response.ok(page(heading, storedAs(stored)), HTML).build();
    }

    /**
     * Returns the text naming the report id (the admin API's id, not a count of the server's reports) and
     * the server id.
     */
    private static String storedAs(StoredReport stored) {
        return "Report id " + stored.reportId() + ", server id " + stored.serverUid() + ".";
    }

    /** Returns 201 with the new report's location, or 200 for a resend of a stored report. */
    Response created(StoredReport stored, URI location) {
        if (stored.duplicate()) {
            return stored(stored);
        }
        return Response.created(location).entity(new Outcome("stored", null, stored))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Returns a 4xx reply: the upload is wrong and resending it unchanged will not help. */
    Response rejected(Response.Status status, String message) {
        return failure(status, "rejected", "Report rejected: " + message, message, "Nothing was stored.");
    }

    /**
     * Returns 429 or 503 with {@code Retry-After}: the upload may be fine, but it was not stored now.
     *
     * @param retryAfterSeconds  seconds the sender should wait before it retries
     */
    Response retryLater(Response.Status status, String message, long retryAfterSeconds) {
        String detail = "Nothing was stored; send the report again in " + retryAfterSeconds
                + (retryAfterSeconds == 1 ? " second." : " seconds.");
        return Response.fromResponse(failure(status, "retry_later", "Report not stored: " + message, message, detail))
                .header("Retry-After", Long.toString(retryAfterSeconds)).build();
    }

    private Response failure(Response.Status status, String word, String heading, String message, String detail) {
        if (json) {
            return Response.status(status).entity(new Outcome(word, message, null))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.status(status).entity(page(heading, detail)).type(HTML).build();
    }

    private static String page(String heading, String detail) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Feedback</title></head>"
                + "<body><h1>" + DashboardPage.escape(heading) + "</h1>\n<p>" + DashboardPage.escape(detail)
                + "</p></body></html>\n";
    }

    /**
     * JSON body of an upload reply.
     *
     * @param status  {@code stored}, {@code rejected} (4xx: fix the upload) or {@code retry_later} (429, 503)
     * @param error   why the report was not stored, or null
     * @param report  what was stored, or null
     */
    @RegisterForReflection
    record Outcome(String status, String error, StoredReport report) {
    }
}
