package org.feedback.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.feedback.report.ServerFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records one mixed group of reports with {@link FactRecorder#recordAll} and checks that the dashboard
 * tables end up exactly as when the same reports are recorded one at a time, on H2, PostgreSQL and MariaDB.
 * The one-at-a-time results are themselves checked against hand-worked counts in {@link AggregationTest}.
 */
class FactRecorderGroupTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    /** Servers the dashboards know before the group arrives. */
    private static final List<FactRecorder.Arrival> EARLIER = List.of(
            arrival(Duration.ofDays(10), Reports.mariadb("known-a", "10.11.9")),
            arrival(Duration.ofDays(1), Reports.mysql("known-b", "8.0.36")),
            arrival(Duration.ofDays(1), Reports.percona("known-f", "8.0.36")));

    /**
     * The group: notices and full reports of known and new servers, two reports of one server in the
     * same second, two reports of one server in different weeks, and a full report older than the
     * server's last activity.
     */
    private static final List<FactRecorder.Arrival> GROUP = List.of(
            arrival(Duration.ofHours(2), Reports.startupNotice("known-a")),
            arrival(Duration.ofHours(1), Reports.mysql("known-a", "8.4.3")),
            arrival(Duration.ofHours(1), Reports.startupNotice("known-b")),
            arrival(Duration.ofHours(3), Reports.mariadb("new-c", "10.11.9")),
            arrival(Duration.ofHours(3), Reports.mariadb("new-c", "11.4.3")),
            arrival(Duration.ofMinutes(5), Reports.startupNotice("new-d")),
            arrival(Duration.ofDays(8), Reports.mariadb("new-e", "10.6.19")),
            arrival(Duration.ofMinutes(1), Reports.startupNotice("new-e")),
            arrival(Duration.ofDays(20), Reports.mysql("known-f", "5.7.44")));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recordAll_mixedGroup_sameTablesAsOneByOne(TestDatabase database) throws SQLException {
        DataSource dataSource = database.emptySchema();
        record(dataSource, EARLIER, false);
        record(dataSource, GROUP, false);
        List<String> oneByOne = tables(dataSource);

        dataSource = database.emptySchema();
        record(dataSource, EARLIER, false);
        record(dataSource, GROUP, true);
        List<String> grouped = tables(dataSource);

        // Worked out by hand: NOW is day 20789, in the week of Monday day 20787.
        assertThat(oneByOne).contains(
                "server known-a | 1795348800 | 1796209200 | 20789 | 1796209200 | MySQL | 8 | 8.4",
                "server new-c | 1796202000 | 1796202000 | 20789 | 1796202000 | MariaDB | 11 | 11.4",
                "server new-d | 1796212500 | 1796212500 | 20789 | null | null | null | null",
                "week 20773 known-a | MariaDB | 10 | 10.11",
                "week 20787 known-a | MySQL | 8 | 8.4",
                "week 20780 new-e | MariaDB | 10 | 10.6",
                "week 20787 new-e | MariaDB | 10 | 10.6",
                "week 20787 known-f | Percona Server | 8 | 8.0",
                "week 20766 known-f | MySQL | 5 | 5.7");
        assertThat(grouped).isEqualTo(oneByOne);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recordAll_sameLabelsNewEngineSizes_sameTablesAsFirstReport(TestDatabase database) throws SQLException {
        ServerFacts lastWeek = withEngines("weekly", "12", "4096");
        ServerFacts thisWeek = withEngines("weekly", "15", "8192");
        DataSource dataSource = database.emptySchema();
        record(dataSource, List.of(arrival(Duration.ofDays(7), lastWeek)), true);
        record(dataSource, List.of(arrival(Duration.ofDays(1), thisWeek)), true);
        List<String> updated = values(tables(dataSource));

        dataSource = database.emptySchema();
        record(dataSource, List.of(arrival(Duration.ofDays(1), thisWeek)), true);
        List<String> fresh = values(tables(dataSource));

        assertThat(updated).contains("value weekly | engine | InnoDB | 15 | 8192", "value weekly | engine | Aria | 3 | 100")
                .isEqualTo(fresh);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recordAll_changedLabels_oldLabelsGone(TestDatabase database) throws SQLException {
        DataSource dataSource = database.emptySchema();
        record(dataSource, List.of(arrival(Duration.ofDays(7), Reports.mariadb("upgraded", "10.11.9"))), true);
        record(dataSource, List.of(arrival(Duration.ofDays(1), Reports.mariadb("upgraded", "11.4.3"))), true);

        assertThat(values(tables(dataSource))).contains("value upgraded | version | 11.4.3-MariaDB | null | null")
                .noneMatch(row -> row.contains("10.11"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recordAll_maxScaleReport_notCountedAsServer(TestDatabase database) throws SQLException {
        ServerFacts maxScale = ServerFacts.from(org.feedback.report.Report.builder()
                .add("FEEDBACK_SERVER_UID", "5a1e5f0c9d2b4e7a8c3f6b1d0e9a2c4b7f8e1d3a")
                .add("VERSION", "2.5.29").add("PRODUCT", "maxscale").add("Uname_sysname", "Linux").build());
        DataSource dataSource = database.emptySchema();

        record(dataSource, List.of(arrival(Duration.ofHours(1), Reports.mariadb("database", "10.11.9")),
                arrival(Duration.ofHours(1), maxScale)), true);

        assertThat(tables(dataSource)).anyMatch(row -> row.startsWith("server database "))
                .noneMatch(row -> row.contains("5a1e5f0c9d2b4e7a8c3f6b1d0e9a2c4b7f8e1d3a"));
    }

    private static ServerFacts withEngines(String uid, String innodbTables, String innodbBytes) {
        return ServerFacts.from(Reports.full(uid, "10.11.9-MariaDB", "mariadb.org binary distribution")
                .add("Engine InnoDB tables", innodbTables).add("Engine InnoDB bytes", innodbBytes)
                .add("Engine Aria tables", "3").add("Engine Aria bytes", "100").build());
    }

    private static List<String> values(List<String> rows) {
        return rows.stream().filter(row -> row.startsWith("value ")).toList();
    }

    private static FactRecorder.Arrival arrival(Duration ago, ServerFacts facts) {
        return new FactRecorder.Arrival(NOW.minus(ago).getEpochSecond(), facts);
    }

    private static void record(DataSource dataSource, List<FactRecorder.Arrival> arrivals, boolean asOneGroup)
            throws SQLException {
        FactRecorder recorder = new FactRecorder();
        try (Connection connection = dataSource.getConnection()) {
            if (asOneGroup) {
                recorder.recordAll(connection, arrivals);
                return;
            }
            for (FactRecorder.Arrival arrival : arrivals) {
                recorder.record(connection, arrival.receivedAt(), arrival.facts());
            }
        }
    }

    /** Returns every per-server dashboard row as text, naming servers by their id in the reports, sorted. */
    private static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            addRows(statement, "server ", "SELECT server_uid, first_seen, last_seen, last_seen_day, facts_time, flavor,"
                    + " major_version, major_minor FROM dashboard_servers", rows);
            addRows(statement, "value ", "SELECT s.server_uid, v.dimension, v.label, v.table_count, v.data_bytes"
                    + " FROM dashboard_server_values v JOIN dashboard_servers s ON s.server_id = v.server_id", rows);
            addRows(statement, "week ", "SELECT w.week_day, s.server_uid, w.flavor, w.major_version, w.major_minor"
                    + " FROM dashboard_server_weeks w JOIN dashboard_servers s ON s.server_id = w.server_id", rows);
        }
        rows.sort(null);
        return rows;
    }

    private static void addRows(Statement statement, String prefix, String query, List<String> rows) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder(prefix);
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    row.append(column == 1 ? "" : column == 2 && prefix.equals("week ") ? " " : " | ")
                            .append(result.getString(column));
                }
                rows.add(row.toString());
            }
        }
    }
}
