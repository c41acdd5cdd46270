package org.feedback.ingest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The admin API: raw reports of a server, erasure of a server's data, and retention on demand. Every call
 * needs an API key ({@link AdminAuthFilter}). Server ids are query parameters because base64 ids contain
 * {@code /}, which does not survive in a path segment.
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityScheme(securitySchemeName = "adminKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key from feedback.admin.api-keys")
@SecurityRequirement(name = "adminKey")
public class AdminResource {

    private static final Logger LOG = Logger.getLogger(AdminResource.class);

    @Inject
    ReportArchive archive;

    @Inject
    RetentionJob retention;

    @GET
    @Path("reports")
    @Operation(summary = "List the stored reports of one server, newest first (at most 1000)")
    public Response list(@QueryParam("server") String serverUid) {
        if (serverUid == null || serverUid.isBlank()) {
            return missingServer();
        }
        List<ReportArchive.ReportInfo> reports = archive.list(serverUid);
        if (reports.isEmpty() && looksDecodedFromPlus(serverUid)) {
            return plusNotEncoded(serverUid);
        }
        return Response.ok(reports).build();
    }

    @GET
    @Path("reports/{id}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Fetch one stored report as scrubbed text in the escaped report format")
    public Response fetch(@PathParam("id") String id) {
        long reportId;
        try {
            reportId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("report id '" + id + "' is not a number; take the id from the list of a server's reports\n")
                    .build();
        }
        return archive.text(reportId)
                .map(text -> Response.ok(text, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE)
                        .entity("no report with id " + reportId + "\n").build());
    }

    @DELETE
    @Path("servers")
    @Operation(summary = "Delete every raw report and the server row of one server id (right to erasure)")
    public Response erase(@QueryParam("server") String serverUid) {
        if (serverUid == null || serverUid.isBlank()) {
            return missingServer();
        }
        ReportArchive.Erasure erasure = archive.erase(serverUid);
        boolean foundNothing = erasure.reportsDeleted() == 0 && !erasure.serverDeleted();
        if (foundNothing && looksDecodedFromPlus(serverUid)) {
            return plusNotEncoded(serverUid);
        }
        if (foundNothing) {
            LOG.infof("erasure of server %s found no data", serverUid);
        } else {
            LOG.infof("erased server %s: %d reports deleted", serverUid, erasure.reportsDeleted());
        }
        return Response.ok(erasure).build();
    }

    @POST
    @Path("retention")
    @Operation(summary = "Delete raw reports older than feedback.retention.max-age now")
    public RetentionJob.Outcome runRetention() {
        return retention.run();
    }

    /**
     * Returns whether {@code serverUid} contains a space. Server ids are base64 and contain no spaces, but
     * they do contain {@code +}, which a URL query decodes to a space unless it is sent as {@code %2B}.
     */
    private static boolean looksDecodedFromPlus(String serverUid) {
        return serverUid.indexOf(' ') >= 0;
    }

    private static Response plusNotEncoded(String serverUid) {
        LOG.infof("rejected an admin call for server id '%s': no such server, and the space is likely an unencoded +",
                serverUid);
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(new Replies.Outcome("rejected", "no server has the id '" + serverUid + "', and a server id"
                        + " contains no spaces: a '+' in the id must be sent as %2B in the URL (server="
                        + serverUid.replace(" ", "%2B") + "), or use curl --data-urlencode with -G", null))
                .build();
    }

    private static Response missingServer() {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(new Replies.Outcome("rejected", "the query parameter server (a server id) is missing", null))
                .build();
    }
}
