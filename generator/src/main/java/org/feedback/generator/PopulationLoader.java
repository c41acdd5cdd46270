package org.feedback.generator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedback.report.ServerFacts;
import org.feedback.reporting.FactLabel;
import org.feedback.reporting.FactLabels;

/**
 * Writes a synthetic population straight into the dashboard's per-server tables, as the ingest server's
 * observer would have left them after a year of weekly reports: one {@code dashboard_servers} row and the
 * labels of the latest report per server, the last three weeks of {@code dashboard_server_weeks}, and the
 * weekly counts of older weeks in {@code dashboard_weekly}, which the refresh job would already have
 * folded. Raw reports are not written: the dashboards never read them.
 */
final class PopulationLoader {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final int WEEKS_OF_SERVER_ROWS = 3;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final long seed;
    private final int servers;
    private final int weeks;
    private final Instant now;

    PopulationLoader(String jdbcUrl, String user, String password, long seed, int servers, int weeks, Instant now) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.seed = seed;
        this.servers = servers;
        this.weeks = weeks;
        this.now = now;
    }

    /** Counts of what {@link #load} wrote. */
    record Loaded(long servers, long values, long serverWeeks, long weeklyRows, Duration took) {
    }

    private record WeekKey(int weekDay, String flavor, Integer major, String majorMinor) {
    }

    Loaded load() throws Exception {
        Instant started = Instant.now();
        try (Connection admin = connect()) {
            prepare(admin);
        }
        Map<WeekKey, Long> olderWeeks = new HashMap<>();
        long[] counts;
        try (Connection serverConnection = connect(); Connection valueConnection = connect();
             Connection weekConnection = connect();
             CopyStream serverRows = new CopyStream(serverConnection, "dashboard_servers",
                     "server_id, server_uid, first_seen, last_seen, last_seen_day, facts_time, flavor, major_version, major_minor");
             CopyStream valueRows = new CopyStream(valueConnection, "dashboard_server_values",
                     "server_id, dimension, label, table_count, data_bytes");
             CopyStream weekRows = new CopyStream(weekConnection, "dashboard_server_weeks",
                     "week_day, server_id, flavor, major_version, major_minor")) {
            for (int i = 0; i < servers; i++) {
                writeServer(new SyntheticServer(seed, i, weeks), serverRows, valueRows, weekRows, olderWeeks);
                if ((i + 1) % 100_000 == 0) {
                    System.out.printf("  %,d servers generated%n", i + 1);
                }
            }
            counts = new long[] {serverRows.rows(), valueRows.rows(), weekRows.rows()};
        }
        try (Connection connection = connect()) {
            writeOlderWeeks(connection, olderWeeks);
            finish(connection);
        }
        return new Loaded(counts[0], counts[1], counts[2], olderWeeks.size(), Duration.between(started, Instant.now()));
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Empties the dashboard tables and drops the index that is faster to build after the load. */
    private static void prepare(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE dashboard_servers, dashboard_server_values, dashboard_server_weeks,"
                    + " dashboard_breakdowns, dashboard_weekly");
            statement.execute("UPDATE dashboard_refresh SET refreshed_at = 0, duration_millis = 0, last_seen_watermark = -1");
            statement.execute("DROP INDEX IF EXISTS dashboard_server_values_server");
        }
    }

    private void writeServer(SyntheticServer server, CopyStream serverRows, CopyStream valueRows, CopyStream weekRows,
                             Map<WeekKey, Long> olderWeeks) {
        int today = (int) Math.floorDiv(now.getEpochSecond(), SECONDS_PER_DAY);
        int currentWeekDay = today - Math.floorMod(today + 3, 7);
        long firstSeen = -1;
        long lastSeen = -1;
        int lastWeek = -1;
        for (int week = server.firstWeek; week <= server.lastWeek; week++) {
            int weekDay = currentWeekDay - 7 * (weeks - 1 - week);
            long reportedAt = (weekDay + server.weekday) * SECONDS_PER_DAY + server.secondOfDay;
            if (reportedAt > now.getEpochSecond()) {
                break;
            }
            firstSeen = firstSeen < 0 ? reportedAt : firstSeen;
            lastSeen = reportedAt;
            lastWeek = week;
            if (weekDay >= currentWeekDay - 7 * (WEEKS_OF_SERVER_ROWS - 1)) {
                weekRows.write(weekDay, server.index + 1, server.flavorAt(week), server.majorAt(week), server.majorMinorAt(week));
            } else {
                olderWeeks.merge(new WeekKey(weekDay, server.flavorAt(week), server.majorAt(week), server.majorMinorAt(week)),
                        1L, Long::sum);
            }
        }
        if (lastWeek < 0) {
            return;  // installed this week, first report not due yet
        }
        long id = server.index + 1L;
        serverRows.write(id, server.serverUid(), firstSeen, lastSeen, Math.floorDiv(lastSeen, SECONDS_PER_DAY),
                server.noticesOnly ? null : lastSeen, server.flavorAt(lastWeek), server.majorAt(lastWeek),
                server.majorMinorAt(lastWeek));
        if (!server.noticesOnly) {
            List<FactLabel> labels = FactLabels.of(ServerFacts.from(server.latestReport(lastSeen)));
            for (FactLabel label : labels) {
                valueRows.write(id, label.dimension(), label.label(), label.tableCount(), label.dataBytes());
            }
        }
    }

    private static void writeOlderWeeks(Connection connection, Map<WeekKey, Long> olderWeeks) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dashboard_weekly"
                + " (week_day, flavor, major_version, major_minor, servers) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<WeekKey, Long> week : olderWeeks.entrySet()) {
                insert.setInt(1, week.getKey().weekDay());
                insert.setString(2, week.getKey().flavor());
                insert.setObject(3, week.getKey().major(), java.sql.Types.INTEGER);
                insert.setString(4, week.getKey().majorMinor());
                insert.setLong(5, week.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void finish(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX dashboard_server_values_server ON dashboard_server_values (server_id)");
            statement.execute("SELECT setval(pg_get_serial_sequence('dashboard_servers', 'server_id'),"
                    + " (SELECT MAX(server_id) FROM dashboard_servers))");
            statement.execute("ANALYZE dashboard_servers");
            statement.execute("ANALYZE dashboard_server_values");
            statement.execute("ANALYZE dashboard_server_weeks");
            statement.execute("ANALYZE dashboard_weekly");
        }
    }
}
