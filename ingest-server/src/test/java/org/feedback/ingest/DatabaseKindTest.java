package org.feedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Checks that the default test run uses embedded H2 with every migration applied. */
@QuarkusTest
class DatabaseKindTest {

    @Inject
    DataSource dataSource;

    /** Returns the product name the JDBC driver reports for the expected database, as a prefix. */
    String expectedProduct() {
        return "H2";
    }

    @Test
    void dataSource_profile_connectsToExpectedProduct() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).startsWith(expectedProduct());
        }
    }

    @Test
    void migrations_atStart_createCurrentSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id, server_uid, report_time, content_sha256, body_encoding, body FROM reports WHERE 1 = 0")) {
            assertThat(rows.next()).isFalse();
        }
    }
}
