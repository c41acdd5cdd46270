package org.feedback.ingest.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A server erased through the admin API leaves no per-server row in the dashboard tables. */
@QuarkusTest
class ErasureTest {

    /** The admin key the test profile configures in application.properties. */
    private static final String ADMIN_KEY = "test-admin-key";

    @Inject
    RollupJob rollups;

    @Inject
    DataSource dataSource;

    @Test
    void erase_server_removesDashboardRowsAndCount() throws SQLException {
        String erased = FixtureReports.uniqueUid();
        FixtureReports.post(FixtureReports.withServerUid(erased));
        FixtureReports.postNewServers(5);
        rollups.refreshNow();
        long before = activeServers();
        assertThat(dashboardRows(erased)).isPositive();

        given().auth().oauth2(ADMIN_KEY).queryParam("server", erased)
                .when().delete("/api/v1/admin/servers")
                .then().statusCode(200);
        rollups.refreshNow();

        assertThat(dashboardRows(erased)).isZero();
        assertThat(activeServers()).isEqualTo(before - 1);
    }

    /** Counts the rows of the server in the per-server dashboard tables. */
    private long dashboardRows(String serverUid) throws SQLException {
        String sql = "SELECT (SELECT COUNT(*) FROM dashboard_servers WHERE server_uid = ?)"
                + " + (SELECT COUNT(*) FROM dashboard_server_values v JOIN dashboard_servers s"
                + " ON s.server_id = v.server_id WHERE s.server_uid = ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, serverUid);
            statement.setString(2, serverUid);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long activeServers() {
        return given().when().get("/api/v1/stats/summary").then().statusCode(200)
                .extract().jsonPath().getLong("activeServers");
    }
}
