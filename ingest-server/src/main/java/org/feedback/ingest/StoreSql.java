package org.feedback.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The SQL of the write path for one database product. Inserting reports is standard SQL; the per-server
 * upsert is not, so each product gets its own form of it: {@code ON CONFLICT} on PostgreSQL,
 * {@code ON DUPLICATE KEY UPDATE} on MariaDB, {@code MERGE} on H2. Each upsert takes the same parameters
 * in the same order: server_uid, first_seen, last_seen, report_count, then the eight fact columns.
 * {@code groupSetup}, when not null, runs first in each group's transaction.
 */
record StoreSql(String product, String upsertServerWithFacts, String upsertServerSeenOnly, String groupSetup) {

    static final String INSERT_REPORT = "INSERT INTO reports (server_uid, received_at, report_time, kind,"
            + " format_version, content_sha256, entry_count, scrubbed_count, body_bytes, body_encoding, body)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String FIND_REPORT = "SELECT id FROM reports"
            + " WHERE server_uid = ? AND report_time = ? AND content_sha256 = ?";

    private static final String COLUMNS = "server_uid, first_seen, last_seen, report_count, version, flavor,"
            + " major_minor, os_name, distribution, architecture, cpu_count, memory_bytes";
    private static final String[] FACT_COLUMNS = {
        "version", "flavor", "major_minor", "os_name", "distribution", "architecture", "cpu_count", "memory_bytes"};
    private static final String PARAMETERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    /**
     * SQL run first in every group's transaction on PostgreSQL, so that each statement is planned for its
     * actual parameters. The driver prepares a statement on the server after a few runs, and PostgreSQL may
     * then keep one generic plan for it. A generic plan made while the tables were still small (a new
     * deployment) scans the whole table to find a few servers, and stays when the tables grow. A few custom
     * plans per group cost far less than one such scan.
     */
    static final String POSTGRES_GROUP_SETUP = "SET LOCAL plan_cache_mode = force_custom_plan";

    /** Returns the SQL for the database {@code connection} is connected to. */
    static StoreSql forConnection(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String lower = product.toLowerCase(Locale.ROOT);
        if (lower.contains("postgresql")) {
            return new StoreSql(product, postgres(true), postgres(false), POSTGRES_GROUP_SETUP);
        }
        if (lower.contains("mariadb") || lower.contains("mysql")) {
            return new StoreSql(product, mariaDb(true), mariaDb(false), null);
        }
        if (lower.contains("h2")) {
            return new StoreSql(product, h2(true), h2(false), null);
        }
        throw new SQLException("database product '" + product + "' is not supported; use H2, PostgreSQL or MariaDB");
    }

    private static String postgres(boolean withFacts) {
        StringBuilder sql = new StringBuilder("INSERT INTO servers AS s (" + COLUMNS + ") VALUES (" + PARAMETERS + ")"
                + " ON CONFLICT (server_uid) DO UPDATE SET last_seen = GREATEST(s.last_seen, EXCLUDED.last_seen),"
                + " report_count = s.report_count + EXCLUDED.report_count");
        if (withFacts) {
            for (String column : FACT_COLUMNS) {
                sql.append(", ").append(column).append(" = EXCLUDED.").append(column);
            }
        }
        return sql.toString();
    }

    private static String mariaDb(boolean withFacts) {
        StringBuilder sql = new StringBuilder("INSERT INTO servers (" + COLUMNS + ") VALUES (" + PARAMETERS + ")"
                + " ON DUPLICATE KEY UPDATE last_seen = GREATEST(last_seen, VALUES(last_seen)),"
                + " report_count = report_count + VALUES(report_count)");
        if (withFacts) {
            for (String column : FACT_COLUMNS) {
                sql.append(", ").append(column).append(" = VALUES(").append(column).append(')');
            }
        }
        return sql.toString();
    }

    private static String h2(boolean withFacts) {
        StringBuilder sql = new StringBuilder("MERGE INTO servers s USING (VALUES (CAST(? AS VARCHAR(64)),"
                + " CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(128)),"
                + " CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(128)),"
                + " CAST(? AS VARCHAR(32)), CAST(? AS INTEGER), CAST(? AS BIGINT))) AS n (" + COLUMNS + ")"
                + " ON s.server_uid = n.server_uid"
                + " WHEN MATCHED THEN UPDATE SET last_seen = GREATEST(s.last_seen, n.last_seen),"
                + " report_count = s.report_count + n.report_count");
        if (withFacts) {
            for (String column : FACT_COLUMNS) {
                sql.append(", ").append(column).append(" = n.").append(column);
            }
        }
        sql.append(" WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (n.")
                .append(COLUMNS.replace(", ", ", n.")).append(')');
        return sql.toString();
    }
}
