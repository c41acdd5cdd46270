package org.feedback.ingest.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import org.feedback.reporting.Chart;
import org.feedback.reporting.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports whose every value is markup, a spreadsheet formula and a line break leave the pages and the CSV
 * exports intact: markup is escaped, formulas are neutralised and line breaks stay inside quoted cells.
 */
@QuarkusTest
class HostileReportTest {

    /**
     * A value that is a formula in a spreadsheet, then a second line that opens a script element. It is
     * short enough for every column of the servers table (architecture is 32 characters).
     */
    private static final String HOSTILE = "=HYPERLINK(\"a\")\n<script>x";

    @Inject
    RollupJob rollups;

    private static boolean posted;

    /** Posts the reports before the first test; REST Assured knows the server's port only from then on. */
    @BeforeEach
    void postHostileReports() throws SQLException {
        if (posted) {
            return;
        }
        posted = true;
        // Five servers, the default suppression threshold, so that the hostile labels are shown.
        for (int i = 0; i < 5; i++) {
            FixtureReports.post(hostileReport(FixtureReports.uniqueUid()));
        }
        rollups.refreshNow();
    }

    /**
     * Returns the fixture with every value but the server id replaced by {@link #HOSTILE}, in the escaped
     * format of {@code mariadb -e}, whose header line allows {@code \n} inside a value.
     */
    private static String hostileReport(String serverUid) {
        String escaped = HOSTILE.replace("\\", "\\\\").replace("\n", "\\n");
        StringBuilder report = new StringBuilder("VARIABLE_NAME\tVARIABLE_VALUE\n");
        for (String line : FixtureReports.withServerUid(serverUid).split("\n")) {
            String name = line.substring(0, line.indexOf('\t'));
            if (name.equals("VARIABLE_NAME")) {
                continue;
            }
            report.append(name).append('\t').append(name.equals("FEEDBACK_SERVER_UID") ? serverUid : escaped).append('\n');
        }
        return report.toString();
    }

    @Test
    void chartJson_hostileVersion_keptAsData() {
        List<String> labels = given().when().get("/api/v1/stats/version").then().statusCode(200)
                .extract().jsonPath().getList("groups.label");

        assertThat(labels).contains(HOSTILE);
    }

    @Test
    void pages_hostileValues_escapedAndComplete() {
        for (Page page : Page.values()) {
            String html = given().when().get("/" + page.path()).then().statusCode(200).extract().asString();

            assertThat(html).as(page.name()).doesNotContain("<script").endsWith("</html>\n");
            for (Chart chart : Chart.of(page)) {
                assertThat(html).as(page + " " + chart.id())
                        .contains("<svg class=\"chart\" data-chart=\"" + chart.id() + "\"");
            }
        }
        assertThat(given().when().get("/").then().extract().asString())
                .contains("<td>=HYPERLINK(&quot;a&quot;)\n&lt;script&gt;x</td>");
    }

    @Test
    void csv_hostileVersion_neutralisedAndQuoted() {
        String csv = given().when().get("/api/v1/stats/version.csv").then().statusCode(200).extract().asString();

        assertThat(csv).contains("\"'=HYPERLINK(\"\"a\"\")\n<script>x\",5,");
        for (String line : csv.split("\r\n")) {
            assertThat(line).as("a CSV record").doesNotStartWith("=");
        }
    }
}
