package org.feedback.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Reads the dashboard's numbers from the rollups that {@link RollupRefresher} writes, applies the filters,
 * and folds small groups. No query reads the per-server tables, so a page costs the same at any number of
 * servers (one query for its breakdowns, one per time series).
 *
 * <p>Every number reflects the last refresh. A server counts in a breakdown by the labels of its latest
 * full report and in the time range by the day of its latest report of any kind.
 */
public final class DashboardQueries {

    /** The periods the overview counts active servers over, in days. */
    public static final List<Integer> ACTIVE_PERIODS_DAYS = List.of(7, 30, 90);
    /** The period of {@link #summarize()}, in days. */
    public static final int SUMMARY_DAYS = 30;

    private static final String BREAKDOWNS = "SELECT dimension, label, SUM(servers), SUM(table_count),"
            + " SUM(data_bytes) FROM dashboard_breakdowns WHERE last_seen_day >= ? AND dimension IN (%s)%s"
            + " GROUP BY dimension, label";
    private static final String WEEKLY = "SELECT week_day, SUM(servers) FROM dashboard_weekly"
            + " WHERE week_day >= ?%s GROUP BY week_day";
    private static final String WEEKLY_BY_MAJOR_MINOR = "SELECT week_day, SUM(servers), major_minor"
            + " FROM dashboard_weekly WHERE week_day >= ?%s GROUP BY week_day, major_minor";
    private static final String MAJOR_VERSIONS = "SELECT major_version, SUM(servers) FROM dashboard_breakdowns"
            + " WHERE dimension = '" + Dimension.TOTAL + "' AND label = '" + Dimension.ACTIVE + "'"
            + " AND major_version IS NOT NULL GROUP BY major_version ORDER BY major_version";

    private static final String REFRESHED_AT = "SELECT refreshed_at FROM dashboard_refresh WHERE id = 1";

    private final DataSource dataSource;
    private final Suppression suppression;
    private final Clock clock;

    /**
     * @param minGroupSize  smallest group shown on its own; smaller groups are folded into "other"
     */
    public DashboardQueries(DataSource dataSource, int minGroupSize, Clock clock) {
        this.dataSource = dataSource;
        this.suppression = new Suppression(minGroupSize);
        this.clock = clock;
    }

    /** Servers active in each of {@link #ACTIVE_PERIODS_DAYS}, in that order; {@code null} where suppressed. */
    public List<Long> activeServers(Filter filter) throws SQLException {
        List<Long> counts = new ArrayList<>();
        for (int days : ACTIVE_PERIODS_DAYS) {
            Map<String, Map<String, Suppression.Counted>> rows = breakdownRows(
                    List.of(Dimension.TOTAL), filter.withDays(OptionalInt.of(days)));
            long active = count(rows, Dimension.TOTAL, Dimension.ACTIVE);
            counts.add(filter.narrowsPopulation() && suppression.hides(active) ? null : active);
        }
        return counts;
    }

    /** Returns the data of {@code chart}. */
    public ChartData chart(Chart chart, Filter filter) throws SQLException {
        return charts(List.of(chart), filter).get(chart.id());
    }

    /** Returns the data of each of {@code charts} by chart id, reading all breakdowns in one query. */
    public Map<String, ChartData> charts(List<Chart> charts, Filter filter) throws SQLException {
        List<String> dimensions = new ArrayList<>(List.of(Dimension.TOTAL));
        charts.stream().filter(chart -> !chart.isSeries()).forEach(chart -> dimensions.add(chart.dimension()));
        Map<String, Map<String, Suppression.Counted>> rows = breakdownRows(dimensions, filter);

        Map<String, ChartData> data = new LinkedHashMap<>();
        for (Chart chart : charts) {
            data.put(chart.id(), chart.isSeries() ? series(chart, filter) : breakdown(chart, filter, rows));
        }
        return data;
    }

    /**
     * Returns the overview's summary: servers active in the last {@value #SUMMARY_DAYS} days, unfiltered,
     * by full version and by operating system.
     */
    public Summary summarize() throws SQLException {
        Filter filter = Filter.DEFAULT.withDays(OptionalInt.of(SUMMARY_DAYS));
        Chart version = Chart.byId("version").orElseThrow();
        Chart os = Chart.byId("os").orElseThrow();
        Map<String, ChartData> data = charts(List.of(version, os), filter);
        int firstDay = filter.firstDay(today());
        Instant since = Instant.ofEpochSecond(firstDay * Days.SECONDS_PER_DAY);
        ChartData.Breakdown byVersion = (ChartData.Breakdown) data.get(version.id());
        return new Summary(since, byVersion.population(), counts(byVersion),
                counts((ChartData.Breakdown) data.get(os.id())));
    }

    /** Returns what {@code page} shows with {@code filter}. */
    public PageData page(Page page, Filter filter) throws SQLException {
        return new PageData(page, filter, activeServers(filter), charts(Chart.of(page), filter), majorVersions(),
                suppression.minGroupSize(), refreshedAt());
    }

    /** Returns when the rollups were last refreshed, or empty before the first refresh. */
    public Optional<Instant> refreshedAt() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(REFRESHED_AT);
             ResultSet row = statement.executeQuery()) {
            long seconds = row.next() ? row.getLong(1) : 0;
            return seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
        }
    }

    /** Returns the major versions whose servers are not suppressed over all time, for the filter form. */
    public List<Integer> majorVersions() throws SQLException {
        List<Integer> majors = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(MAJOR_VERSIONS);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (!suppression.hides(rows.getLong(2))) {
                    majors.add(rows.getInt(1));
                }
            }
        }
        return majors;
    }

    private static List<Summary.Count> counts(ChartData.Breakdown breakdown) {
        return breakdown.groups().stream().map(group -> new Summary.Count(group.label(), group.servers())).toList();
    }

    private ChartData.Breakdown breakdown(Chart chart, Filter filter,
                                          Map<String, Map<String, Suppression.Counted>> rows) {
        long active = count(rows, Dimension.TOTAL, Dimension.ACTIVE);
        if (filter.narrowsPopulation() && suppression.hides(active)) {
            return new ChartData.Breakdown(chart.id(), chart.title(), null, true, List.of());
        }
        List<Suppression.Counted> groups = new ArrayList<>(rows.getOrDefault(chart.dimension(), Map.of()).values());
        long population = active;
        if (chart.kind() == Chart.Kind.SERVERS) {
            long known = groups.stream().mapToLong(Suppression.Counted::servers).sum();
            if (active > known) {
                groups.add(new Suppression.Counted(ChartData.UNKNOWN, active - known, null, null));
            }
        } else {
            population = count(rows, Dimension.TOTAL, Dimension.WITH_FACTS);
        }
        List<Suppression.Counted> folded = suppression.fold(groups);
        if (chart.sizeOrdered()) {
            folded.sort(Comparator.comparing(Suppression.Counted::label, LabelOrder.BY_SIZE));
        }
        long denominator = Math.max(population, 1);
        List<ChartData.Group> shown = folded.stream().map(group -> new ChartData.Group(group.label(),
                group.servers(), (double) group.servers() / denominator, group.tableCount(), group.dataBytes())).toList();
        return new ChartData.Breakdown(chart.id(), chart.title(), population, false, shown);
    }

    private static long count(Map<String, Map<String, Suppression.Counted>> rows, String dimension, String label) {
        Suppression.Counted counted = rows.getOrDefault(dimension, Map.of()).get(label);
        return counted == null ? 0 : counted.servers();
    }

    /** Returns the summed rollup rows by dimension and label. */
    private Map<String, Map<String, Suppression.Counted>> breakdownRows(List<String> dimensions, Filter filter)
            throws SQLException {
        String placeholders = String.join(", ", dimensions.stream().map(dimension -> "?").toList());
        String sql = BREAKDOWNS.formatted(placeholders, versionConditions(filter));
        Map<String, Map<String, Suppression.Counted>> rows = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            statement.setInt(index++, filter.firstDay(today()));
            for (String dimension : dimensions) {
                statement.setString(index++, dimension);
            }
            bindVersionConditions(statement, index, filter);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Suppression.Counted counted = new Suppression.Counted(row.getString(2), row.getLong(3),
                            nullableLong(row, 4), nullableLong(row, 5));
                    rows.computeIfAbsent(row.getString(1), dimension -> new HashMap<>()).put(counted.label(), counted);
                }
            }
        }
        return rows;
    }

    /** Reads a number column that may be NULL; PostgreSQL returns SUM over BIGINT as NUMERIC. */
    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private ChartData.Series series(Chart chart, Filter filter) throws SQLException {
        boolean byMajorMinor = chart.kind() == Chart.Kind.WEEKLY_BY_MAJOR_MINOR;
        TreeMap<Integer, Map<String, Long>> weeks = weeklyRows(filter, byMajorMinor);
        List<String> lines = new ArrayList<>();
        Map<Integer, Map<String, Long>> shownWeeks = new TreeMap<>();
        for (Map.Entry<Integer, Map<String, Long>> week : weeks.entrySet()) {
            Map<String, Long> shown = byMajorMinor ? suppression.foldWeek(week.getValue())
                    : suppressTotal(week.getValue(), filter);
            shown.keySet().stream().filter(line -> !lines.contains(line)).forEach(lines::add);
            shownWeeks.put(week.getKey(), shown);
        }
        if (!byMajorMinor) {
            lines.clear();
            lines.add(Dimension.ACTIVE);
        }
        return new ChartData.Series(chart.id(), chart.title(), List.copyOf(lines), weekList(shownWeeks, lines));
    }

    private Map<String, Long> suppressTotal(Map<String, Long> week, Filter filter) {
        Long total = week.get(Dimension.ACTIVE);
        Map<String, Long> shown = new HashMap<>();
        if (total != null && !(filter.narrowsPopulation() && suppression.hides(total))) {
            shown.put(Dimension.ACTIVE, total);
        }
        return shown;
    }

    /** Returns one entry per week from the first to the last with data, gaps included as empty weeks. */
    private static List<ChartData.Week> weekList(Map<Integer, Map<String, Long>> weeks, List<String> lines) {
        List<ChartData.Week> list = new ArrayList<>();
        if (weeks.isEmpty()) {
            return list;
        }
        int first = ((TreeMap<Integer, Map<String, Long>>) weeks).firstKey();
        int last = ((TreeMap<Integer, Map<String, Long>>) weeks).lastKey();
        for (int week = first; week <= last; week += 7) {
            Map<String, Long> counts = weeks.getOrDefault(week, Map.of());
            List<Long> servers = new ArrayList<>(lines.size());
            lines.forEach(line -> servers.add(counts.get(line)));
            list.add(new ChartData.Week(LocalDate.ofEpochDay(week), servers));
        }
        return list;
    }

    private TreeMap<Integer, Map<String, Long>> weeklyRows(Filter filter, boolean byMajorMinor) throws SQLException {
        String sql = (byMajorMinor ? WEEKLY_BY_MAJOR_MINOR : WEEKLY).formatted(versionConditions(filter));
        TreeMap<Integer, Map<String, Long>> weeks = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int firstDay = filter.firstDay(today());
            statement.setInt(1, firstDay == Integer.MIN_VALUE ? firstDay : Days.weekOf(firstDay));
            bindVersionConditions(statement, 2, filter);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    String line = byMajorMinor ? Optional.ofNullable(row.getString(3)).orElse(ChartData.UNKNOWN)
                            : Dimension.ACTIVE;
                    weeks.computeIfAbsent(row.getInt(1), week -> new LinkedHashMap<>()).merge(line, row.getLong(2), Long::sum);
                }
            }
        }
        return weeks;
    }

    private static String versionConditions(Filter filter) {
        return (filter.flavor().isPresent() ? " AND flavor = ?" : "")
                + (filter.majorVersion().isPresent() ? " AND major_version = ?" : "");
    }

    private static void bindVersionConditions(PreparedStatement statement, int first, Filter filter) throws SQLException {
        int index = first;
        if (filter.flavor().isPresent()) {
            statement.setString(index++, filter.flavor().get());
        }
        if (filter.majorVersion().isPresent()) {
            statement.setInt(index, filter.majorVersion().getAsInt());
        }
    }

    private int today() {
        return Days.dayOf(clock.instant().getEpochSecond());
    }
}
