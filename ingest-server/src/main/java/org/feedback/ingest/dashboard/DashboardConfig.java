package org.feedback.ingest.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the public dashboard, under {@code feedback.dashboard}. */
@ConfigMapping(prefix = "feedback.dashboard")
public interface DashboardConfig {

    /**
     * Smallest group of servers the public views show on its own; smaller groups are folded into "other".
     * 1 shows every group.
     */
    @WithDefault("5")
    int minGroupSize();

    /**
     * How often the rollup job checks for reports that arrived since the last refresh. It is also the
     * delay before a new report shows on a small installation; the expression is read by the scheduler
     * as {@code feedback.dashboard.refresh-check-every}.
     */
    @WithDefault("5s")
    Duration refreshCheckEvery();

    /** Shortest time from the end of one refresh to the start of the next. */
    @WithDefault("5s")
    Duration refreshMinimumInterval();

    /**
     * Multiple of the last refresh's duration to wait before the next one, so that a large database does
     * not spend all its time refreshing: with 10, a refresh that took 1 minute is followed by 10 minutes
     * of rest.
     */
    @WithDefault("10")
    int refreshDurationFactor();

    /**
     * Upload rate, in reports per second measured between two checks, above which the server counts as
     * busy. A refresh takes one database core for its whole run, so while the server is busy the
     * refreshes wait at least {@link #busyRefreshInterval()} between them and uploads keep their latency.
     */
    @WithDefault("200")
    int busyAboveRate();

    /** Shortest time from the end of one refresh to the start of the next while the server is busy. */
    @WithDefault("5m")
    Duration busyRefreshInterval();
}
