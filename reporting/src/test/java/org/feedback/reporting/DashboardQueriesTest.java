package org.feedback.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the dashboard queries on an in-memory H2 database holding a hand-made population. */
class DashboardQueriesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private Connection keepAlive;
    private DataSource dataSource;

    @BeforeEach
    void createServersTable() throws SQLException {
        String url = "jdbc:h2:mem:dashboard" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        keepAlive = DriverManager.getConnection(url);
        try (Statement statement = keepAlive.createStatement()) {
            // The columns the queries read, as the ingest server's migration creates them.
            statement.execute("CREATE TABLE servers (server_uid VARCHAR(64) PRIMARY KEY, last_seen BIGINT NOT NULL,"
                    + " version VARCHAR(128), os_name VARCHAR(64), distribution VARCHAR(128))");
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        dataSource = h2;
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        keepAlive.close();
    }

    @Test
    void summarize_countsOnlyServersSeenInLast30Days() throws SQLException {
        insert("a", NOW.minus(Duration.ofDays(1)), "10.11.19-MariaDB", "Linux", "Debian GNU/Linux 12 (bookworm)");
        insert("b", NOW.minus(Duration.ofDays(29)), "10.11.19-MariaDB", "Linux", "Debian GNU/Linux 12 (bookworm)");
        insert("c", NOW.minus(Duration.ofDays(2)), "8.0.36", "Linux", null);
        insert("old", NOW.minus(Duration.ofDays(31)), "5.5.68-MariaDB", "Linux", "CentOS Linux 7");

        Summary summary = new DashboardQueries(dataSource).summarize(NOW);

        assertThat(summary.activeServers()).isEqualTo(3);
        assertThat(summary.byVersion()).containsExactly(
                new Summary.Count("10.11.19-MariaDB", 2), new Summary.Count("8.0.36", 1));
        assertThat(summary.byOs()).containsExactly(
                new Summary.Count("Debian GNU/Linux 12 (bookworm)", 2), new Summary.Count("Linux", 1));
    }

    @Test
    void summarize_serverWithoutVersion_countedAsUnknown() throws SQLException {
        insert("notice-only", NOW.minus(Duration.ofHours(1)), null, null, null);

        Summary summary = new DashboardQueries(dataSource).summarize(NOW);

        assertThat(summary.activeServers()).isEqualTo(1);
        assertThat(summary.byVersion()).containsExactly(new Summary.Count(Summary.UNKNOWN, 1));
        assertThat(summary.byOs()).containsExactly(new Summary.Count(Summary.UNKNOWN, 1));
    }

    @Test
    void render_escapesReportText() {
        Summary summary = new Summary(NOW, 1,
                List.of(new Summary.Count("<script>alert(1)</script>", 1)), List.of());

        String html = DashboardPage.render(summary);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    private void insert(String uid, Instant lastSeen, String version, String osName, String distribution) throws SQLException {
        try (PreparedStatement insert = keepAlive.prepareStatement(
                "INSERT INTO servers (server_uid, last_seen, version, os_name, distribution) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, uid);
            insert.setLong(2, lastSeen.getEpochSecond());
            insert.setString(3, version);
            insert.setString(4, osName);
            insert.setString(5, distribution);
            insert.executeUpdate();
        }
    }
}
