package org.feedback.ingest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /post}: the upload endpoint of MariaDB's feedback plugin, also used by the agent, by
 * MaxScale, by {@code curl -F data=@file} and by the form at {@code GET /post}. The report is the form field
 * {@code data}, sent as {@code multipart/form-data} (file or plain field) or
 * {@code application/x-www-form-urlencoded}.
 *
 * <p>The methods return a {@link CompletionStage}, so they run on the HTTP event loop: parsing and scrubbing
 * a report take well under a millisecond, and the request then waits for its commit without holding a
 * thread.
 */
@Path("/post")
@Tag(name = "upload")
public class PostResource {

    private static final String ACCEPTED = "multipart/form-data or application/x-www-form-urlencoded with the form field"
            + " data, or send a text/plain report with PUT /api/v1/reports";

    @Inject
    UploadHandler handler;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Upload a report as the multipart form field data (file or plain field)")
    public CompletionStage<Response> postMultipart(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                                   @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                                                   @Context Request request) {
        Replies replies = Replies.forRequest(request, userAgent);
        Optional<byte[]> data;
        try {
            data = MultipartBody.part(body, MultipartBody.boundary(contentType), "data");
        } catch (MultipartBody.MalformedMultipartException e) {
            return done(handler.malformed(replies, "malformed multipart body: " + e.getMessage()));
        }
        if (data.isEmpty()) {
            return done(handler.malformed(replies,
                    "no part named data; send the report as the form field data, as curl -F data=@report.txt does"));
        }
        return handler.handle(data.get(), replies, replies::stored);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Upload a report as the URL-encoded form field data")
    public CompletionStage<Response> postUrlEncoded(byte[] body, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                                                    @Context Request request) {
        Replies replies = Replies.forRequest(request, userAgent);
        Optional<byte[]> data;
        try {
            data = UrlEncodedForm.field(body, "data");
        } catch (IllegalArgumentException e) {
            return done(handler.malformed(replies, "malformed URL-encoded body: " + e.getMessage()));
        }
        if (data.isEmpty()) {
            return done(handler.malformed(replies, "no field named data; send the report as data=REPORT"));
        }
        return handler.handle(data.get(), replies, replies::stored);
    }

    /** Any other content type, or none: 415 with the usual reply, which the plugin can log. */
    @POST
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "Rejects uploads in any other content type with 415")
    public Response postOther(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context Request request) {
        return handler.unsupported(Replies.forRequest(request, null), contentType, ACCEPTED);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A form for uploading a report from a browser")
    public String form() {
        return UploadForm.HTML;
    }

    private static CompletionStage<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }
}
