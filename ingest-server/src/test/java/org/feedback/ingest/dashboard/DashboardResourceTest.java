package org.feedback.ingest.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.feedback.reporting.Chart;
import org.feedback.reporting.Page;
import org.junit.jupiter.api.Test;

/**
 * The dashboard through real HTTP on the H2 test database, after uploads through {@code POST /post}.
 * Other tests upload too, so counts are compared before and after; each test uploads at least as many
 * servers as the default suppression threshold (5) so that its groups are shown.
 */
@QuarkusTest
class DashboardResourceTest {

    @Inject
    RollupJob rollups;

    @Test
    void dashboard_afterUploads_countsServersAndShowsVersion() throws SQLException {
        long before = activeServers();

        FixtureReports.postNewServers(5);
        rollups.refreshNow();

        assertThat(activeServers()).isEqualTo(before + 5);
        String html = given().when().get("/").then().statusCode(200).extract().asString();
        assertThat(html).contains("<td>" + FixtureReports.VERSION + "</td>")
                .contains("<td>" + FixtureReports.DISTRIBUTION + "</td>");
    }

    @Test
    void summary_noticesOnly_countedAsActiveWithUnknownVersion() throws SQLException {
        long before = activeServers();

        for (int i = 0; i < 5; i++) {
            FixtureReports.post("FEEDBACK_SERVER_UID\t" + FixtureReports.uniqueUid()
                    + "\nFEEDBACK_WHEN\tstartup\nFEEDBACK_USER_INFO\t\n");
        }
        rollups.refreshNow();

        assertThat(activeServers()).isEqualTo(before + 5);
        JsonPath flavors = given().when().get("/api/v1/stats/flavor").then().statusCode(200).extract().jsonPath();
        assertThat(flavors.getList("groups.label")).contains("unknown");
    }

    @Test
    void pages_everyPage_drawsEachOfItsCharts() throws SQLException {
        FixtureReports.postNewServers(5);
        rollups.refreshNow();

        for (Page page : Page.values()) {
            String html = given().when().get("/" + page.path()).then().statusCode(200)
                    .contentType(startsWith("text/html")).extract().asString();

            for (Chart chart : Chart.of(page)) {
                assertThat(html).as(page + " draws " + chart.id())
                        .contains("<svg class=\"chart\" data-chart=\"" + chart.id() + "\"")
                        .contains("<table id=\"table-" + chart.id() + "\">");
            }
        }
    }

    @Test
    void hardwarePage_memoryChart_explainsRangeBounds() throws SQLException {
        FixtureReports.postNewServers(5);
        rollups.refreshNow();

        String html = given().when().get("/" + Page.HARDWARE.path()).then().statusCode(200).extract().asString();
        String memory = html.substring(html.indexOf("id=\"section-memory\""));
        String cpuCount = html.substring(html.indexOf("id=\"section-cpu-count\""), html.indexOf("id=\"section-cpu-cores\""));

        assertThat(memory.substring(0, memory.indexOf("</section>"))).contains("includes its upper bound");
        assertThat(cpuCount).doesNotContain("includes its upper bound");
    }

    @Test
    void chart_json_matchesActiveServersOfSummary() throws SQLException {
        FixtureReports.postNewServers(5);
        rollups.refreshNow();

        JsonPath flavors = given().queryParam("days", "30").when().get("/api/v1/stats/flavor")
                .then().statusCode(200).extract().jsonPath();

        assertThat(flavors.getLong("population")).isEqualTo(activeServers());
        assertThat(flavors.getList("groups.label")).contains("MariaDB");
    }

    @Test
    void csv_chart_returnsHeaderAndRows() throws SQLException {
        FixtureReports.postNewServers(5);
        rollups.refreshNow();

        String csv = given().when().get("/api/v1/stats/major-minor.csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("major-minor.csv")).extract().asString();

        assertThat(csv).startsWith("value,servers,share,tables,data_bytes\r\n").contains("\r\n10.11,");
    }

    @Test
    void chart_unknownId_returns404NamingIt() {
        given().when().get("/api/v1/stats/no-such-chart").then().statusCode(404)
                .body(containsString("'no-such-chart'"));
    }

    @Test
    void chart_invalidDays_returns400WithAcceptedValues() {
        given().queryParam("days", "yesterday").when().get("/api/v1/stats/flavor").then().statusCode(400)
                .body(containsString("days 'yesterday' is invalid; use a whole number from 1 to 3660, or 'all'"));
    }

    @Test
    void page_invalidFlavor_returns400NamingFlavors() {
        given().queryParam("flavor", "Oracle").when().get("/versions").then().statusCode(400)
                .body(containsString("use MariaDB, MySQL or Percona Server"));
    }

    @Test
    void charts_listsEveryChartWithItsLinks() {
        JsonPath charts = given().when().get("/api/v1/stats/charts").then().statusCode(200).extract().jsonPath();

        assertThat(charts.getList("id")).hasSize(Chart.ALL.size());
        assertThat(charts.getList("csv")).contains("/api/v1/stats/memory.csv");
    }

    private static long activeServers() {
        return given().when().get("/api/v1/stats/summary").then().statusCode(200).extract().jsonPath()
                .getLong("activeServers");
    }
}
