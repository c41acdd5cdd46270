package org.feedback.ingest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Lets a request to {@link AdminResource} through only with {@code Authorization: Bearer KEY} naming one of
 * the configured admin keys; every other request there gets 401. The filter runs after matching and checks
 * the matched class rather than the path, so no spelling of the path can bypass it.
 */
class AdminAuthFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    AdminKeys keys;

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource.getResourceClass() != AdminResource.class) {
            return null;
        }
        if (!keys.configured()) {
            return unauthorized("the admin API is disabled because no key is configured;"
                    + " set feedback.admin.api-keys (environment FEEDBACK_ADMIN_API_KEYS) and restart");
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized("send an admin API key as Authorization: Bearer KEY");
        }
        if (!keys.matches(authorization.substring(BEARER.length()).strip())) {
            return unauthorized("the API key is not valid");
        }
        return null;
    }

    private static Response unauthorized(String message) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"feedback-admin\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Replies.Outcome("rejected", message, null))
                .build();
    }
}
