package org.feedback.ingest.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * While uploads arrive faster than {@code feedback.dashboard.busy-above-rate}, the rollups wait for
 * {@code busy-refresh-interval}. Once uploads stop, the next check refreshes them.
 */
@QuarkusTest
@TestProfile(BusyRefreshTest.BusyProfile.class)
class BusyRefreshTest {

    /** Any upload makes the server busy. The job is scheduled hourly, so the test runs each check itself. */
    public static class BusyProfile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "feedback.dashboard.busy-above-rate", "0",
                    "feedback.dashboard.busy-refresh-interval", "1h",
                    "feedback.dashboard.refresh-minimum-interval", "0s",
                    "feedback.dashboard.refresh-check-every", "1h");
        }
    }

    @Inject
    RollupJob rollups;

    @Test
    void refresh_duringUploads_waitsUntilUploadsStop() throws SQLException {
        rollups.refreshNow();
        rollups.refreshIfDue();
        long before = activeServers();

        FixtureReports.postNewServers(5);
        boolean refreshedWhileBusy = rollups.refreshIfDue();
        long whileBusy = activeServers();
        boolean refreshedWhenQuiet = rollups.refreshIfDue();

        assertThat(refreshedWhileBusy).isFalse();
        assertThat(whileBusy).isEqualTo(before);
        assertThat(refreshedWhenQuiet).isTrue();
        assertThat(activeServers()).isEqualTo(before + 5);
    }

    private static long activeServers() {
        return given().when().get("/api/v1/stats/summary").then().statusCode(200).extract().jsonPath()
                .getLong("activeServers");
    }
}
