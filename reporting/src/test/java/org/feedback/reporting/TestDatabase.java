package org.feedback.reporting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases the aggregation tests run on, each with the ingest server's real Flyway migrations:
 * in-memory H2, and the PostgreSQL and MariaDB servers on 127.0.0.1 with a database of this module's own
 * ({@value #DATABASE}), created when missing. The schema is rebuilt once per test run.
 */
enum TestDatabase {
    H2("h2"),
    POSTGRESQL("postgresql"),
    MARIADB("mariadb");

    static final String DATABASE = "feedback_reporting_test";

    private static final String[] TABLES = {"dashboard_servers", "dashboard_server_values", "dashboard_server_weeks",
        "dashboard_breakdowns", "dashboard_weekly"};
    private static final Map<TestDatabase, DataSource> MIGRATED = new EnumMap<>(TestDatabase.class);

    private final String vendorFolder;

    TestDatabase(String vendorFolder) {
        this.vendorFolder = vendorFolder;
    }

    /** Returns a data source on the migrated schema with every dashboard table empty. */
    synchronized DataSource emptySchema() throws SQLException {
        DataSource dataSource = MIGRATED.get(this);
        if (dataSource == null) {
            dataSource = create();
            Flyway.configure().dataSource(dataSource).cleanDisabled(false)
                    .locations("filesystem:" + migrations().resolve(vendorFolder)).load().clean();
            Flyway.configure().dataSource(dataSource)
                    .locations("filesystem:" + migrations().resolve(vendorFolder)).load().migrate();
            MIGRATED.put(this, dataSource);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
            statement.executeUpdate("UPDATE dashboard_refresh SET refreshed_at = 0, duration_millis = 0,"
                    + " last_seen_watermark = -1");
        }
        return dataSource;
    }

    private DataSource create() throws SQLException {
        switch (this) {
            case H2 -> {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:mem:" + DATABASE + ";DB_CLOSE_DELAY=-1");
                return h2;
            }
            case POSTGRESQL -> {
                try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                     Statement statement = admin.createStatement()) {
                    if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'").next()) {
                        statement.executeUpdate("CREATE DATABASE " + DATABASE);
                    }
                }
                PGSimpleDataSource postgres = new PGSimpleDataSource();
                postgres.setUrl("jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
                postgres.setUser("postgres");
                return postgres;
            }
            default -> {
                try (Connection admin = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                     Statement statement = admin.createStatement()) {
                    statement.executeUpdate("CREATE DATABASE IF NOT EXISTS " + DATABASE);
                }
                MariaDbDataSource mariadb = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:3306/" + DATABASE);
                mariadb.setUser("root");
                return mariadb;
            }
        }
    }

    private static Path migrations() {
        String folder = System.getProperty("feedback.migrations.dir");
        if (folder == null || !Files.isDirectory(Path.of(folder))) {
            throw new IllegalStateException("system property feedback.migrations.dir is '" + folder
                    + "', not the ingest server's db/migration folder; run the tests with Maven");
        }
        return Path.of(folder);
    }
}
