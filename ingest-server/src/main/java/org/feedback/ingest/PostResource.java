package org.feedback.ingest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.feedback.report.ReportParseException;
import org.jboss.logging.Logger;

/**
 * {@code POST /post}: the upload endpoint of MariaDB's feedback plugin, also used by the agent and by
 * {@code curl -F data=@file}. The report is the multipart part named {@code data}.
 */
@Path("/post")
public class PostResource {

    private static final Logger LOG = Logger.getLogger(PostResource.class);

    @Inject
    ReportIngestor ingestor;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public Response postMultipart(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @Context Request request) {
        Replies replies = Replies.forRequest(request);
        Optional<byte[]> data;
        try {
            data = MultipartBody.part(body, MultipartBody.boundary(contentType), "data");
        } catch (MultipartBody.MalformedMultipartException e) {
            return replies.rejected(Response.Status.BAD_REQUEST, "malformed multipart body: " + e.getMessage());
        }
        if (data.isEmpty()) {
            return replies.rejected(Response.Status.BAD_REQUEST,
                    "no part named data; send the report as the form field data, as curl -F data=@report.txt does");
        }
        return ingest(data.get(), replies);
    }

    private Response ingest(byte[] report, Replies replies) {
        try {
            StoredReport stored = ingestor.ingest(report);
            LOG.debugf("stored report %d of server %s", stored.reportId(), stored.serverUid());
            return replies.stored(stored);
        } catch (ReportParseException e) {
            return replies.rejected(Response.Status.BAD_REQUEST, "not a valid report: " + e.getMessage());
        } catch (InvalidReportException e) {
            return replies.rejected(Response.Status.BAD_REQUEST, "not a valid report: " + e.getMessage());
        }
    }
}
