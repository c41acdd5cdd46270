package org.feedback.ingest.dashboard;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
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
    @Path("versions")
    @Operation(summary = "Servers by flavor, major.minor and full version, and adoption per week")
    public String versions(@QueryParam("days") String days, @QueryParam("flavor") String flavor,
                           @QueryParam("major") String major) throws SQLException {
        return render(Page.VERSIONS, days, flavor, major);
    }

    @GET
    @Path("platform")
    @Operation(summary = "Operating systems, distributions, kernels, architectures and virtualisation")
    public String platform(@QueryParam("days") String days, @QueryParam("flavor") String flavor,
                           @QueryParam("major") String major) throws SQLException {
        return render(Page.PLATFORM, days, flavor, major);
    }

    @GET
    @Path("hardware")
    @Operation(summary = "CPUs, cores, sockets, CPU vendors and models, and memory sizes")
    public String hardware(@QueryParam("days") String days, @QueryParam("flavor") String flavor,
                           @QueryParam("major") String major) throws SQLException {
        return render(Page.HARDWARE, days, flavor, major);
    }

    @GET
    @Path("usage")
    @Operation(summary = "Storage engines, plugins, features, collations and chosen settings")
    public String usage(@QueryParam("days") String days, @QueryParam("flavor") String flavor,
                        @QueryParam("major") String major) throws SQLException {
        return render(Page.USAGE, days, flavor, major);
    }

    private String render(Page page, String days, String flavor, String major) throws SQLException {
        return DashboardPages.render(dashboards.queries().page(page, Dashboards.filter(days, flavor, major)),
                PageLinks.SERVER);
    }
}
