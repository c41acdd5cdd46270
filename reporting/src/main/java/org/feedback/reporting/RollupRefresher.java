package org.feedback.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Rebuilds the rollups the dashboards read, {@code dashboard_breakdowns} and {@code dashboard_weekly},
 * from the per-server tables that {@link FactRecorder} keeps. One refresh is one transaction, so readers
 * see either the old rollups or the new ones.
 *
 * <p>Refreshes are serialised by a row lock on {@code dashboard_refresh}, so several ingest nodes may run
 * this job against one database: the second to get the lock finds the rollups current and skips.
 *
 * <p>Cost: the breakdown rebuild reads every row of {@code dashboard_server_values} (42 per server in the benchmark population),
 * and the weekly rebuild reads the last three weeks of {@code dashboard_server_weeks}; docs/benchmarks.md
 * has the times at one million servers.
 */
public final class RollupRefresher {

    /** Weeks of per-server activity kept after they are folded into {@code dashboard_weekly}. */
    static final int WEEKS_KEPT_BEFORE_CURRENT = 2;

    /** PostgreSQL's work_mem during a refresh; a few such areas are in use at once, so it stays well below RAM. */
    static final String POSTGRESQL_WORK_MEMORY = "256MB";

    private static final String LOCK = "SELECT refreshed_at, duration_millis, last_seen_watermark"
            + " FROM dashboard_refresh WHERE id = 1 FOR UPDATE";
    private static final String WATERMARK = "SELECT MAX(last_seen) FROM dashboard_servers";
    private static final String TOTALS = "INSERT INTO dashboard_breakdowns (last_seen_day, flavor, major_version,"
            + " dimension, label, servers) SELECT last_seen_day, flavor, major_version, '" + Dimension.TOTAL
            + "', ?, COUNT(*) FROM dashboard_servers %s GROUP BY last_seen_day, flavor, major_version";
    private static final String BREAKDOWNS = "INSERT INTO dashboard_breakdowns (last_seen_day, flavor,"
            + " major_version, dimension, label, servers, table_count, data_bytes)"
            + " SELECT s.last_seen_day, s.flavor, s.major_version, v.dimension, v.label, COUNT(*),"
            + " SUM(v.table_count), SUM(v.data_bytes)"
            + " FROM dashboard_server_values v JOIN dashboard_servers s ON s.server_id = v.server_id"
            + " GROUP BY s.last_seen_day, s.flavor, s.major_version, v.dimension, v.label";
    private static final String WEEKLY = "INSERT INTO dashboard_weekly (week_day, flavor, major_version,"
            + " major_minor, servers) SELECT week_day, flavor, major_version, major_minor, COUNT(*)"
            + " FROM dashboard_server_weeks GROUP BY week_day, flavor, major_version, major_minor";
    private static final String RECORD = "UPDATE dashboard_refresh SET refreshed_at = ?, duration_millis = ?,"
            + " last_seen_watermark = ? WHERE id = 1";

    private final DataSource dataSource;
    private final Clock clock;

    public RollupRefresher(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * What one call did.
     *
     * @param refreshed  whether the rollups were rebuilt; false when nothing had changed or it was too soon
     * @param duration   time the rebuild took, or that of the last rebuild when this call skipped it
     */
    public record Result(boolean refreshed, Duration duration) {
    }

    /** Rebuilds the rollups now, whether or not a report arrived since the last refresh. */
    public Result refresh() throws SQLException {
        return refresh(true, Duration.ZERO, 0);
    }

    /**
     * Rebuilds the rollups when a report arrived since the last refresh, and the last refresh ended at
     * least {@code minimumInterval} ago and at least {@code durationFactor} times its own duration ago.
     * The factor keeps a large database from spending all its time refreshing: at 1 minute per refresh and
     * a factor of 10, refreshes run at most every 11 minutes.
     */
    public Result refreshIfChanged(Duration minimumInterval, int durationFactor) throws SQLException {
        return refresh(false, minimumInterval, durationFactor);
    }

    private Result refresh(boolean always, Duration minimumInterval, int durationFactor) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            // On MariaDB, INSERT ... SELECT under REPEATABLE READ would lock the rows it reads, which would
            // block the ingest transactions for the whole refresh; READ COMMITTED reads a snapshot.
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(false);
            try {
                Result result = refreshLocked(connection, always, minimumInterval, durationFactor);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(isolation);
            }
        }
    }

    private Result refreshLocked(Connection connection, boolean always, Duration minimumInterval,
                                 int durationFactor) throws SQLException {
        long refreshedAt;
        long lastDurationMillis;
        long lastWatermark;
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(LOCK)) {
            row.next();
            refreshedAt = row.getLong(1);
            lastDurationMillis = row.getLong(2);
            lastWatermark = row.getLong(3);
        }
        long watermark = watermark(connection);
        Instant started = clock.instant();
        long wait = Math.max(minimumInterval.toMillis(), lastDurationMillis * durationFactor);
        boolean due = watermark != lastWatermark
                && started.toEpochMilli() - (refreshedAt * 1000 + lastDurationMillis) >= wait;
        if (!always && !due) {
            return new Result(false, Duration.ofMillis(lastDurationMillis));
        }

        raiseWorkMemory(connection);
        rebuildBreakdowns(connection);
        rebuildWeekly(connection, Days.weekOf(Days.dayOf(started.getEpochSecond())));
        Duration took = Duration.between(started, clock.instant());
        try (PreparedStatement record = connection.prepareStatement(RECORD)) {
            record.setLong(1, started.getEpochSecond());
            record.setLong(2, took.toMillis());
            record.setLong(3, watermark);
            record.executeUpdate();
        }
        return new Result(true, took);
    }

    /**
     * Lets PostgreSQL group the breakdowns in memory for this transaction only: with its default of 4 MB
     * per sort or hash, grouping a million servers' labels spills to disk many times over.
     */
    private static void raiseWorkMemory(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL work_mem = '" + POSTGRESQL_WORK_MEMORY + "'");
            }
        }
    }

    private static long watermark(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(WATERMARK)) {
            row.next();
            long max = row.getLong(1);
            return row.wasNull() ? -1 : max;
        }
    }

    private static void rebuildBreakdowns(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM dashboard_breakdowns");
            statement.executeUpdate(BREAKDOWNS);
        }
        insertTotals(connection, Dimension.ACTIVE, "");
        insertTotals(connection, Dimension.WITH_FACTS, "WHERE facts_time IS NOT NULL");
    }

    private static void insertTotals(Connection connection, String label, String where) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(TOTALS.formatted(where))) {
            insert.setString(1, label);
            insert.executeUpdate();
        }
    }

    /**
     * Recounts every week still held in {@code dashboard_server_weeks}, then drops the per-server rows of
     * weeks older than {@link #WEEKS_KEPT_BEFORE_CURRENT} before {@code currentWeek}: no report can arrive
     * for those weeks any more, and their counts stay in {@code dashboard_weekly}.
     *
     * <p>NOTE: a report stamped more than two weeks before the refresh (an ingest node whose clock is that
     * far behind) would make its week count only the servers recorded after the prune.
     */
    private static void rebuildWeekly(Connection connection, int currentWeek) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM dashboard_weekly WHERE week_day >="
                    + " (SELECT MIN(week_day) FROM dashboard_server_weeks)");
            statement.executeUpdate(WEEKLY);
        }
        try (PreparedStatement prune = connection.prepareStatement(
                "DELETE FROM dashboard_server_weeks WHERE week_day < ?")) {
            prune.setInt(1, currentWeek - 7 * WEEKS_KEPT_BEFORE_CURRENT);
            prune.executeUpdate();
        }
    }
}
