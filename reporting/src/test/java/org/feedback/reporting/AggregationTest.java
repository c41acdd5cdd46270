package org.feedback.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.feedback.report.ServerFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records small populations report by report, refreshes the rollups and checks the dashboard numbers
 * against counts worked out by hand in each test. Every test runs on H2, PostgreSQL and MariaDB.
 *
 * <p>"Now" is Wednesday 2026-12-02 12:00 UTC, in the ISO week that starts on Monday 2026-11-30.
 */
class AggregationTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private DataSource dataSource;

    private void record(Duration ago, ServerFacts facts) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            new FactRecorder().record(connection, NOW.minus(ago).getEpochSecond(), facts);
        }
    }

    private DashboardQueries refreshAndQuery(TestDatabase database, int minGroupSize) throws SQLException {
        new RollupRefresher(dataSource, CLOCK).refresh();
        return new DashboardQueries(dataSource, minGroupSize, CLOCK);
    }

    private void use(TestDatabase database) throws SQLException {
        dataSource = database.emptySchema();
    }

    private static Duration days(long days) {
        return Duration.ofDays(days);
    }

    private static List<String> labelsAndServers(ChartData data) {
        return ((ChartData.Breakdown) data).groups().stream().map(group -> group.label() + "=" + group.servers()).toList();
    }

    private static Filter filter(String days, String flavor, String major) {
        return Filter.parse(days, flavor, major);
    }

    private static Chart chart(String id) {
        return Chart.byId(id).orElseThrow();
    }

    /** Six MariaDB servers (four 10.11, two 11.4), five MySQL 8.0, two Percona 8.0 and one notices-only server. */
    private void recordMixedPopulation() throws SQLException {
        for (int i = 0; i < 4; i++) {
            record(days(1), Reports.mariadb("maria-10.11-" + i, "10.11.9"));
        }
        for (int i = 0; i < 2; i++) {
            record(days(2), Reports.mariadb("maria-11.4-" + i, "11.4.3"));
        }
        for (int i = 0; i < 5; i++) {
            record(days(3), Reports.mysql("mysql-" + i, "8.0.36"));
        }
        for (int i = 0; i < 2; i++) {
            record(days(4), Reports.percona("percona-" + i, "8.0.36"));
        }
        record(days(5), Reports.startupNotice("notice-only"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void activeServers_serverReportingInTwoPeriods_countedOncePerPeriod(TestDatabase database) throws SQLException {
        use(database);
        record(days(20), Reports.mariadb("a", "10.11.9"));
        record(days(1), Reports.mariadb("a", "10.11.9"));
        record(days(40), Reports.mysql("b", "8.0.36"));
        record(days(3), Reports.startupNotice("c"));
        record(days(100), Reports.mysql("d", "8.0.36"));

        List<Long> active = refreshAndQuery(database, 1).activeServers(Filter.DEFAULT);

        // 7 days: a (1 day ago) and c; 30 days: the same two; 90 days: a, b and c. d is older than 90 days.
        assertThat(active).containsExactly(2L, 2L, 3L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void activeWeekly_severalReportsInOneWeek_serverCountedOncePerWeek(TestDatabase database) throws SQLException {
        use(database);
        record(days(9), Reports.mariadb("a", "10.11.9"));   // Mon 11-23
        record(days(8), Reports.mariadb("a", "10.11.9"));   // Tue 11-24, same week
        record(days(1), Reports.mariadb("a", "10.11.9"));   // Tue 12-01
        record(days(8), Reports.mysql("b", "8.0.36"));      // Tue 11-24
        record(days(15), Reports.startupNotice("c"));        // Tue 11-17

        ChartData.Series weekly = (ChartData.Series) refreshAndQuery(database, 1)
                .chart(chart("active-weekly"), filter("all", null, null));

        assertThat(weekly.weeks()).containsExactly(
                new ChartData.Week(LocalDate.parse("2026-11-16"), List.of(1L)),
                new ChartData.Week(LocalDate.parse("2026-11-23"), List.of(2L)),
                new ChartData.Week(LocalDate.parse("2026-11-30"), List.of(1L)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refresh_afterPruningOldWeeks_keepsTheirCounts(TestDatabase database) throws SQLException {
        use(database);
        record(days(30), Reports.mariadb("a", "10.11.9"));  // Mon 11-02
        record(days(30), Reports.mysql("b", "8.0.36"));
        new RollupRefresher(dataSource, CLOCK).refresh();   // folds week 11-02, then drops its per-server rows
        record(days(1), Reports.mariadb("a", "10.11.9"));   // Tue 12-01

        ChartData.Series weekly = (ChartData.Series) refreshAndQuery(database, 1)
                .chart(chart("active-weekly"), filter("all", null, null));

        assertThat(weekly.weeks()).first().isEqualTo(new ChartData.Week(LocalDate.parse("2026-11-02"), List.of(2L)));
        assertThat(weekly.weeks()).last().isEqualTo(new ChartData.Week(LocalDate.parse("2026-11-30"), List.of(1L)));
        assertThat(weekly.weeks()).hasSize(5);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void flavorChart_flavorAtThreshold_shown(TestDatabase database) throws SQLException {
        use(database);
        recordMixedPopulation();

        ChartData flavors = refreshAndQuery(database, 2).chart(chart("flavor"), Filter.DEFAULT);

        // Percona (2) reaches the threshold of 2; the notices-only server (unknown, 1) does not.
        assertThat(labelsAndServers(flavors)).containsExactly("MariaDB=6", "MySQL=5", "Percona Server=2", "other=1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void flavorChart_foldedGroupsBelowThreshold_otherStillShown(TestDatabase database) throws SQLException {
        use(database);
        recordMixedPopulation();

        ChartData flavors = refreshAndQuery(database, 5).chart(chart("flavor"), Filter.DEFAULT);

        // Percona 2 + unknown 1 = 3: below 5, but "other" names no value, so it is shown.
        assertThat(labelsAndServers(flavors)).containsExactly("MariaDB=6", "MySQL=5", "other=3");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void chart_filterOnFlavorBelowThreshold_suppressed(TestDatabase database) throws SQLException {
        use(database);
        recordMixedPopulation();

        ChartData.Breakdown versions = (ChartData.Breakdown) refreshAndQuery(database, 3)
                .chart(chart("major-minor"), filter(null, "Percona Server", null));

        assertThat(versions.suppressed()).isTrue();
        assertThat(versions.population()).isNull();
        assertThat(versions.groups()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void chart_filterOnFlavor_countsOnlyThatFlavor(TestDatabase database) throws SQLException {
        use(database);
        recordMixedPopulation();

        ChartData.Breakdown versions = (ChartData.Breakdown) refreshAndQuery(database, 2)
                .chart(chart("major-minor"), filter(null, "mariadb", null));

        assertThat(versions.population()).isEqualTo(6);
        assertThat(labelsAndServers(versions)).containsExactly("10.11=4", "11.4=2");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void chart_filterOnMajorVersion_countsOnlyThatMajor(TestDatabase database) throws SQLException {
        use(database);
        recordMixedPopulation();

        ChartData.Breakdown flavors = (ChartData.Breakdown) refreshAndQuery(database, 2)
                .chart(chart("flavor"), filter(null, null, "8"));

        // MySQL 8.0 (5) and Percona 8.0 (2); MariaDB is 10 and 11, the notices-only server has no version.
        assertThat(labelsAndServers(flavors)).containsExactly("MySQL=5", "Percona Server=2");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void chart_timeRange_countsServersByLatestReport(TestDatabase database) throws SQLException {
        use(database);
        record(days(2), Reports.mariadb("recent", "10.11.9"));
        record(days(40), Reports.mysql("quiet-for-40-days", "8.0.36"));
        DashboardQueries queries = refreshAndQuery(database, 1);

        ChartData last30Days = queries.chart(chart("flavor"), filter("30", null, null));
        ChartData last90Days = queries.chart(chart("flavor"), filter("90", null, null));

        assertThat(labelsAndServers(last30Days)).containsExactly("MariaDB=1");
        assertThat(labelsAndServers(last90Days)).containsExactly("MariaDB=1", "MySQL=1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void chart_upgradedServer_countedByLatestFullReport(TestDatabase database) throws SQLException {
        use(database);
        record(days(10), Reports.mariadb("upgraded", "10.6.18"));
        record(days(3), Reports.mariadb("upgraded", "10.11.9"));
        record(days(1), Reports.startupNotice("upgraded"));

        ChartData versions = refreshAndQuery(database, 1).chart(chart("major-minor"), Filter.DEFAULT);

        assertThat(labelsAndServers(versions)).containsExactly("10.11=1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void chart_noticesOnlyServer_countedAsUnknown(TestDatabase database) throws SQLException {
        use(database);
        record(days(1), Reports.startupNotice("notice-only"));

        ChartData.Breakdown flavors = (ChartData.Breakdown) refreshAndQuery(database, 1)
                .chart(chart("flavor"), Filter.DEFAULT);

        assertThat(flavors.population()).isEqualTo(1);
        assertThat(labelsAndServers(flavors)).containsExactly("unknown=1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void adoption_versionsPerWeek_smallVersionFoldedThatWeek(TestDatabase database) throws SQLException {
        use(database);
        for (int i = 0; i < 3; i++) {
            record(days(8), Reports.mariadb("old-" + i, "10.6.18"));     // week 11-23
            record(days(1), Reports.mariadb("old-" + i, "10.11.9"));     // week 11-30: upgraded
        }
        record(days(8), Reports.mariadb("new", "11.4.3"));              // week 11-23 only
        record(days(8), Reports.mariadb("older", "10.5.26"));           // week 11-23 only

        ChartData.Series adoption = (ChartData.Series) refreshAndQuery(database, 2)
                .chart(chart("adoption"), filter("all", null, null));

        // Week 11-23: 10.6 = 3; 11.4 = 1 and 10.5 = 1 are below 2 and fold into other. Week 11-30: 10.11 = 3.
        assertThat(adoption.lines()).containsExactly("10.6", "other", "10.11");
        assertThat(adoption.weeks()).containsExactly(
                new ChartData.Week(LocalDate.parse("2026-11-23"), Arrays.asList(3L, 2L, null)),
                new ChartData.Week(LocalDate.parse("2026-11-30"), Arrays.asList(null, null, 3L)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void distributionChart_overlongLabel_storedCut(TestDatabase database) throws SQLException {
        use(database);
        String longName = "Distro " + "x".repeat(300);
        record(days(1), ServerFacts.from(Reports.full("long", "10.11.9-MariaDB", "mariadb.org binary distribution")
                .add("Os_distribution_name", longName).build()));

        ChartData.Breakdown distributions = (ChartData.Breakdown) refreshAndQuery(database, 1)
                .chart(chart("distribution"), Filter.DEFAULT);

        // The label column is 128 characters wide; a longer label is cut instead of failing the report.
        assertThat(distributions.groups()).extracting(ChartData.Group::label)
                .containsExactly(longName.substring(0, FactRecorder.MAX_LABEL_LENGTH));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void enginesChart_twoServers_sumsTablesAndBytes(TestDatabase database) throws SQLException {
        use(database);
        record(days(1), ServerFacts.from(Reports.full("a", "10.11.9-MariaDB", "mariadb.org binary distribution")
                .add("Engine InnoDB tables", "10").add("Engine InnoDB bytes", "1000")
                .add("Engine MyISAM tables", "2").add("Engine MyISAM bytes", "50").build()));
        record(days(1), ServerFacts.from(Reports.full("b", "10.11.9-MariaDB", "mariadb.org binary distribution")
                .add("Engine InnoDB tables", "30").add("Engine InnoDB bytes", "3000").build()));
        record(days(1), Reports.startupNotice("notices-only"));

        ChartData.Breakdown engines = (ChartData.Breakdown) refreshAndQuery(database, 1)
                .chart(chart("engines"), Filter.DEFAULT);

        // Shares are of the two servers that sent a full report, not of all three.
        assertThat(engines.population()).isEqualTo(2);
        assertThat(engines.groups()).containsExactly(
                new ChartData.Group("InnoDB", 2, 1.0, 40L, 4000L),
                new ChartData.Group("MyISAM", 1, 0.5, 2L, 50L));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void featuresChart_counterAboveZero_countsServer(TestDatabase database) throws SQLException {
        use(database);
        record(days(1), ServerFacts.from(Reports.full("a", "10.11.9-MariaDB", "mariadb.org binary distribution")
                .add("Feature_json", "3").add("Feature_gis", "0").build()));
        record(days(1), ServerFacts.from(Reports.full("b", "10.11.9-MariaDB", "mariadb.org binary distribution")
                .add("Feature_json", "0").add("Feature_gis", "0").build()));

        ChartData.Breakdown features = (ChartData.Breakdown) refreshAndQuery(database, 1)
                .chart(chart("features"), Filter.DEFAULT);

        assertThat(features.groups()).containsExactly(new ChartData.Group("json", 1, 0.5, null, null));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pluginsChart_serversWithSeveralPlugins_shareOfServers(TestDatabase database) throws SQLException {
        use(database);
        record(days(1), ServerFacts.from(Reports.full("a", "10.11.9-MariaDB", "mariadb.org binary distribution")
                .add("InnoDB version", "10.11.9").add("FEEDBACK version", "1.1").build()));
        record(days(1), ServerFacts.from(Reports.full("b", "10.11.9-MariaDB", "mariadb.org binary distribution")
                .add("InnoDB version", "10.11.9").build()));

        ChartData plugins = refreshAndQuery(database, 1).chart(chart("plugins"), Filter.DEFAULT);

        assertThat(labelsAndServers(plugins)).containsExactly("InnoDB=2", "FEEDBACK=1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void settingChart_bufferPoolSizes_groupedInPowerOfTwoRanges(TestDatabase database) throws SQLException {
        use(database);
        record(days(1), ServerFacts.from(Reports.full("a", "10.11.9-MariaDB", "mariadb.org binary distribution")
                .add("INNODB_BUFFER_POOL_SIZE", "1073741824").build()));
        record(days(1), ServerFacts.from(Reports.full("b", "10.11.9-MariaDB", "mariadb.org binary distribution")
                .add("INNODB_BUFFER_POOL_SIZE", "134217728").build()));
        record(days(1), ServerFacts.from(Reports.full("c", "10.11.9-MariaDB", "mariadb.org binary distribution")
                .add("INNODB_BUFFER_POOL_SIZE", "130023424").build()));

        ChartData sizes = refreshAndQuery(database, 1).chart(chart("setting-innodb_buffer_pool_size"), Filter.DEFAULT);

        // 130023424 bytes is 124 MiB, in the same range as 128 MiB; groups are in size order.
        assertThat(labelsAndServers(sizes)).containsExactly("64-128 MiB=2", "512 MiB-1 GiB=1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void summarize_last30Days_countsByVersionAndOs(TestDatabase database) throws SQLException {
        use(database);
        record(days(1), Reports.mariadb("a", "10.11.9"));
        record(days(29), Reports.mariadb("b", "10.11.9"));
        record(days(31), Reports.mysql("too-old", "8.0.36"));

        Summary summary = refreshAndQuery(database, 1).summarize();

        assertThat(summary.activeServers()).isEqualTo(2);
        assertThat(summary.since()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
        assertThat(summary.byVersion()).containsExactly(new Summary.Count("10.11.9-MariaDB", 2));
        assertThat(summary.byOs()).containsExactly(new Summary.Count("Debian GNU/Linux 12 (bookworm)", 2));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refreshIfChanged_noReportSinceLastRefresh_skips(TestDatabase database) throws SQLException {
        use(database);
        record(days(1), Reports.mariadb("a", "10.11.9"));
        RollupRefresher refresher = new RollupRefresher(dataSource, CLOCK);
        refresher.refreshIfChanged(Duration.ZERO, 0);

        RollupRefresher.Result second = refresher.refreshIfChanged(Duration.ZERO, 0);

        assertThat(second.refreshed()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refreshIfChanged_reportSinceLastRefresh_refreshes(TestDatabase database) throws SQLException {
        use(database);
        record(days(2), Reports.mariadb("a", "10.11.9"));
        RollupRefresher refresher = new RollupRefresher(dataSource, CLOCK);
        refresher.refreshIfChanged(Duration.ZERO, 0);
        record(days(1), Reports.mariadb("b", "10.11.9"));

        RollupRefresher.Result second = refresher.refreshIfChanged(Duration.ZERO, 0);

        assertThat(second.refreshed()).isTrue();
        assertThat(new DashboardQueries(dataSource, 1, CLOCK).activeServers(Filter.DEFAULT)).containsExactly(2L, 2L, 2L);
    }
}
