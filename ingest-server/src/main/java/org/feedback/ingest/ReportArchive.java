package org.feedback.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads and deletes stored raw reports for the admin API and the retention job. Nothing here is reachable
 * from the public endpoints.
 */
@ApplicationScoped
class ReportArchive {

    /** Most reports one listing returns; a server reporting weekly sends about 57 in a 400-day retention. */
    static final int MAX_LISTED = 1000;
    /** Reports deleted per transaction by retention, so that no delete holds locks for long. */
    static final int RETENTION_CHUNK = 1000;

    private static final String LIST = "SELECT id, received_at, report_time, kind, format_version, entry_count,"
            + " scrubbed_count, body_bytes, OCTET_LENGTH(body) FROM reports WHERE server_uid = ? ORDER BY report_time DESC, id DESC";
    private static final String FETCH = "SELECT body_encoding, body FROM reports WHERE id = ?";
    private static final String OLD_IDS = "SELECT id FROM reports WHERE received_at < ?";

    @Inject
    DataSource dataSource;

    @Inject
    Event<ServerErasedEvent> erasedEvents;

    /** Metadata of one stored report, as the admin API lists it. */
    @RegisterForReflection
    record ReportInfo(long id, long receivedAt, long reportTime, String kind, String formatVersion, int entries,
                      int withheld, int textBytes, int storedBytes) {
    }

    /** Counts of the rows one erasure deleted. */
    @RegisterForReflection
    record Erasure(String serverUid, int reportsDeleted, boolean serverDeleted) {
    }

    /** Lists the newest {@value #MAX_LISTED} reports of one server, newest first. */
    List<ReportInfo> list(String serverUid) throws SQLException {
        List<ReportInfo> reports = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(LIST)) {
            statement.setString(1, serverUid);
            statement.setMaxRows(MAX_LISTED);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reports.add(new ReportInfo(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4),
                            rows.getString(5), rows.getInt(6), rows.getInt(7), rows.getInt(8), rows.getInt(9)));
                }
            }
        }
        return reports;
    }

    /** Returns the scrubbed text of one report in the escaped format, or empty when there is no such report. */
    Optional<byte[]> text(long reportId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(FETCH)) {
            statement.setLong(1, reportId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(BodyCodec.expand(rows.getString(1), rows.getBytes(2))) : Optional.empty();
            }
        }
    }

    /**
     * Deletes every raw report and the {@code servers} row of one server, and fires {@link ServerErasedEvent}
     * in the same transaction so that observers delete what they derived.
     */
    Erasure erase(String serverUid) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                int reports = deleteWhere(connection, "DELETE FROM reports WHERE server_uid = ?", serverUid);
                int servers = deleteWhere(connection, "DELETE FROM servers WHERE server_uid = ?", serverUid);
                erasedEvents.fire(new ServerErasedEvent(serverUid));
                return new Erasure(serverUid, reports, servers > 0);
            }
        });
    }

    /**
     * Deletes raw reports that arrived before {@code cutoffEpochSeconds}, {@value #RETENTION_CHUNK} per
     * transaction; returns how many were deleted. Servers and everything derived from reports stay.
     */
    int deleteReceivedBefore(long cutoffEpochSeconds) throws SQLException {
        int deleted = 0;
        while (true) {
            List<Long> ids = oldIds(cutoffEpochSeconds);
            if (ids.isEmpty()) {
                return deleted;
            }
            deleted += QuarkusTransaction.requiringNew().call(() -> deleteIds(ids));
        }
    }

    private List<Long> oldIds(long cutoffEpochSeconds) throws SQLException {
        List<Long> ids = new ArrayList<>(RETENTION_CHUNK);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(OLD_IDS)) {
            statement.setLong(1, cutoffEpochSeconds);
            statement.setMaxRows(RETENTION_CHUNK);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private int deleteIds(List<Long> ids) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM reports WHERE id IN (" + placeholders + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                delete.setLong(i + 1, ids.get(i));
            }
            return delete.executeUpdate();
        }
    }

    private static int deleteWhere(Connection connection, String sql, String serverUid) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, serverUid);
            return delete.executeUpdate();
        }
    }
}
