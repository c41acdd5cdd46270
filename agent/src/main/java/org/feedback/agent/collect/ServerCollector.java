package org.feedback.agent.collect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.feedback.report.PrivacyRules;
import org.feedback.report.Report;

/**
 * Reads the facts a report takes from the database server: allowlisted variables, all status values and
 * plugin versions. Uses one connection, read-only, with short server-side time limits, and closes it
 * before returning.
 */
final class ServerCollector {

    private static final Logger LOG = Logger.getLogger(ServerCollector.class.getName());

    /** Server-side limit for each statement, in seconds. */
    private static final int STATEMENT_TIME_LIMIT_SECONDS = 10;
    /** How long a statement may wait for a metadata lock, in seconds. */
    private static final int LOCK_WAIT_TIMEOUT_SECONDS = 5;

    private final ServerConnection server;
    private final PrivacyRules rules;

    ServerCollector(ServerConnection server, PrivacyRules rules) {
        this.server = server;
        this.rules = rules;
    }

    /** What the server contributes to a report, and the two values the server id is derived from. */
    record ServerPart(Report entries, String serverUid, int port) {
    }

    ServerPart collect() throws SQLException {
        try (Connection connection = server.open(); Statement statement = connection.createStatement()) {
            limitSession(statement);
            Report.Builder entries = Report.builder();

            Map<String, String> variables = readPairs(statement, "SHOW GLOBAL VARIABLES");
            variables.forEach((name, value) -> {
                if (rules.isVariableAllowed(name)) {
                    entries.add(name, value);
                }
            });
            readPairs(statement, "SHOW GLOBAL STATUS").forEach(entries::add);
            readPlugins(statement, entries);

            String serverUid = variables.get("server_uid");
            int port = parsePort(variables.get("port"));
            return new ServerPart(entries.build(), serverUid, port);
        }
    }

    /** Marks the session read-only and bounds how long any statement may run or wait for a lock. */
    private void limitSession(Statement statement) throws SQLException {
        statement.execute("SET SESSION TRANSACTION READ ONLY");
        statement.execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_TIMEOUT_SECONDS);
        try {
            statement.execute("SET SESSION max_statement_time = " + STATEMENT_TIME_LIMIT_SECONDS);
        } catch (SQLException mariadbOnly) {
            // MySQL has no max_statement_time; its MAX_EXECUTION_TIME is in milliseconds and covers SELECT.
            try {
                statement.execute("SET SESSION MAX_EXECUTION_TIME = " + STATEMENT_TIME_LIMIT_SECONDS * 1000);
            } catch (SQLException neither) {
                LOG.warning("server " + server.describe() + " supports no statement time limit: " + neither.getMessage());
            }
        }
    }

    private static Map<String, String> readPairs(Statement statement, String sql) throws SQLException {
        Map<String, String> pairs = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String value = rows.getString(2);
                pairs.put(rows.getString(1), value == null ? "" : value);
            }
        }
        return pairs;
    }

    private static void readPlugins(Statement statement, Report.Builder entries) throws SQLException {
        String sql = "SELECT PLUGIN_NAME, PLUGIN_VERSION FROM information_schema.PLUGINS";
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                entries.add(rows.getString(1) + " version", rows.getString(2));
            }
        }
    }

    private static int parsePort(String port) {
        try {
            return port == null ? 0 : Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
