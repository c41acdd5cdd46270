package org.feedback.ingest.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import javax.sql.DataSource;
import org.feedback.reporting.Chart;
import org.feedback.reporting.DashboardQueries;
import org.feedback.reporting.Filter;

/** The dashboard queries with this server's settings, and the request checks the resources share. */
@ApplicationScoped
public class Dashboards {

    @Inject
    DataSource dataSource;

    @Inject
    DashboardConfig config;

    DashboardQueries queries() {
        return new DashboardQueries(dataSource, config.minGroupSize(), Clock.systemUTC());
    }

    /** Parses the filter parameters, or fails the request with 400 and the reason. */
    static Filter filter(String days, String flavor, String major) {
        try {
            return Filter.parse(days, flavor, major);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.TEXT_PLAIN_TYPE).entity(e.getMessage()).build());
        }
    }

    /** Returns the chart named {@code id}, or fails the request with 404. */
    static Chart chart(String id) {
        return Chart.byId(id).orElseThrow(() -> new NotFoundException(Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity("no chart is named '" + id + "'; GET /api/v1/stats/charts lists them").build()));
    }
}
