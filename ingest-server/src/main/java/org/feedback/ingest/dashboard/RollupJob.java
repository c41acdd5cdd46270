package org.feedback.ingest.dashboard;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.feedback.ingest.ReportStore;
import org.feedback.reporting.RollupRefresher;
import org.jboss.logging.Logger;

/**
 * Rebuilds the dashboard rollups on a schedule: every {@code feedback.dashboard.refresh-check-every} it
 * checks whether a report arrived since the last refresh, and rebuilds when one did and the rest time
 * after the last rebuild is over (see {@link DashboardConfig}). While uploads arrive faster than
 * {@code feedback.dashboard.busy-above-rate}, the rest lasts at least
 * {@code feedback.dashboard.busy-refresh-interval}, so that a burst of uploads does not share the
 * database with a rebuild every few seconds.
 */
@ApplicationScoped
public class RollupJob {

    private static final Logger LOG = Logger.getLogger(RollupJob.class);

    @Inject
    DataSource dataSource;

    @Inject
    DashboardConfig config;

    @Inject
    ReportStore store;

    private long uploadsAtLastCheck = -1;
    private long lastCheckNanos;

    void onStart(@Observes StartupEvent start) {
        check();
    }

    @Scheduled(every = "${feedback.dashboard.refresh-check-every:5s}", delayed = "${feedback.dashboard.refresh-check-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        refreshIfDue();
    }

    /** Refreshes the rollups when they are due and returns whether it did. */
    synchronized boolean refreshIfDue() {
        Duration minimumInterval = config.refreshMinimumInterval();
        if (busySinceLastCheck() && config.busyRefreshInterval().compareTo(minimumInterval) > 0) {
            minimumInterval = config.busyRefreshInterval();
        }
        try {
            RollupRefresher.Result result = refresher().refreshIfChanged(minimumInterval, config.refreshDurationFactor());
            if (result.refreshed()) {
                LOG.debugf("Dashboard rollups refreshed in %d ms", result.duration().toMillis());
            }
            return result.refreshed();
        } catch (SQLException | RuntimeException e) {
            LOG.error("Refreshing the dashboard rollups failed; the dashboard shows the previous numbers", e);
            return false;
        }
    }

    /** Returns whether more than {@code busy-above-rate} uploads a second were committed since the last check. */
    private boolean busySinceLastCheck() {
        long uploads = store.committedUploads();
        long now = System.nanoTime();
        boolean busy = uploadsAtLastCheck >= 0
                && (uploads - uploadsAtLastCheck) * 1e9 / Math.max(1, now - lastCheckNanos) > config.busyAboveRate();
        uploadsAtLastCheck = uploads;
        lastCheckNanos = now;
        return busy;
    }

    /** Rebuilds the rollups now, whether or not anything changed; for tests and administrators. */
    public RollupRefresher.Result refreshNow() throws SQLException {
        return refresher().refresh();
    }

    private RollupRefresher refresher() {
        return new RollupRefresher(dataSource, Clock.systemUTC());
    }
}
