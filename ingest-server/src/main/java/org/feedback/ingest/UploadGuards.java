package org.feedback.ingest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks that run on upload requests before their body is read: the declared size against
 * {@code feedback.max-upload-size} (413), then the client's rate limit (429). A body sent without
 * {@code Content-Length} is measured once read, by {@link UploadHandler}.
 *
 * <p>RESTEasy creates filters while the application starts, before run-time configuration can be injected,
 * so this class reads the configuration through the application-scoped beans it injects.
 */
class UploadGuards {

    @Inject
    RateLimiter rateLimiter;

    @Inject
    UploadHandler handler;

    @ServerRequestFilter
    public Response guardUpload(ContainerRequestContext request, HttpServerRequest http) {
        if (!isUpload(request)) {
            return null;
        }
        Replies replies = request.getUriInfo().getPath().startsWith("/api/") ? Replies.json()
                : Replies.forRequest(request.getRequest(), request.getHeaderString(HttpHeaders.USER_AGENT));
        long declaredBytes = declaredLength(request);
        if (declaredBytes > handler.maxUploadBytes()) {
            return handler.tooLarge(replies, declaredBytes);
        }
        long retryAfterSeconds = rateLimiter.acquire(http.remoteAddress().hostAddress());
        if (retryAfterSeconds > 0) {
            handler.rejected(IngestMetrics.RejectReason.RATE_LIMITED, "too many uploads from one client address");
            return replies.retryLater(Response.Status.TOO_MANY_REQUESTS,
                    "too many uploads from one address; a server sends a few reports a week", retryAfterSeconds);
        }
        return null;
    }

    private static boolean isUpload(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String method = request.getMethod();
        return HttpMethod.POST.equals(method) && "/post".equals(path)
                || HttpMethod.PUT.equals(method) && "/api/v1/reports".equals(path);
    }

    private static long declaredLength(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
