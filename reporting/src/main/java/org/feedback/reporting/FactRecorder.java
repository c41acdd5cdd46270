package org.feedback.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.feedback.report.ServerFacts;

/**
 * Records what the dashboards need from stored reports: each server's activity, its latest labels (full
 * reports only) and its activity in each report's week. It runs on the caller's connection and commits
 * nothing, so that it takes part in the transaction that stores the reports.
 *
 * <p>A group of reports costs a fixed number of statements, however many reports it holds: one to lock
 * the servers' rows, then one batch or multi-row statement per kind of change. A notice counts as activity
 * but leaves the server's labels as its latest full report set them.
 */
public final class FactRecorder {

    /** Width of the label columns; a longer label from a report is cut, so it cannot fail the insert. */
    static final int MAX_LABEL_LENGTH = 128;
    /** Width of the major_minor columns. */
    static final int MAX_MAJOR_MINOR_LENGTH = 32;
    /** Maximum rows in one multi-row statement, which keeps a statement at 4,500 parameters or fewer. */
    private static final int MAX_ROWS_PER_STATEMENT = 500;

    private static final String LOCK_SERVERS = "SELECT server_id, server_uid, last_seen, flavor, major_version,"
            + " major_minor, labels_hash FROM dashboard_servers WHERE server_uid IN (%s) ORDER BY server_uid FOR UPDATE";
    private static final String FIND_IDS = "SELECT server_id, server_uid FROM dashboard_servers WHERE server_uid IN (%s)";
    private static final String INSERT_SERVERS = "INSERT INTO dashboard_servers (server_uid, first_seen, last_seen,"
            + " last_seen_day, facts_time, flavor, major_version, major_minor, labels_hash) VALUES %s";
    private static final String UPDATE_SEEN = "UPDATE dashboard_servers SET last_seen = ?, last_seen_day = ?"
            + " WHERE server_id = ?";
    /** Sets the activity and the version facts at once, so that a full report updates the row once. */
    private static final String UPDATE_SEEN_AND_FACTS = "UPDATE dashboard_servers SET last_seen = ?, last_seen_day = ?,"
            + " facts_time = ?, flavor = ?, major_version = ?, major_minor = ?, labels_hash = ? WHERE server_id = ?";
    private static final String DELETE_VALUES_OF = "DELETE FROM dashboard_server_values WHERE server_id IN (%s)";
    private static final String UPDATE_VALUE_SIZES = "UPDATE dashboard_server_values SET table_count = ?,"
            + " data_bytes = ? WHERE server_id = ? AND dimension = ? AND label = ?";
    private static final String INSERT_VALUES = "INSERT INTO dashboard_server_values (server_id, dimension, label,"
            + " table_count, data_bytes) VALUES %s";
    /** Names the weeks first, so that the look-up uses the primary key (week_day, server_id). */
    private static final String FIND_WEEKS = "SELECT week_day, server_id FROM dashboard_server_weeks"
            + " WHERE week_day IN (%s) AND server_id IN (%s)";
    private static final String UPDATE_WEEK = "UPDATE dashboard_server_weeks SET flavor = ?, major_version = ?,"
            + " major_minor = ? WHERE week_day = ? AND server_id = ?";
    private static final String INSERT_WEEKS = "INSERT INTO dashboard_server_weeks (flavor, major_version,"
            + " major_minor, week_day, server_id) VALUES %s";

    private static final String FIND_SERVER_ID = "SELECT server_id FROM dashboard_servers WHERE server_uid = ?";
    private static final String DELETE_VALUES = "DELETE FROM dashboard_server_values WHERE server_id = ?";
    private static final String DELETE_WEEKS = "DELETE FROM dashboard_server_weeks WHERE server_id = ?";
    private static final String DELETE_SERVER = "DELETE FROM dashboard_servers WHERE server_id = ?";
    /**
     * Marks the rollups as changed. The watermark is the latest last-seen time, or -1 when no server is
     * left, so -2 differs from every watermark, including the one after the last server is erased.
     */
    private static final String FORCE_REFRESH = "UPDATE dashboard_refresh SET last_seen_watermark = -2";

    /**
     * One stored report: when it arrived and its facts.
     *
     * @param receivedAt  when the report arrived, in seconds since the Unix epoch
     * @param facts       the facts of the scrubbed report; must carry a server id
     */
    public record Arrival(long receivedAt, ServerFacts facts) {
    }

    /**
     * Records one report of the server that {@code facts} names.
     *
     * @param connection  a connection inside the transaction that stores the report
     * @param receivedAt  when the report arrived, in seconds since the Unix epoch
     * @param facts       the facts of the scrubbed report; must carry a server id
     * @throws IllegalArgumentException when {@code facts} has no server id
     */
    public void record(Connection connection, long receivedAt, ServerFacts facts) throws SQLException {
        recordAll(connection, List.of(new Arrival(receivedAt, facts)));
    }

    /**
     * Records the reports of one stored group, in the order given (which decides between two reports of
     * one server that arrived in the same second). The known servers' rows are locked with one
     * {@code SELECT ... ORDER BY server_uid FOR UPDATE}, so concurrent groups lock them in the same order.
     *
     * <p>NOTE: two first reports of the same new server stored by concurrent groups both insert; the second
     * fails on the unique server id and its transaction, reports included, rolls back (the senders retry).
     *
     * @param connection  a connection inside the transaction that stores the reports
     * @throws IllegalArgumentException when a report has no server id
     */
    public void recordAll(Connection connection, List<Arrival> arrivals) throws SQLException {
        Map<String, ServerChange> changes = changesByServer(arrivals);
        if (changes.isEmpty()) {
            return;
        }
        lockKnownServers(connection, changes);
        insertNewServers(connection, changes);
        updateKnownServers(connection, changes);
        replaceLabels(connection, changes);
        recordWeeks(connection, changes);
    }

    /**
     * Folds the arrivals into one change per server, keyed and ordered by server id. MaxScale's reports are
     * left out: the dashboards count database servers, and MaxScale is a proxy in front of them.
     */
    private static Map<String, ServerChange> changesByServer(List<Arrival> arrivals) {
        Map<String, ServerChange> changes = new TreeMap<>();
        for (Arrival arrival : arrivals) {
            if (arrival.facts().flavor().orElse(null) == ServerFacts.Flavor.MAXSCALE) {
                continue;
            }
            String serverUid = arrival.facts().serverUid().orElseThrow(() -> new IllegalArgumentException(
                    "the report has no FEEDBACK_SERVER_UID, so the dashboards cannot attribute it to a server"));
            changes.computeIfAbsent(serverUid, ServerChange::new).add(arrival);
        }
        return changes;
    }

    /** Locks the rows of the servers the dashboards know already and reads their stored state. */
    private static void lockKnownServers(Connection connection, Map<String, ServerChange> changes) throws SQLException {
        for (List<String> chunk : chunks(new ArrayList<>(changes.keySet()))) {
            try (PreparedStatement lock = connection.prepareStatement(LOCK_SERVERS.formatted(placeholders(chunk.size(), 1)))) {
                bindStrings(lock, chunk);
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        changes.get(rows.getString(2)).known(rows.getLong(1), rows.getLong(3), new VersionFacts(
                                rows.getString(4), (Integer) rows.getObject(5, Integer.class), rows.getString(6)),
                                (Long) rows.getObject(7, Long.class));
                    }
                }
            }
        }
    }

    /** Inserts a row for each server seen for the first time, then reads the ids the database gave them. */
    private static void insertNewServers(Connection connection, Map<String, ServerChange> changes) throws SQLException {
        List<ServerChange> fresh = changes.values().stream().filter(change -> !change.wasKnown).toList();
        insertRows(connection, INSERT_SERVERS, 9, fresh, (insert, parameter, change) -> {
            insert.setString(parameter++, change.serverUid);
            insert.setLong(parameter++, change.firstSeen);
            insert.setLong(parameter++, change.lastSeen);
            insert.setInt(parameter++, Days.dayOf(change.lastSeen));
            insert.setObject(parameter++, change.latestFull == null ? null : change.factsTime, Types.BIGINT);
            parameter = change.current().bind(insert, parameter);
            insert.setObject(parameter++, change.latestFull == null ? null : change.labelsHash(), Types.BIGINT);
            return parameter;
        });

        for (List<ServerChange> chunk : chunks(fresh)) {
            List<String> uids = chunk.stream().map(change -> change.serverUid).toList();
            try (PreparedStatement find = connection.prepareStatement(FIND_IDS.formatted(placeholders(uids.size(), 1)))) {
                bindStrings(find, uids);
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        changes.get(rows.getString(2)).serverId = rows.getLong(1);
                    }
                }
            }
        }
    }

    /** Moves the last-seen time of known servers forward and stores the version facts of their latest full report. */
    private static void updateKnownServers(Connection connection, Map<String, ServerChange> changes) throws SQLException {
        try (PreparedStatement seen = connection.prepareStatement(UPDATE_SEEN);
             PreparedStatement seenAndFacts = connection.prepareStatement(UPDATE_SEEN_AND_FACTS)) {
            int seenRows = 0;
            int factRows = 0;
            for (ServerChange change : changes.values()) {
                if (!change.wasKnown) {
                    continue;
                }
                // The row is locked, so the later of the two times is what it must hold afterwards.
                long lastSeen = Math.max(change.lastSeen, change.storedLastSeen);
                if (change.latestFull != null) {
                    seenAndFacts.setLong(1, lastSeen);
                    seenAndFacts.setInt(2, Days.dayOf(lastSeen));
                    seenAndFacts.setLong(3, change.factsTime);
                    change.current().bind(seenAndFacts, 4);
                    seenAndFacts.setLong(7, change.labelsHash());
                    seenAndFacts.setLong(8, change.serverId);
                    seenAndFacts.addBatch();
                    factRows++;
                } else if (change.lastSeen > change.storedLastSeen) {
                    seen.setLong(1, lastSeen);
                    seen.setInt(2, Days.dayOf(lastSeen));
                    seen.setLong(3, change.serverId);
                    seen.addBatch();
                    seenRows++;
                }
            }
            if (seenRows > 0) {
                seen.executeBatch();
            }
            if (factRows > 0) {
                seenAndFacts.executeBatch();
            }
        }
    }

    /**
     * Replaces the labels of every server that sent a full report with those of its latest one. When the
     * server's labels are the ones already stored (the usual weekly report), only the table counts and
     * sizes of its engines are updated.
     */
    private static void replaceLabels(Connection connection, Map<String, ServerChange> changes) throws SQLException {
        List<Long> relabelled = new ArrayList<>();
        List<LabelRow> rows = new ArrayList<>();
        try (PreparedStatement sizes = connection.prepareStatement(UPDATE_VALUE_SIZES)) {
            int sizeRows = 0;
            for (ServerChange change : changes.values()) {
                if (change.latestFull == null) {
                    continue;
                }
                boolean sameLabels = change.storedLabelsHash != null && change.storedLabelsHash == change.labelsHash();
                if (change.wasKnown && !sameLabels) {
                    relabelled.add(change.serverId);
                }
                for (FactLabel label : change.labels()) {
                    if (!sameLabels) {
                        rows.add(new LabelRow(change.serverId, label));
                    } else if (label.tableCount() != null || label.dataBytes() != null) {
                        sizes.setObject(1, label.tableCount(), Types.BIGINT);
                        sizes.setObject(2, label.dataBytes(), Types.BIGINT);
                        sizes.setLong(3, change.serverId);
                        sizes.setString(4, label.dimension());
                        sizes.setString(5, label.label());
                        sizes.addBatch();
                        sizeRows++;
                    }
                }
            }
            if (sizeRows > 0) {
                sizes.executeBatch();
            }
        }
        for (List<Long> chunk : chunks(relabelled)) {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_VALUES_OF.formatted(placeholders(chunk.size(), 1)))) {
                bindLongs(delete, chunk);
                delete.executeUpdate();
            }
        }
        insertRows(connection, INSERT_VALUES, 5, rows, (insert, parameter, row) -> {
            insert.setLong(parameter++, row.serverId());
            insert.setString(parameter++, row.label().dimension());
            insert.setString(parameter++, row.label().label());
            insert.setObject(parameter++, row.label().tableCount(), Types.BIGINT);
            insert.setObject(parameter++, row.label().dataBytes(), Types.BIGINT);
            return parameter;
        });
    }

    /** Marks each server active in the weeks of its reports, with the version it ran at its latest report that week. */
    private static void recordWeeks(Connection connection, Map<String, ServerChange> changes) throws SQLException {
        Set<WeekOfServer> stored = storedWeeks(connection, changes);
        List<WeekOfServer> inserts = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(UPDATE_WEEK)) {
            int updates = 0;
            for (ServerChange change : changes.values()) {
                for (Map.Entry<Integer, VersionFacts> week : change.weeks().entrySet()) {
                    WeekOfServer key = new WeekOfServer(week.getKey(), change.serverId, week.getValue());
                    if (!stored.contains(key.withoutFacts())) {
                        inserts.add(key);
                        continue;
                    }
                    week.getValue().bind(update, 1);
                    update.setInt(4, key.week());
                    update.setLong(5, key.serverId());
                    update.addBatch();
                    updates++;
                }
            }
            if (updates > 0) {
                update.executeBatch();
            }
        }
        insertRows(connection, INSERT_WEEKS, 5, inserts, (insert, parameter, week) -> {
            parameter = week.facts().bind(insert, parameter);
            insert.setInt(parameter++, week.week());
            insert.setLong(parameter++, week.serverId());
            return parameter;
        });
    }

    /**
     * Returns the (week, server) rows already stored for the known servers among {@code changes}, in the
     * weeks of this group's reports (one, or two across a week boundary).
     */
    private static Set<WeekOfServer> storedWeeks(Connection connection, Map<String, ServerChange> changes)
            throws SQLException {
        List<Long> known = new ArrayList<>();
        Set<Integer> weeks = new TreeSet<>();
        for (ServerChange change : changes.values()) {
            if (change.wasKnown) {
                known.add(change.serverId);
                weeks.addAll(change.weeks().keySet());
            }
        }
        Set<WeekOfServer> stored = new HashSet<>();
        List<Long> weekDays = weeks.stream().map(Long::valueOf).toList();
        for (List<Long> chunk : chunks(known)) {
            String sql = FIND_WEEKS.formatted(placeholders(weekDays.size(), 1), placeholders(chunk.size(), 1));
            try (PreparedStatement find = connection.prepareStatement(sql)) {
                bindLongs(find, 1, weekDays);
                bindLongs(find, weekDays.size() + 1, chunk);
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        stored.add(new WeekOfServer(rows.getInt(1), rows.getLong(2), null));
                    }
                }
            }
        }
        return stored;
    }

    /**
     * Deletes every per-server row the dashboards keep for {@code serverUid} (its activity, labels and
     * recent weeks) and marks the rollups for a refresh, so that the next refresh no longer counts it.
     * Weeks already folded into {@code dashboard_weekly} keep their totals, which name no server.
     *
     * @param connection  a connection inside the transaction that erases the server's other data
     * @return whether the dashboards knew the server
     */
    public boolean erase(Connection connection, String serverUid) throws SQLException {
        Long serverId = null;
        try (PreparedStatement find = connection.prepareStatement(FIND_SERVER_ID)) {
            find.setString(1, serverUid);
            try (ResultSet rows = find.executeQuery()) {
                if (rows.next()) {
                    serverId = rows.getLong(1);
                }
            }
        }
        if (serverId == null) {
            return false;
        }
        for (String delete : new String[] {DELETE_VALUES, DELETE_WEEKS, DELETE_SERVER}) {
            try (PreparedStatement statement = connection.prepareStatement(delete)) {
                statement.setLong(1, serverId);
                statement.executeUpdate();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(FORCE_REFRESH)) {
            statement.executeUpdate();
        }
        return true;
    }

    /** The change one group makes to one server's dashboard rows. */
    private static final class ServerChange {
        private final String serverUid;
        private final List<Arrival> arrivals = new ArrayList<>(1);
        private long firstSeen = Long.MAX_VALUE;
        private long lastSeen = Long.MIN_VALUE;
        /** The latest full report, by arrival time; of two in the same second, the later in the group. */
        private ServerFacts latestFull;
        private long factsTime;
        /** Set by {@link #known} when the dashboards already hold a row for the server. */
        private boolean wasKnown;
        private long storedLastSeen;
        private VersionFacts storedVersion = VersionFacts.UNKNOWN;
        private Long storedLabelsHash;
        private long serverId;
        private List<FactLabel> labels;
        private long labelsHash;
        /** The version each week of the group ends with, filled by {@link #weeks()}. */
        private Map<Integer, VersionFacts> weeks;

        ServerChange(String serverUid) {
            this.serverUid = serverUid;
        }

        void add(Arrival arrival) {
            arrivals.add(arrival);
            firstSeen = Math.min(firstSeen, arrival.receivedAt());
            lastSeen = Math.max(lastSeen, arrival.receivedAt());
            if (arrival.facts().kind() == ServerFacts.Kind.FULL && (latestFull == null || arrival.receivedAt() >= factsTime)) {
                latestFull = arrival.facts();
                factsTime = arrival.receivedAt();
            }
        }

        /** Notes the row the dashboards already hold for this server. */
        void known(long id, long lastSeenBefore, VersionFacts versionBefore, Long labelsHashBefore) {
            wasKnown = true;
            serverId = id;
            storedLastSeen = lastSeenBefore;
            storedVersion = versionBefore;
            storedLabelsHash = labelsHashBefore;
        }

        /** Returns the labels of the latest full report, cut to the column width; call only when there is one. */
        List<FactLabel> labels() {
            if (labels == null) {
                labels = FactLabels.of(latestFull).stream().map(label -> new FactLabel(label.dimension(),
                        clip(label.label(), MAX_LABEL_LENGTH), label.tableCount(), label.dataBytes())).toList();
                labelsHash = hashOfNames(labels);
            }
            return labels;
        }

        /** Returns a 64-bit FNV-1a hash of the labels' dimensions and texts, in order, without their sizes. */
        long labelsHash() {
            labels();
            return labelsHash;
        }

        private static long hashOfNames(List<FactLabel> labels) {
            long hash = 0xcbf29ce484222325L;
            for (FactLabel label : labels) {
                for (String text : new String[] {label.dimension(), label.label()}) {
                    for (int i = 0; i < text.length(); i++) {
                        hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
                    }
                    hash = (hash ^ 0xffff) * 0x100000001b3L;
                }
            }
            return hash;
        }

        /** Returns the version facts of the server's row after this group. */
        VersionFacts current() {
            return latestFull != null ? VersionFacts.of(latestFull) : storedVersion;
        }

        /** Replays the arrivals in order: each marks its week with the version known after it. */
        Map<Integer, VersionFacts> weeks() {
            if (weeks == null) {
                weeks = new HashMap<>();
                VersionFacts version = storedVersion;
                for (Arrival arrival : arrivals) {
                    if (arrival.facts().kind() == ServerFacts.Kind.FULL) {
                        version = VersionFacts.of(arrival.facts());
                    }
                    weeks.put(Days.weekOf(Days.dayOf(arrival.receivedAt())), version);
                }
            }
            return weeks;
        }
    }

    /** A server's activity in one week; {@code facts} is left out of equality. */
    private record WeekOfServer(int week, long serverId, VersionFacts facts) {

        WeekOfServer withoutFacts() {
            return new WeekOfServer(week, serverId, null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WeekOfServer that && week == that.week && serverId == that.serverId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(serverId) * 31 + week;
        }
    }

    /** The version facts stored beside a server's activity, which the dashboard filters select on. */
    private record VersionFacts(String flavor, Integer majorVersion, String majorMinor) {

        static final VersionFacts UNKNOWN = new VersionFacts(null, null, null);

        static VersionFacts of(ServerFacts facts) {
            Integer major = facts.majorVersion().isPresent() ? facts.majorVersion().getAsInt() : null;
            return new VersionFacts(facts.flavor().map(ServerFacts.Flavor::displayName).orElse(null), major,
                    facts.majorMinor().map(text -> clip(text, MAX_MAJOR_MINOR_LENGTH)).orElse(null));
        }

        /** Binds flavor, major version and major.minor from parameter {@code first}; returns the next parameter. */
        int bind(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, flavor);
            statement.setObject(first + 1, majorVersion, Types.INTEGER);
            statement.setString(first + 2, majorMinor);
            return first + 3;
        }
    }

    /** Returns {@code rows} groups of {@code columns} placeholders: {@code (?, ?), (?, ?)}, or {@code ?, ?} for one column. */
    private static String placeholders(int rows, int columns) {
        String row = columns == 1 ? "?" : "(" + "?, ".repeat(columns - 1) + "?)";
        return (row + ", ").repeat(rows - 1) + row;
    }

    private static void bindStrings(PreparedStatement statement, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
    }

    private static void bindLongs(PreparedStatement statement, List<Long> values) throws SQLException {
        bindLongs(statement, 1, values);
    }

    private static void bindLongs(PreparedStatement statement, int first, List<Long> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setLong(first + i, values.get(i));
        }
    }

    /** Binds the parameters of one row from parameter {@code first} and returns the next parameter. */
    @FunctionalInterface
    private interface RowBinder<T> {
        int bind(PreparedStatement statement, int first, T row) throws SQLException;
    }

    /**
     * Inserts {@code rows} with multi-row statements of at most {@link #MAX_ROWS_PER_STATEMENT} rows, each
     * row having {@code columns} parameters; {@code template} has one {@code %s} for the rows' placeholders.
     */
    private static <T> void insertRows(Connection connection, String template, int columns, List<T> rows,
                                       RowBinder<T> binder) throws SQLException {
        for (List<T> chunk : chunks(rows)) {
            try (PreparedStatement insert = connection.prepareStatement(template.formatted(placeholders(chunk.size(), columns)))) {
                int parameter = 1;
                for (T row : chunk) {
                    parameter = binder.bind(insert, parameter, row);
                }
                insert.executeUpdate();
            }
        }
    }

    /** One label row of one server, as inserted into {@code dashboard_server_values}. */
    private record LabelRow(long serverId, FactLabel label) {
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < items.size(); start += MAX_ROWS_PER_STATEMENT) {
            chunks.add(items.subList(start, Math.min(items.size(), start + MAX_ROWS_PER_STATEMENT)));
        }
        return chunks;
    }

    /** Cuts {@code text} to at most {@code maxLength} characters without splitting a surrogate pair. */
    static String clip(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end);
    }
}
