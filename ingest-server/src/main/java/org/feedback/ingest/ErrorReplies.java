package org.feedback.ingest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Replies to an unexpected failure with a plain 500 that names no class and shows no stack trace; the
 * log gets the exception.
 */
class ErrorReplies {

    private static final Logger LOG = Logger.getLogger(ErrorReplies.class);

    @ServerExceptionMapper
    public Response unexpected(Exception failure) {
        if (failure instanceof WebApplicationException web) {
            return web.getResponse();
        }
        LOG.error("a request failed unexpectedly", failure);
        return Response.serverError().type(MediaType.TEXT_PLAIN_TYPE)
                .entity("Internal server error: the request failed on the server; the server log has the details.\n")
                .build();
    }
}
