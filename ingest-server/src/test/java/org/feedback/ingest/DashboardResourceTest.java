package org.feedback.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DashboardResourceTest {

    @Test
    void dashboard_afterUpload_countsServerAndShowsVersion() {
        long before = activeServers();

        given().multiPart("data", "-", Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, PostResourceTest.uniqueUid()),
                        "application/octet-stream")
                .when().post("/post").then().statusCode(200);

        assertThat(activeServers()).isEqualTo(before + 1);
        String html = given().when().get("/").then().statusCode(200).extract().asString();
        assertThat(html).contains("<td>10.11.19-MariaDB-0+deb12u1</td>").contains("<td>Debian GNU/Linux 12 (bookworm)</td>");
    }

    private static long activeServers() {
        JsonPath summary = given().when().get("/api/v1/stats/summary").then().statusCode(200).extract().jsonPath();
        return summary.getLong("activeServers");
    }
}
