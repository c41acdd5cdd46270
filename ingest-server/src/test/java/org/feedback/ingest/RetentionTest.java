package org.feedback.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retention deletes raw reports past the maximum age and keeps servers; erasure fires an event for observers. */
@QuarkusTest
class RetentionTest {

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    IngestConfig config;

    @Inject
    RecordingObserver observer;

    @Test
    void retention_reportPastMaxAge_deletedAndServerKept() throws SQLException {
        String old = uploadAndAge(config.retention().maxAge().plus(Duration.ofDays(1)));
        String recent = uploadAndAge(config.retention().maxAge().minus(Duration.ofDays(1)));

        AdminResourceTest.admin().when().post("/api/v1/admin/retention").then().statusCode(200);

        assertThat(count("SELECT COUNT(*) FROM reports WHERE server_uid = ?", old)).isZero();
        assertThat(count("SELECT COUNT(*) FROM servers WHERE server_uid = ?", old)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM reports WHERE server_uid = ?", recent)).isEqualTo(1);
    }

    @Test
    void erase_server_firesErasedEvent() {
        String uid = uploadAndAge(Duration.ZERO);

        AdminResourceTest.admin().queryParam("server", uid).when().delete("/api/v1/admin/servers").then().statusCode(200);

        assertThat(observer.erasedServers()).contains(uid);
    }

    private String uploadAndAge(Duration age) {
        String uid = PostResourceTest.uniqueUid();
        io.restassured.RestAssured.given()
                .multiPart("data", "-", Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uid), "application/octet-stream")
                .when().post("/post").then().statusCode(200);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE reports SET received_at = received_at - ? WHERE server_uid = ?")) {
            statement.setLong(1, age.toSeconds());
            statement.setString(2, uid);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return uid;
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }
}
