package org.feedback.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.feedback.reporting.DashboardPage;
import org.feedback.reporting.DashboardQueries;
import org.feedback.reporting.Summary;

/** The public dashboard at {@code /} and the JSON behind it. */
@Path("/")
@RegisterForReflection(targets = {Summary.class, Summary.Count.class})
public class DashboardResource {

    @Inject
    DataSource dataSource;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() throws SQLException {
        return DashboardPage.render(summary());
    }

    @GET
    @Path("api/v1/stats/summary")
    @Produces(MediaType.APPLICATION_JSON)
    public Summary summary() throws SQLException {
        return new DashboardQueries(dataSource).summarize(Instant.now());
    }
}
