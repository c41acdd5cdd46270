package org.feedback.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import org.feedback.reporting.DashboardPage;

/**
 * Builds the replies of the upload endpoints: a small HTML page whose first {@code <h1>} states what
 * happened, because MariaDB's feedback plugin writes that text to the server's error log; or JSON when the
 * client prefers {@code application/json}.
 */
final class Replies {

    private static final List<Variant> VARIANTS = Variant.mediaTypes(
            MediaType.TEXT_HTML_TYPE, MediaType.APPLICATION_JSON_TYPE).build();

    private final boolean json;

    private Replies(boolean json) {
        this.json = json;
    }

    static Replies forRequest(Request request) {
        Variant chosen = request.selectVariant(VARIANTS);
        return new Replies(chosen != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(chosen.getMediaType()));
    }

    Response stored(StoredReport stored) {
        if (json) {
            return Response.ok(new Outcome("stored", null, stored), MediaType.APPLICATION_JSON_TYPE).build();
        }
        String heading = "Report stored: " + stored.entries() + " entries"
                + (stored.withheld() > 0 ? ", " + stored.withheld() + " withheld for privacy" : "");
        return Response.ok(page(heading, "Report " + stored.reportId() + " of server " + stored.serverUid() + "."),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    Response rejected(Response.Status status, String message) {
        if (json) {
            return Response.status(status).entity(new Outcome("rejected", message, null))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.status(status).entity(page("Report rejected: " + message, "Nothing was stored."))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private static String page(String heading, String detail) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Feedback</title></head>"
                + "<body><h1>" + DashboardPage.escape(heading) + "</h1>\n<p>" + DashboardPage.escape(detail)
                + "</p></body></html>\n";
    }

    /**
     * JSON body of an upload reply.
     *
     * @param status  {@code stored} or {@code rejected}
     * @param error   why the report was rejected, or null
     * @param report  what was stored, or null
     */
    @RegisterForReflection
    record Outcome(String status, String error, StoredReport report) {
    }
}
