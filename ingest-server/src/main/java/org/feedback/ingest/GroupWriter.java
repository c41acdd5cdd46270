package org.feedback.ingest;

import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.feedback.report.ServerFacts;

/**
 * Writes one group of reports inside the caller's JTA transaction: inserts the new reports with one JDBC
 * batch, upserts one {@code servers} row per server with another, and fires one {@link ReportsStoredEvent}
 * for the new reports. Observers of the event get the same transaction, because inside a JTA transaction the
 * data source hands out the connection already enlisted in it.
 *
 * <p>Copies of one report inside the group are stored once. Copies already in the database are found only
 * when {@code lookUpExisting} is set: the first attempt skips that query and relies on the unique key
 * {@code reports_dedupe}, whose violation makes the caller retry the group with the look-up.
 */
final class GroupWriter {

    private static final int MAX_VERSION = 128;
    private static final int MAX_FLAVOR = 32;
    private static final int MAX_MAJOR_MINOR = 16;
    private static final int MAX_OS_NAME = 64;
    private static final int MAX_DISTRIBUTION = 128;
    private static final int MAX_ARCHITECTURE = 32;
    private static final int MAX_FORMAT_VERSION = 16;

    private final DataSource dataSource;
    private final Event<ReportsStoredEvent> storedEvents;
    private volatile StoreSql sql;

    GroupWriter(DataSource dataSource, Event<ReportsStoredEvent> storedEvents) {
        this.dataSource = dataSource;
        this.storedEvents = storedEvents;
    }

    /** Writes {@code group}; returns what each report became, in group order. Call inside a transaction. */
    List<StoredReport> write(List<PendingReport> group, boolean lookUpExisting) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            StoreSql statements = sql(connection);
            if (statements.groupSetup() != null) {
                try (Statement setup = connection.createStatement()) {
                    setup.execute(statements.groupSetup());
                }
            }
            Map<PendingReport.DedupeKey, Long> ids = new LinkedHashMap<>();
            if (lookUpExisting) {
                findExisting(connection, group, ids);
            }
            List<PendingReport> fresh = firstCopies(group, ids);
            insertReports(connection, fresh, ids);
            upsertServers(connection, statements, fresh);
            if (!fresh.isEmpty()) {
                List<ReportStoredEvent> stored = new ArrayList<>(fresh.size());
                for (PendingReport report : fresh) {
                    stored.add(new ReportStoredEvent(ids.get(report.key()), report.receivedAt(), report.facts(),
                            report.scrubbed()));
                }
                storedEvents.fire(new ReportsStoredEvent(stored));
            }
            return outcomes(group, fresh, ids);
        }
    }

    private StoreSql sql(Connection connection) throws SQLException {
        StoreSql known = sql;
        if (known == null) {
            known = StoreSql.forConnection(connection);
            sql = known;
        }
        return known;
    }

    private static void findExisting(Connection connection, List<PendingReport> group,
                                     Map<PendingReport.DedupeKey, Long> ids) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(StoreSql.FIND_REPORT)) {
            for (PendingReport report : group) {
                PendingReport.DedupeKey key = report.key();
                if (ids.containsKey(key)) {
                    continue;
                }
                find.setString(1, key.serverUid());
                find.setLong(2, key.reportTime());
                find.setString(3, key.contentSha256());
                try (ResultSet rows = find.executeQuery()) {
                    if (rows.next()) {
                        ids.put(key, rows.getLong(1));
                    }
                }
            }
        }
    }

    /** Returns the reports to insert: the first copy of each key that is not stored yet. */
    private static List<PendingReport> firstCopies(List<PendingReport> group, Map<PendingReport.DedupeKey, Long> ids) {
        List<PendingReport> fresh = new ArrayList<>(group.size());
        Set<PendingReport.DedupeKey> seen = new HashSet<>(ids.keySet());
        for (PendingReport report : group) {
            if (seen.add(report.key())) {
                fresh.add(report);
            }
        }
        return fresh;
    }

    private static void insertReports(Connection connection, List<PendingReport> fresh,
                                      Map<PendingReport.DedupeKey, Long> ids) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(StoreSql.INSERT_REPORT, new String[] {"id"})) {
            for (PendingReport report : fresh) {
                PreparedReport prepared = report.prepared();
                insert.setString(1, report.serverUid());
                insert.setLong(2, report.receivedAt());
                insert.setLong(3, report.reportTime());
                insert.setString(4, report.kind());
                insert.setString(5, truncate(prepared.formatVersion(), MAX_FORMAT_VERSION));
                insert.setString(6, prepared.contentSha256());
                insert.setInt(7, prepared.entryCount());
                insert.setInt(8, prepared.scrubbedCount());
                insert.setInt(9, prepared.bodyBytes());
                insert.setString(10, prepared.bodyEncoding());
                insert.setBytes(11, prepared.body());
                insert.addBatch();
            }
            insert.executeBatch();
            readGeneratedIds(insert, fresh, ids);
        }
    }

    private static void readGeneratedIds(PreparedStatement insert, List<PendingReport> fresh,
                                         Map<PendingReport.DedupeKey, Long> ids) throws SQLException {
        int index = 0;
        try (ResultSet keys = insert.getGeneratedKeys()) {
            while (keys.next() && index < fresh.size()) {
                ids.put(fresh.get(index++).key(), keys.getLong(1));
            }
        }
        if (index != fresh.size()) {
            throw new SQLException("the JDBC driver returned " + index + " generated ids for a batch of "
                    + fresh.size() + " inserted reports");
        }
    }

    /** Upserts one row per server, in server id order so that concurrent groups lock rows in the same order. */
    private static void upsertServers(Connection connection, StoreSql statements, List<PendingReport> fresh)
            throws SQLException {
        Map<String, ServerRow> rows = new TreeMap<>();
        for (PendingReport report : fresh) {
            rows.computeIfAbsent(report.serverUid(), ServerRow::new).add(report);
        }
        try (PreparedStatement withFacts = connection.prepareStatement(statements.upsertServerWithFacts());
             PreparedStatement seenOnly = connection.prepareStatement(statements.upsertServerSeenOnly())) {
            boolean anyWithFacts = false;
            boolean anySeenOnly = false;
            for (ServerRow row : rows.values()) {
                if (row.facts != null) {
                    row.bind(withFacts);
                    withFacts.addBatch();
                    anyWithFacts = true;
                } else {
                    row.bind(seenOnly);
                    seenOnly.addBatch();
                    anySeenOnly = true;
                }
            }
            if (anyWithFacts) {
                withFacts.executeBatch();
            }
            if (anySeenOnly) {
                seenOnly.executeBatch();
            }
        }
    }

    private static List<StoredReport> outcomes(List<PendingReport> group, List<PendingReport> fresh,
                                               Map<PendingReport.DedupeKey, Long> ids) {
        Set<PendingReport> inserted = Collections.newSetFromMap(new IdentityHashMap<>());
        inserted.addAll(fresh);
        List<StoredReport> outcomes = new ArrayList<>(group.size());
        for (PendingReport report : group) {
            outcomes.add(report.stored(ids.get(report.key()), !inserted.contains(report)));
        }
        return outcomes;
    }

    private static String truncate(String value, int maxLength) {
        return value == null || value.length() <= maxLength ? value : value.substring(0, maxLength);
    }

    /** The change one group makes to one server's row: seen times, new reports, and the latest full facts. */
    private static final class ServerRow {
        private final String serverUid;
        private long firstSeen = Long.MAX_VALUE;
        private long lastSeen = Long.MIN_VALUE;
        private int reports;
        private ServerFacts facts;

        ServerRow(String serverUid) {
            this.serverUid = serverUid;
        }

        void add(PendingReport report) {
            firstSeen = Math.min(firstSeen, report.receivedAt());
            lastSeen = Math.max(lastSeen, report.receivedAt());
            reports++;
            if (report.facts().kind() == ServerFacts.Kind.FULL) {
                facts = report.facts();
            }
        }

        void bind(PreparedStatement upsert) throws SQLException {
            upsert.setString(1, serverUid);
            upsert.setLong(2, firstSeen);
            upsert.setLong(3, lastSeen);
            upsert.setLong(4, reports);
            ServerFacts known = facts;
            upsert.setString(5, known == null ? null : truncate(known.version().orElse(null), MAX_VERSION));
            upsert.setString(6, known == null ? null
                    : truncate(known.flavor().map(ServerFacts.Flavor::displayName).orElse(null), MAX_FLAVOR));
            upsert.setString(7, known == null ? null : truncate(known.majorMinor().orElse(null), MAX_MAJOR_MINOR));
            upsert.setString(8, known == null ? null : truncate(known.osName().orElse(null), MAX_OS_NAME));
            upsert.setString(9, known == null ? null : truncate(known.distribution().orElse(null), MAX_DISTRIBUTION));
            upsert.setString(10, known == null ? null : truncate(known.architecture().orElse(null), MAX_ARCHITECTURE));
            if (known != null && known.cpuCount().isPresent()) {
                upsert.setInt(11, known.cpuCount().getAsInt());
            } else {
                upsert.setNull(11, Types.INTEGER);
            }
            if (known != null && known.memoryBytes().isPresent()) {
                upsert.setLong(12, known.memoryBytes().getAsLong());
            } else {
                upsert.setNull(12, Types.BIGINT);
            }
        }
    }
}
