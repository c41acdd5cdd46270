package org.feedback.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Recreates this module's test database on the shared PostgreSQL or MariaDB server before Quarkus starts,
 * so that every run begins from an empty schema that Flyway then migrates. The servers are the ones on
 * 127.0.0.1 that every engineer uses; only the database named {@link #NAME} is dropped.
 */
public class SharedTestDatabase implements QuarkusTestResourceLifecycleManager {

    /** Name of the test database on both shared servers. */
    static final String NAME = "feedback_ingest_test";

    static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String MARIADB_ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/";

    private String kind;

    @Override
    public void init(Map<String, String> initArgs) {
        kind = initArgs.get("kind");
    }

    @Override
    public Map<String, String> start() {
        try {
            if ("postgresql".equals(kind)) {
                recreate(POSTGRES_ADMIN_URL, "postgres", "DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)",
                        "CREATE DATABASE " + NAME);
            } else if ("mariadb".equals(kind)) {
                recreate(MARIADB_ADMIN_URL, "root", "DROP DATABASE IF EXISTS " + NAME, "CREATE DATABASE " + NAME);
            } else {
                throw new IllegalArgumentException("unknown database kind '" + kind + "'; use postgresql or mariadb");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not recreate the test database " + NAME + " (" + kind
                    + "); is the server on 127.0.0.1 running? .ci/run starts it", e);
        }
        return Map.of();
    }

    private static void recreate(String adminUrl, String user, String drop, String create) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(drop);
            statement.execute(create);
        }
    }

    @Override
    public void stop() {
        // The database stays for inspection after the run; the next run recreates it.
    }
}
