package org.feedback.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.feedback.report.ServerFacts;

/**
 * Records what the dashboards need from one stored report: the server's activity, its latest labels
 * (full reports only) and its activity in the report's week. It runs on the caller's connection and
 * commits nothing, so that it takes part in the transaction that stores the report.
 *
 * <p>A notice counts as activity but leaves the server's labels as its latest full report set them.
 */
public final class FactRecorder {

    private static final String FIND_SERVER = "SELECT server_id, last_seen, flavor, major_version, major_minor"
            + " FROM dashboard_servers WHERE server_uid = ? FOR UPDATE";
    private static final String INSERT_SERVER = "INSERT INTO dashboard_servers (server_uid, first_seen, last_seen,"
            + " last_seen_day, facts_time, flavor, major_version, major_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_SEEN = "UPDATE dashboard_servers SET last_seen = ?, last_seen_day = ?"
            + " WHERE server_id = ?";
    private static final String UPDATE_FACTS = "UPDATE dashboard_servers SET facts_time = ?, flavor = ?,"
            + " major_version = ?, major_minor = ? WHERE server_id = ?";
    private static final String DELETE_VALUES = "DELETE FROM dashboard_server_values WHERE server_id = ?";
    private static final String INSERT_VALUE = "INSERT INTO dashboard_server_values (server_id, dimension, label,"
            + " table_count, data_bytes) VALUES (?, ?, ?, ?, ?)";
    private static final String UPDATE_WEEK = "UPDATE dashboard_server_weeks SET flavor = ?, major_version = ?,"
            + " major_minor = ? WHERE week_day = ? AND server_id = ?";
    private static final String INSERT_WEEK = "INSERT INTO dashboard_server_weeks (flavor, major_version,"
            + " major_minor, week_day, server_id) VALUES (?, ?, ?, ?, ?)";

    /** Width of the label columns; a longer label from a report is cut, so it cannot fail the insert. */
    static final int MAX_LABEL_LENGTH = 128;
    /** Width of the major_minor columns. */
    static final int MAX_MAJOR_MINOR_LENGTH = 32;

    private static final String FIND_SERVER_ID = "SELECT server_id FROM dashboard_servers WHERE server_uid = ?";
    private static final String DELETE_WEEKS = "DELETE FROM dashboard_server_weeks WHERE server_id = ?";
    private static final String DELETE_SERVER = "DELETE FROM dashboard_servers WHERE server_id = ?";
    private static final String FORCE_REFRESH = "UPDATE dashboard_refresh SET last_seen_watermark = -1";

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

    /**
     * Records one report of the server that {@code facts} names.
     *
     * @param connection  a connection inside the transaction that stores the report
     * @param receivedAt  when the report arrived, in seconds since the Unix epoch
     * @param facts       the facts of the scrubbed report; must carry a server id
     * @throws IllegalArgumentException when {@code facts} has no server id
     */
    public void record(Connection connection, long receivedAt, ServerFacts facts) throws SQLException {
        String serverUid = facts.serverUid().orElseThrow(() -> new IllegalArgumentException(
                "the report has no FEEDBACK_SERVER_UID, so the dashboards cannot attribute it to a server"));
        VersionFacts version = facts.kind() == ServerFacts.Kind.FULL ? VersionFacts.of(facts) : null;

        VersionFacts current = lockOrInsertServer(connection, serverUid, receivedAt, version);
        if (version != null) {
            replaceLabels(connection, current.serverId(), receivedAt, version, FactLabels.of(facts));
            current = version.withServerId(current.serverId());
        }
        recordWeek(connection, Days.weekOf(Days.dayOf(receivedAt)), current);
    }

    /**
     * Locks the server's row, creating it when new, and moves its last-seen time forward.
     *
     * <p>NOTE: two first reports of the same new server stored at the same moment both insert; the second
     * fails on the unique server id and its transaction, report included, rolls back (the sender retries).
     */
    private static VersionFacts lockOrInsertServer(Connection connection, String serverUid, long receivedAt,
                                                   VersionFacts version) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND_SERVER)) {
            find.setString(1, serverUid);
            try (ResultSet row = find.executeQuery()) {
                if (row.next()) {
                    VersionFacts current = new VersionFacts(row.getLong(1), row.getString(3),
                            (Integer) row.getObject(4, Integer.class), row.getString(5));
                    if (receivedAt > row.getLong(2)) {
                        updateSeen(connection, current.serverId(), receivedAt);
                    }
                    return current;
                }
            }
        }
        return insertServer(connection, serverUid, receivedAt, version);
    }

    private static void updateSeen(Connection connection, long serverId, long receivedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE_SEEN)) {
            update.setLong(1, receivedAt);
            update.setInt(2, Days.dayOf(receivedAt));
            update.setLong(3, serverId);
            update.executeUpdate();
        }
    }

    private static VersionFacts insertServer(Connection connection, String serverUid, long receivedAt,
                                             VersionFacts version) throws SQLException {
        VersionFacts facts = version == null ? VersionFacts.UNKNOWN : version;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SERVER, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, serverUid);
            insert.setLong(2, receivedAt);
            insert.setLong(3, receivedAt);
            insert.setInt(4, Days.dayOf(receivedAt));
            insert.setObject(5, version == null ? null : receivedAt, Types.BIGINT);
            facts.bind(insert, 6);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return facts.withServerId(keys.getLong(1));
            }
        }
    }

    private static void replaceLabels(Connection connection, long serverId, long receivedAt, VersionFacts version,
                                      List<FactLabel> labels) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE_FACTS)) {
            update.setLong(1, receivedAt);
            version.bind(update, 2);
            update.setLong(5, serverId);
            update.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_VALUES)) {
            delete.setLong(1, serverId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_VALUE)) {
            for (FactLabel label : labels) {
                insert.setLong(1, serverId);
                insert.setString(2, label.dimension());
                insert.setString(3, clip(label.label(), MAX_LABEL_LENGTH));
                insert.setObject(4, label.tableCount(), Types.BIGINT);
                insert.setObject(5, label.dataBytes(), Types.BIGINT);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Marks the server active in {@code week}, with the version it ran at its latest report that week. */
    private static void recordWeek(Connection connection, int week, VersionFacts facts) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE_WEEK)) {
            facts.bind(update, 1);
            update.setInt(4, week);
            update.setLong(5, facts.serverId());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_WEEK)) {
            facts.bind(insert, 1);
            insert.setInt(4, week);
            insert.setLong(5, facts.serverId());
            insert.executeUpdate();
        }
    }

    /** The version facts stored beside a server's activity, which the dashboard filters select on. */
    private record VersionFacts(long serverId, String flavor, Integer majorVersion, String majorMinor) {

        static final VersionFacts UNKNOWN = new VersionFacts(0, null, null, null);

        static VersionFacts of(ServerFacts facts) {
            Integer major = facts.majorVersion().isPresent() ? facts.majorVersion().getAsInt() : null;
            return new VersionFacts(0, facts.flavor().map(ServerFacts.Flavor::displayName).orElse(null), major,
                    facts.majorMinor().map(text -> clip(text, MAX_MAJOR_MINOR_LENGTH)).orElse(null));
        }

        VersionFacts withServerId(long id) {
            return new VersionFacts(id, flavor, majorVersion, majorMinor);
        }

        /** Binds flavor, major version and major.minor to three parameters starting at {@code first}. */
        void bind(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, flavor);
            statement.setObject(first + 1, majorVersion, Types.INTEGER);
            statement.setString(first + 2, majorMinor);
        }
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
