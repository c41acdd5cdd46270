package org.feedback.ingest.dashboard;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.feedback.reporting.RollupRefresher;
import org.jboss.logging.Logger;

/**
 * Rebuilds the dashboard rollups on a schedule: every {@code feedback.dashboard.refresh-check-every} it
 * checks whether a report arrived since the last refresh, and rebuilds when one did and the rest time
 * after the last rebuild is over (see {@link DashboardConfig}).
 */
@ApplicationScoped
public class RollupJob {

    private static final Logger LOG = Logger.getLogger(RollupJob.class);

    @Inject
    DataSource dataSource;

    @Inject
    DashboardConfig config;

    void onStart(@Observes StartupEvent start) {
        check();
    }

    @Scheduled(every = "${feedback.dashboard.refresh-check-every:5s}", delayed = "${feedback.dashboard.refresh-check-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            RollupRefresher.Result result = refresher().refreshIfChanged(config.refreshMinimumInterval(),
                    config.refreshDurationFactor());
            if (result.refreshed()) {
                LOG.debugf("Dashboard rollups refreshed in %d ms", result.duration().toMillis());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("Refreshing the dashboard rollups failed; the dashboard shows the previous numbers", e);
        }
    }

    /** Rebuilds the rollups now, whether or not anything changed; for tests and administrators. */
    public RollupRefresher.Result refreshNow() throws SQLException {
        return refresher().refresh();
    }

    private RollupRefresher refresher() {
        return new RollupRefresher(dataSource, Clock.systemUTC());
    }
}
