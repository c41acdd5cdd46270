package org.feedback.ingest.dashboard;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedback.reporting.Chart;
import org.feedback.reporting.ChartData;
import org.feedback.reporting.Csv;
import org.feedback.reporting.DashboardQueries;
import org.feedback.reporting.Filter;
import org.feedback.reporting.PageLinks;
import org.feedback.reporting.Summary;

/**
 * The dashboard's numbers: one JSON and one CSV resource per chart, plus the summary and the active-server
 * counts. Every resource takes the filter parameters {@code days}, {@code flavor} and {@code major}.
 */
@Path("/api/v1/stats")
@Tag(name = "Statistics", description = "The numbers behind each dashboard chart, after small-group suppression")
@RegisterForReflection(targets = {Summary.class, Summary.Count.class, ChartData.Breakdown.class,
    ChartData.Group.class, ChartData.Series.class, ChartData.Week.class})
public class StatsResource {

    private static final String CHART_ID = "{chart: [a-z0-9_-]+}";

    @Inject
    Dashboards dashboards;

    /**
     * One chart in the list of charts.
     *
     * @param id     the chart's name in URLs
     * @param page   the page that shows it
     * @param title  its heading
     * @param kind   what it counts
     * @param json   the path of its JSON
     * @param csv    the path of its CSV
     */
    @RegisterForReflection
    public record ChartLink(String id, String page, String title, Chart.Kind kind, String json, String csv) {
    }

    /**
     * Servers active in one period.
     *
     * @param days     the period: the last {@code days} UTC days, today included
     * @param servers  distinct servers whose latest report arrived in it; {@code null} when the filter
     *                 selects fewer servers than the suppression threshold
     */
    @RegisterForReflection
    public record ActivePeriod(int days, Long servers) {
    }

    @GET
    @Path("summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Servers active in the last 30 days, by full version and by operating system")
    public Summary summary() throws SQLException {
        return dashboards.queries().summarize();
    }

    @GET
    @Path("charts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every chart with the paths of its JSON and CSV")
    public List<ChartLink> charts() {
        return Chart.ALL.stream().map(chart -> new ChartLink(chart.id(), chart.page().path(), chart.title(),
                chart.kind(), PageLinks.SERVER.json(chart, Filter.DEFAULT).orElseThrow(),
                PageLinks.SERVER.csv(chart, Filter.DEFAULT))).toList();
    }

    @GET
    @Path("active")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Distinct servers active in the last 7, 30 and 90 days")
    public List<ActivePeriod> active(@QueryParam("flavor") @Parameter(description = FLAVOR) String flavor,
                                     @QueryParam("major") @Parameter(description = MAJOR) String major)
            throws SQLException {
        List<Long> counts = dashboards.queries().activeServers(Dashboards.filter(null, flavor, major));
        List<ActivePeriod> periods = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            periods.add(new ActivePeriod(DashboardQueries.ACTIVE_PERIODS_DAYS.get(i), counts.get(i)));
        }
        return periods;
    }

    @GET
    @Path(CHART_ID)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The data of one chart: a breakdown (groups with servers and shares) or a weekly series")
    @APIResponse(responseCode = "200", description = "the chart's data",
            content = @Content(schema = @Schema(oneOf = {ChartData.Breakdown.class, ChartData.Series.class})))
    @APIResponse(responseCode = "400", description = "a filter parameter is invalid")
    @APIResponse(responseCode = "404", description = "no chart has that name")
    public ChartData chart(@PathParam("chart") @Parameter(description = CHART) String chart,
                           @QueryParam("days") @Parameter(description = DAYS) String days,
                           @QueryParam("flavor") @Parameter(description = FLAVOR) String flavor,
                           @QueryParam("major") @Parameter(description = MAJOR) String major) throws SQLException {
        return dashboards.queries().chart(Dashboards.chart(chart), Dashboards.filter(days, flavor, major));
    }

    @GET
    @Path(CHART_ID + ".csv")
    @Produces("text/csv")
    @Operation(summary = "The data of one chart as CSV; text cells that a spreadsheet would run as a formula"
            + " start with an apostrophe")
    @APIResponse(responseCode = "400", description = "a filter parameter is invalid")
    @APIResponse(responseCode = "404", description = "no chart has that name")
    public Response csv(@PathParam("chart") @Parameter(description = CHART) String chart,
                        @QueryParam("days") @Parameter(description = DAYS) String days,
                        @QueryParam("flavor") @Parameter(description = FLAVOR) String flavor,
                        @QueryParam("major") @Parameter(description = MAJOR) String major) throws SQLException {
        Chart found = Dashboards.chart(chart);
        ChartData data = dashboards.queries().chart(found, Dashboards.filter(days, flavor, major));
        return Response.ok(Csv.of(data), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + found.id() + ".csv\"").build();
    }

    private static final String CHART = "a chart id from GET /api/v1/stats/charts";
    private static final String DAYS = "servers whose latest report arrived in the last N UTC days (1 to 3660),"
            + " or 'all'; default 90";
    private static final String FLAVOR = "MariaDB, MySQL or Percona Server; default all";
    private static final String MAJOR = "major version number, for example 10 or 8; default all";
}
