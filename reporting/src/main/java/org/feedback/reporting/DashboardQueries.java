package org.feedback.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Computes the dashboard's numbers from the {@code servers} table, which contains one row per server with
 * its latest facts and its {@code last_seen} time in seconds since the Unix epoch. The SQL is plain enough
 * to run unchanged on H2, PostgreSQL and MariaDB.
 */
public final class DashboardQueries {

    /** The period the dashboard counts active servers over. */
    public static final Duration ACTIVE_PERIOD = Duration.ofDays(30);

    private static final String COUNT_ACTIVE = "SELECT COUNT(*) FROM servers WHERE last_seen >= ?";
    private static final String BY_VERSION = "SELECT version, COUNT(*) FROM servers WHERE last_seen >= ?"
            + " GROUP BY version ORDER BY COUNT(*) DESC, version";
    private static final String BY_OS = "SELECT COALESCE(distribution, os_name), COUNT(*) FROM servers"
            + " WHERE last_seen >= ? GROUP BY COALESCE(distribution, os_name) ORDER BY COUNT(*) DESC, 1";

    private final DataSource dataSource;

    public DashboardQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns the summary of servers seen in the {@link #ACTIVE_PERIOD} before {@code now}. */
    public Summary summarize(Instant now) throws SQLException {
        Instant since = now.minus(ACTIVE_PERIOD);
        try (Connection connection = dataSource.getConnection()) {
            long active = count(connection, since);
            List<Summary.Count> byVersion = groups(connection, BY_VERSION, since);
            List<Summary.Count> byOs = groups(connection, BY_OS, since);
            return new Summary(since, active, byVersion, byOs);
        }
    }

    private static long count(Connection connection, Instant since) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COUNT_ACTIVE)) {
            statement.setLong(1, since.getEpochSecond());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<Summary.Count> groups(Connection connection, String sql, Instant since) throws SQLException {
        List<Summary.Count> groups = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, since.getEpochSecond());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String label = rows.getString(1);
                    groups.add(new Summary.Count(label == null ? Summary.UNKNOWN : label, rows.getLong(2)));
                }
            }
        }
        return groups;
    }
}
