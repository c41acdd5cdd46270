package org.feedback.ingest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code PUT /api/v1/reports}: the REST form of the upload, with the report as a {@code text/plain} body.
 * Replies 201 with the new report's id, or 200 with the stored copy's id for a resend; errors as for
 * {@code POST /post}, always as JSON.
 */
@Path("/api/v1/reports")
@Tag(name = "upload")
public class ReportsResource {

    @Inject
    UploadHandler handler;

    @PUT
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload one report as the text/plain body; 201 with the stored report's id")
    public CompletionStage<Response> put(byte[] report, @Context UriInfo uri) {
        Replies replies = Replies.json();
        UriBuilder location = uri.getBaseUriBuilder().path("api/v1/admin/reports/{id}");
        return handler.handle(report, replies, stored -> replies.created(stored, location.build(stored.reportId())));
    }

    /** Any other content type, or none: 415. */
    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rejects uploads in any other content type with 415")
    public Response putOther(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return handler.unsupported(Replies.json(), contentType, "the report as a text/plain body");
    }
}
