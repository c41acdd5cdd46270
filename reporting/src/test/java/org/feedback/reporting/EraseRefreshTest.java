package org.feedback.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After an erasure, the scheduled refresh (which rebuilds only when something changed) rebuilds the
 * rollups, also when the erased server was the last one, on H2, PostgreSQL and MariaDB.
 */
class EraseRefreshTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refreshIfChanged_lastServerErased_countsNone(TestDatabase database) throws SQLException {
        DataSource dataSource = database.emptySchema();
        FactRecorder recorder = new FactRecorder();
        try (Connection connection = dataSource.getConnection()) {
            recorder.record(connection, NOW.minusSeconds(3600).getEpochSecond(), Reports.mariadb("only", "10.11.9"));
        }
        RollupRefresher refresher = new RollupRefresher(dataSource, CLOCK);
        refresher.refresh();
        assertThat(activeLastWeek(dataSource)).isEqualTo(1);

        try (Connection connection = dataSource.getConnection()) {
            assertThat(recorder.erase(connection, "only")).isTrue();
        }
        RollupRefresher.Result result = refresher.refreshIfChanged(Duration.ZERO, 0);

        assertThat(result.refreshed()).isTrue();
        assertThat(activeLastWeek(dataSource)).isZero();
    }

    private static long activeLastWeek(DataSource dataSource) throws SQLException {
        return new DashboardQueries(dataSource, 1, CLOCK).activeServers(Filter.DEFAULT).get(0);
    }
}
