package org.feedback.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostResourceTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void post_fixtureAsCurlFileUpload_storedWithHtmlHeading() {
        byte[] report = Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uniqueUid());

        String html = given()
                .multiPart("data", "mariadb-10.11.txt", report, "application/octet-stream")
                .when().post("/post")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();

        // The fixture carries FEEDBACK_URL and WSREP_CLUSTER_STATE_UUID, which the denylist drops; its FEEDBACK_HTTP_PROXY is empty.
        assertThat(html).contains("<h1>Report stored: 949 entries, 2 withheld for privacy</h1>");
    }

    @Test
    void post_acceptJson_repliesJsonWithCounts() {
        String uid = uniqueUid();

        given()
                .accept("application/json")
                .multiPart("data", "-", Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uid), "application/octet-stream")
                .when().post("/post")
                .then().statusCode(200)
                .body("status", equalTo("stored"))
                .body("report.serverUid", equalTo(uid))
                .body("report.kind", equalTo("full"))
                .body("report.entries", equalTo(949))
                .body("report.withheld", equalTo(2));
    }

    @Test
    void post_asFeedbackPluginOverHttp10_stored() throws Exception {
        String uid = uniqueUid();
        byte[] notice = ("FEEDBACK_SERVER_UID\t" + uid + "\nFEEDBACK_WHEN\tstartup\nFEEDBACK_USER_INFO\t\n\n")
                .getBytes(StandardCharsets.UTF_8);

        String reply = Uploads.postAsFeedbackPlugin(root.getPort(), notice);

        assertThat(reply).startsWith("HTTP/1.0 200").contains("<h1>Report stored: 3 entries</h1>");
    }

    @Test
    void post_fullReportAsFeedbackPlugin_stored() throws Exception {
        String text = new String(Uploads.fixtureWithServerUid(Uploads.MARIADB_10_11, uniqueUid()), StandardCharsets.UTF_8);
        // The plugin sends no header line and ends its report with an empty line.
        byte[] body = (text.substring(text.indexOf('\n') + 1) + "\n").getBytes(StandardCharsets.UTF_8);

        String reply = Uploads.postAsFeedbackPlugin(root.getPort(), body);

        assertThat(reply).startsWith("HTTP/1.0 200").contains("<h1>Report stored: 949 entries, 2 withheld for privacy</h1>");
    }

    @Test
    void post_lineWithoutTab_rejectedNamingLine() {
        byte[] junk = "FEEDBACK_SERVER_UID\tabc=\nthis line has no tab\n".getBytes(StandardCharsets.UTF_8);

        given()
                .multiPart("data", "-", junk, "application/octet-stream")
                .when().post("/post")
                .then().statusCode(400)
                .body(containsString("<h1>Report rejected: not a valid report: line 2: no tab between name and value</h1>"));
    }

    @Test
    void post_reportWithoutServerUid_rejected() {
        given()
                .accept("application/json")
                .multiPart("data", "-", "version\t10.11.19\n".getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .when().post("/post")
                .then().statusCode(400)
                .body("status", equalTo("rejected"))
                .body("error", containsString("no FEEDBACK_SERVER_UID"));
    }

    @Test
    void post_withoutDataPart_rejected() {
        given()
                .multiPart("report", "-", "FEEDBACK_SERVER_UID\tabc=\n".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when().post("/post")
                .then().statusCode(400)
                .body(containsString("no part named data"));
    }

    static String uniqueUid() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 27) + "=";
    }
}
