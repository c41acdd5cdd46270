package org.feedback.ingest.dashboard;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedback.reporting.DashboardPages;
import org.feedback.reporting.Page;
import org.feedback.reporting.PageLinks;

/**
 * The public dashboard pages. Each takes the filter parameters {@code days} (a number of days or
 * {@code all}), {@code flavor} and {@code major}.
 */
@Path("/")
@Tag(name = "Dashboard pages", description = "HTML pages with charts and data tables")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @Inject
    Dashboards dashboards;

    @GET
    @Operation(summary = "Overview: active servers, weekly activity, versions and operating systems")
    public String overview(@QueryParam("days") String days, @QueryParam("flavor") String flavor,
                           @QueryParam("major") String major) throws SQLException {
        return render(Page.OVERVIEW, days, flavor, major);
    }

    @GET
    @Path("{page: versions|platform|hardware|usage}")
    @Operation(summary = "Versions and their adoption per week; platform (operating systems, kernels, architectures,"
            + " virtualisation); hardware (CPUs, memory); usage (engines, plugins, features, collations, settings)")
    public String page(@PathParam("page") String path, @QueryParam("days") String days,
                       @QueryParam("flavor") String flavor, @QueryParam("major") String major) throws SQLException {
        Page page = Arrays.stream(Page.values()).filter(candidate -> candidate.path().equals(path)).findFirst()
                .orElseThrow(NotFoundException::new);
        return render(page, days, flavor, major);
    }

    private String render(Page page, String days, String flavor, String major) throws SQLException {
        return DashboardPages.render(dashboards.queries().page(page, Dashboards.filter(days, flavor, major)),
                PageLinks.SERVER);
    }
}
