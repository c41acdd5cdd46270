package org.feedback.agent.collect;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The one connection of a collection: read-only, with a server-side limit on each statement and a short
 * lock wait, counting the statements it runs and their round-trip time. With {@code profile}, the server's
 * own time per statement is read back from {@code SHOW PROFILES} at the end.
 *
 * <p>A new connection is opened for each collection and closed after it, rather than kept open with a
 * validation query: a full report comes once a week, so a kept connection would hold a server thread and
 * a {@code max_connections} slot for nothing, and a fresh one needs no handling of server restarts.
 */
final class Session implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Session.class.getName());

    /** How long a statement may wait for a metadata or row lock. */
    static final int LOCK_WAIT_TIMEOUT_SECONDS = 5;
    /** {@code SHOW PROFILES} keeps at most this many statements; a collection runs fewer. */
    private static final int PROFILING_HISTORY_SIZE = 100;

    private final Connection connection;
    private final Statement statement;
    private final boolean profile;
    private int statements;
    private long roundTripNanos;

    private Session(Connection connection, boolean profile) throws SQLException {
        this.connection = connection;
        this.statement = connection.createStatement();
        this.profile = profile;
    }

    /** Opens the connection and limits the session; closes the connection again if that fails. */
    static Session open(ServerConnection server, boolean profile) throws SQLException {
        Connection connection = server.open();
        try {
            Session session = new Session(connection, profile);
            session.limit(server);
            return session;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private void limit(ServerConnection server) throws SQLException {
        execute("SET SESSION TRANSACTION READ ONLY");
        long statementSeconds = server.statementTimeout().toSeconds();
        try {
            execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_TIMEOUT_SECONDS
                    + ", SESSION max_statement_time = " + statementSeconds);
        } catch (SQLException notMariaDb) {
            // MySQL has no max_statement_time; its MAX_EXECUTION_TIME is in milliseconds and covers SELECT.
            try {
                execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_TIMEOUT_SECONDS
                        + ", SESSION MAX_EXECUTION_TIME = " + statementSeconds * 1000);
            } catch (SQLException neither) {
                execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_TIMEOUT_SECONDS);
                LOG.warning("server " + server.describe() + " supports no statement time limit: " + neither.getMessage());
            }
        }
        if (profile) {
            execute("SET SESSION profiling_history_size = " + PROFILING_HISTORY_SIZE + ", SESSION profiling = 1");
        }
    }

    /** Runs a query and returns its rows, each column as text ({@code null} for SQL NULL). */
    List<String[]> query(String sql) throws SQLException {
        long start = System.nanoTime();
        statements++;
        try (ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            int columns = meta.getColumnCount();
            List<String[]> result = new ArrayList<>();
            while (rows.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rows.getString(i + 1);
                }
                result.add(row);
            }
            return result;
        } finally {
            roundTripNanos += System.nanoTime() - start;
        }
    }

    private void execute(String sql) throws SQLException {
        long start = System.nanoTime();
        statements++;
        try {
            statement.execute(sql);
        } finally {
            roundTripNanos += System.nanoTime() - start;
        }
    }

    /**
     * Returns what the collection cost so far. With profiling on, asks the server for its time per
     * statement; that last statement is not itself counted or timed.
     */
    CollectionStats stats() {
        Duration roundTrip = Duration.ofNanos(roundTripNanos);
        if (!profile) {
            return new CollectionStats(statements, roundTrip, null);
        }
        try (ResultSet rows = statement.executeQuery("SHOW PROFILES")) {
            BigDecimal seconds = BigDecimal.ZERO;
            while (rows.next()) {
                seconds = seconds.add(rows.getBigDecimal("Duration"));
            }
            return new CollectionStats(statements, roundTrip, Duration.ofNanos(seconds.movePointRight(9).longValue()));
        } catch (SQLException e) {
            LOG.warning("cannot read the server time of the collection with SHOW PROFILES: " + e.getMessage());
            return new CollectionStats(statements, roundTrip, null);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.fine("closing the database connection failed: " + e.getMessage());
        }
    }
}
